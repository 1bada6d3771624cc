package awsapi_test

import (
	"context"
	"testing"

	"github.com/coop-ob/connector/shared/awsapi"
	"github.com/coop-ob/connector/shared/awsapi/awsapitest"
)

// decoder is an out that decodes the answers it takes itself, and records which way each went.
type decoder struct {
	take  bool
	calls []string
}

func (d *decoder) DecodeAnswer(data []byte) bool {
	d.calls = append(d.calls, "DecodeAnswer "+string(data))
	return d.take
}

func (d *decoder) UnmarshalJSON(data []byte) error {
	d.calls = append(d.calls, "UnmarshalJSON "+string(data))
	return nil
}

// TestAnswerDecoder: an out that is an AnswerDecoder decodes the answer's whole body itself,
// and encoding/json decodes it (through UnmarshalJSON) only when DecodeAnswer leaves it.
func TestAnswerDecoder(t *testing.T) {
	t.Parallel()
	srv := awsapitest.New(t, awsapitest.Answer{Body: ` {"Value":"v"} `})
	for _, take := range []bool{true, false} {
		d := &decoder{take: take}
		if err := awsapi.New(srv.Config(), svc).Do(context.Background(), "Get", in{}, d); err != nil {
			t.Fatal(err)
		}
		want := []string{`DecodeAnswer  {"Value":"v"} `}
		if !take {
			want = append(want, `UnmarshalJSON {"Value":"v"}`)
		}
		if len(d.calls) != len(want) || d.calls[0] != want[0] || !take && d.calls[1] != want[1] {
			t.Errorf("take %v: calls %q, want %q", take, d.calls, want)
		}
	}
}
