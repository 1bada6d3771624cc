package consent

import (
	"time"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb/attributevalue"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// timeLayout is RFC 3339 in UTC with a fixed number of fraction digits, so
// that string order is time order (createdAt is the owner index's sort key).
const timeLayout = "2006-01-02T15:04:05.000000000Z07:00"

var (
	encoder = attributevalue.NewEncoder(func(o *attributevalue.EncoderOptions) {
		o.OmitEmptyTime = true
		o.EncodeTime = func(t time.Time) (types.AttributeValue, error) {
			return &types.AttributeValueMemberS{Value: t.UTC().Format(timeLayout)}, nil
		}
	})
	decoder = attributevalue.NewDecoder()
)

// marshal encodes v and adds the item's key.
func marshal(v any, pk, sk string) (map[string]types.AttributeValue, error) {
	av, err := encoder.Encode(v)
	if err != nil {
		return nil, err
	}
	m := av.(*types.AttributeValueMemberM).Value
	m["pk"] = str(pk)
	m["sk"] = str(sk)
	return m, nil
}

func unmarshal(item map[string]types.AttributeValue, v any) error {
	return decoder.Decode(&types.AttributeValueMemberM{Value: item}, v)
}
