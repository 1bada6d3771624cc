package dynamodb_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	sdkdynamodb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/google/go-cmp/cmp"
	"github.com/sivchari/kumo"

	"github.com/coop-ob/connector/dev/sdkconv"
	"github.com/coop-ob/connector/dev/table"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

var kumoURL string

func TestMain(m *testing.M) {
	srv := kumo.NewServer() // one per process: kumo's state is global
	kumoURL = srv.URL
	code := m.Run()
	srv.Close()
	os.Exit(code)
}

// exchange is one request a client sent and the answer it got.
type exchange struct {
	target, contentType string
	request, answer     []byte
	status              int
	header              http.Header
}

// proxy forwards every request to upstream (kumo) and records the exchange; with canned set,
// it answers canned's status, headers and body instead.
type proxy struct {
	*httptest.Server
	upstream string
	mu       sync.Mutex
	seen     []exchange
	canned   *cannedAnswer
}

type cannedAnswer struct {
	status int
	header map[string]string
	body   string
}

// replay is the answer of x, to give again.
func replay(x exchange) *cannedAnswer {
	h := map[string]string{}
	for k := range x.header {
		h[k] = x.header.Get(k)
	}
	return &cannedAnswer{status: x.status, header: h, body: string(x.answer)}
}

func newProxy(t *testing.T, upstream string) *proxy {
	p := &proxy{upstream: upstream}
	p.Server = httptest.NewServer(http.HandlerFunc(p.serve))
	t.Cleanup(p.Close)
	return p
}

func (p *proxy) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	x := exchange{target: r.Header.Get("X-Amz-Target"), contentType: r.Header.Get("Content-Type"), request: body}
	p.mu.Lock()
	canned := p.canned
	p.mu.Unlock()
	if canned != nil {
		for k, v := range canned.header {
			w.Header().Set(k, v)
		}
		w.WriteHeader(canned.status)
		_, _ = io.WriteString(w, canned.body)
		x.answer, x.status, x.header = []byte(canned.body), canned.status, w.Header().Clone()
	} else {
		req, _ := http.NewRequest(r.Method, p.upstream+r.URL.Path, bytes.NewReader(body))
		req.Header = r.Header.Clone()
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		answer, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		for k, v := range resp.Header {
			w.Header()[k] = v
		}
		w.WriteHeader(resp.StatusCode)
		_, _ = w.Write(answer)
		x.answer, x.status, x.header = answer, resp.StatusCode, resp.Header.Clone()
	}
	p.mu.Lock()
	p.seen = append(p.seen, x)
	p.mu.Unlock()
}

// take returns the exchanges since the last take.
func (p *proxy) take() []exchange {
	p.mu.Lock()
	defer p.mu.Unlock()
	s := p.seen
	p.seen = nil
	return s
}

var testCreds = credentials.NewStaticCredentialsProvider("test", "test", "")

// clients are the SDK's client and ours, both on endpoint, with cfg's retry settings.
func clients(endpoint string, cfg aws.Config) (*sdkdynamodb.Client, *dynamodb.Client) {
	cfg.Region, cfg.Credentials = "eu-west-2", testCreds
	sdk := sdkdynamodb.NewFromConfig(cfg, func(o *sdkdynamodb.Options) {
		o.BaseEndpoint = aws.String(endpoint)
		o.DisableValidateResponseChecksum = true
	})
	ours := dynamodb.NewFromConfig(cfg, func(o *dynamodb.Options) { o.Endpoint = endpoint })
	return sdk, ours
}

// sameJSON fails t unless a and b are the same JSON value.
func sameJSON(t *testing.T, what string, a, b []byte) {
	t.Helper()
	var va, vb any
	if err := json.Unmarshal(a, &va); err != nil {
		t.Fatalf("%s: SDK's %q: %v", what, a, err)
	}
	if err := json.Unmarshal(b, &vb); err != nil {
		t.Fatalf("%s: ours %q: %v", what, b, err)
	}
	if diff := cmp.Diff(va, vb); diff != "" {
		t.Errorf("%s (-SDK +ours):\n%s", what, diff)
	}
}

// compare sends in through the SDK's client (converted) to kumo, then through ours to a replay
// of kumo's answer, and checks that both sent the same request (target, content type, JSON
// body) and decoded the same answer.
func compare[I, O, SI, SO any](t *testing.T, p *proxy, in *I,
	sdk func(context.Context, *SI, ...func(*sdkdynamodb.Options)) (*SO, error),
	ours func(context.Context, *I, ...func(*dynamodb.Options)) (*O, error),
) *O {
	t.Helper()
	ctx := context.Background()
	var sin SI
	if err := sdkconv.Convert(&sin, in); err != nil {
		t.Fatal(err)
	}
	sout, err := sdk(ctx, &sin)
	if err != nil {
		t.Fatalf("SDK: %v", err)
	}
	sx := p.take()
	if len(sx) != 1 {
		t.Fatalf("SDK requests: %d, want 1", len(sx))
	}
	p.mu.Lock()
	p.canned = replay(sx[0])
	p.mu.Unlock()
	out, err := ours(ctx, in)
	p.mu.Lock()
	p.canned = nil
	p.mu.Unlock()
	if err != nil {
		t.Fatalf("ours: %v", err)
	}
	ox := p.take()
	if len(ox) != 1 {
		t.Fatalf("requests: ours %d, want 1", len(ox))
	}
	if sx[0].target != ox[0].target || sx[0].contentType != ox[0].contentType {
		t.Errorf("target, content type: SDK %q %q, ours %q %q", sx[0].target, sx[0].contentType, ox[0].target, ox[0].contentType)
	}
	sameJSON(t, "request", sx[0].request, ox[0].request)
	var fromSDK O
	if err := sdkconv.Convert(&fromSDK, sout); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(&fromSDK, out); diff != "" {
		t.Errorf("decoded answer (-SDK +ours):\n%s", diff)
	}
	return out
}

func s(v string) types.AttributeValue { return &types.AttributeValueMemberS{Value: v} }
func n(v string) types.AttributeValue { return &types.AttributeValueMemberN{Value: v} }

// everyKind is an item with an attribute of each kind (and nesting).
func everyKind(pk, sk string) map[string]types.AttributeValue {
	return map[string]types.AttributeValue{
		"pk": s(pk), "sk": s(sk),
		"str": s("x \"quoted\" ünïcode"), "num": n("-12.5"), "bin": &types.AttributeValueMemberB{Value: []byte{0, 1, 2, 0xff}},
		"yes": &types.AttributeValueMemberBOOL{Value: true}, "no": &types.AttributeValueMemberBOOL{Value: false},
		"nul": &types.AttributeValueMemberNULL{Value: true},
		"ss":  &types.AttributeValueMemberSS{Value: []string{"a", "b"}}, "ns": &types.AttributeValueMemberNS{Value: []string{"1", "2.5"}},
		"bs": &types.AttributeValueMemberBS{Value: [][]byte{{1}, {2, 3}}},
		"map": &types.AttributeValueMemberM{Value: map[string]types.AttributeValue{
			"inner": s("v"), "list": &types.AttributeValueMemberL{Value: []types.AttributeValue{n("1"), s("two"), &types.AttributeValueMemberM{Value: map[string]types.AttributeValue{}}}},
		}},
		"emptyList": &types.AttributeValueMemberL{Value: []types.AttributeValue{}},
		"emptyStr":  s(""),
	}
}

var safeName = regexp.MustCompile(`[^a-zA-Z0-9_.-]`)

func newTable(t *testing.T) string {
	t.Helper()
	name := "wire-" + safeName.ReplaceAllString(t.Name(), "_")
	if err := table.CreateAt(context.Background(), kumoURL, name); err != nil {
		t.Fatal(err)
	}
	return name
}

// TestOperationsWireEquivalent: every operation the connector calls sends, for the same input,
// the request the SDK's client sends (X-Amz-Target, Content-Type, the JSON body member by
// member: names, optional members left out, attribute values of every kind), and decodes the
// answer kumo gives into what the SDK's client decodes from it.
func TestOperationsWireEquivalent(t *testing.T) {
	tbl := newTable(t)
	p := newProxy(t, kumoURL)
	sdk, ours := clients(p.URL, aws.Config{})
	key := func(pk, sk string) map[string]types.AttributeValue {
		return map[string]types.AttributeValue{"pk": s(pk), "sk": s(sk)}
	}
	t.Run("PutItem", func(t *testing.T) {
		compare(t, p, &dynamodb.PutItemInput{TableName: &tbl, Item: everyKind("P#1", "A"),
			ConditionExpression:                 aws.String("attribute_not_exists(pk) OR #v = :v"),
			ExpressionAttributeNames:            map[string]string{"#v": "str"},
			ExpressionAttributeValues:           map[string]types.AttributeValue{":v": s("x \"quoted\" ünïcode")},
			ReturnValues:                        types.ReturnValueAllOld,
			ReturnValuesOnConditionCheckFailure: types.ReturnValuesOnConditionCheckFailureAllOld,
			ReturnConsumedCapacity:              types.ReturnConsumedCapacityTotal,
			ReturnItemCollectionMetrics:         types.ReturnItemCollectionMetricsSize,
		}, sdk.PutItem, ours.PutItem)
	})
	t.Run("GetItem", func(t *testing.T) {
		out := compare(t, p, &dynamodb.GetItemInput{TableName: &tbl, Key: key("P#1", "A"), ConsistentRead: aws.Bool(true)}, sdk.GetItem, ours.GetItem)
		if diff := cmp.Diff(everyKind("P#1", "A"), out.Item); diff != "" {
			t.Errorf("item read back (-put +got):\n%s", diff)
		}
		compare(t, p, &dynamodb.GetItemInput{TableName: &tbl, Key: key("P#1", "A"), ProjectionExpression: aws.String("#s, map.inner"),
			ExpressionAttributeNames: map[string]string{"#s": "str"}, ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal}, sdk.GetItem, ours.GetItem)
		compare(t, p, &dynamodb.GetItemInput{TableName: &tbl, Key: key("P#1", "none")}, sdk.GetItem, ours.GetItem)
	})
	t.Run("UpdateItem", func(t *testing.T) {
		compare(t, p, &dynamodb.UpdateItemInput{TableName: &tbl, Key: key("P#1", "A"),
			UpdateExpression:          aws.String("SET #n = :n, owner = :o REMOVE nul"),
			ConditionExpression:       aws.String("attribute_exists(pk)"),
			ExpressionAttributeNames:  map[string]string{"#n": "num"},
			ExpressionAttributeValues: map[string]types.AttributeValue{":n": n("7"), ":o": s("alice")},
			ReturnValues:              types.ReturnValueAllNew,
		}, sdk.UpdateItem, ours.UpdateItem)
	})
	t.Run("Query", func(t *testing.T) {
		for i, sk := range []string{"B", "C", "D"} {
			it := everyKind("P#2", sk)
			it["owner"], it["createdAt"] = s("bob"), s("2026-01-0"+string(rune('1'+i)))
			if _, err := ours.PutItem(context.Background(), &dynamodb.PutItemInput{TableName: &tbl, Item: it}); err != nil {
				t.Fatal(err)
			}
		}
		p.take()
		first := compare(t, p, &dynamodb.QueryInput{TableName: &tbl, KeyConditionExpression: aws.String("pk = :pk AND sk > :sk"),
			ExpressionAttributeValues: map[string]types.AttributeValue{":pk": s("P#2"), ":sk": s("A"), ":f": s("x")},
			FilterExpression:          aws.String("attribute_exists(str) AND str <> :f"), Limit: aws.Int32(2), ConsistentRead: aws.Bool(true),
			ScanIndexForward: aws.Bool(false), Select: types.SelectAllAttributes}, sdk.Query, ours.Query)
		if len(first.LastEvaluatedKey) == 0 {
			t.Fatal("no LastEvaluatedKey after a limited page")
		}
		compare(t, p, &dynamodb.QueryInput{TableName: &tbl, IndexName: aws.String(table.OwnerIndex),
			KeyConditionExpression:    aws.String("#o = :o"),
			ExpressionAttributeNames:  map[string]string{"#o": "owner"},
			ExpressionAttributeValues: map[string]types.AttributeValue{":o": s("bob")},
			ExclusiveStartKey:         nil, ProjectionExpression: aws.String("pk, sk, #o")}, sdk.Query, ours.Query)
		compare(t, p, &dynamodb.QueryInput{TableName: &tbl, KeyConditionExpression: aws.String("pk = :pk"),
			ExpressionAttributeValues: map[string]types.AttributeValue{":pk": s("P#2")}, ExclusiveStartKey: first.LastEvaluatedKey}, sdk.Query, ours.Query)
	})
	t.Run("Scan", func(t *testing.T) {
		compare(t, p, &dynamodb.ScanInput{TableName: &tbl, Limit: aws.Int32(2), ConsistentRead: aws.Bool(true)}, sdk.Scan, ours.Scan)
		compare(t, p, &dynamodb.ScanInput{TableName: &tbl, FilterExpression: aws.String("begins_with(pk, :p)"),
			ExpressionAttributeValues: map[string]types.AttributeValue{":p": s("P#2")}, Segment: aws.Int32(0), TotalSegments: aws.Int32(1)}, sdk.Scan, ours.Scan)
	})
	t.Run("BatchGetItem", func(t *testing.T) {
		out := compare(t, p, &dynamodb.BatchGetItemInput{RequestItems: map[string]types.KeysAndAttributes{
			tbl: {Keys: []map[string]types.AttributeValue{key("P#1", "A"), key("P#2", "B"), key("P#9", "none")}, ConsistentRead: aws.Bool(true),
				ProjectionExpression: aws.String("pk, sk, #s"), ExpressionAttributeNames: map[string]string{"#s": "str"}},
		}}, sdk.BatchGetItem, ours.BatchGetItem)
		if got := len(out.Responses[tbl]); got != 2 {
			t.Errorf("BatchGetItem read %d items, want 2", got)
		}
	})
	t.Run("TransactWriteItems", func(t *testing.T) {
		compare(t, p, &dynamodb.TransactWriteItemsInput{ClientRequestToken: aws.String("token-1"), TransactItems: []types.TransactWriteItem{
			{Put: &types.Put{TableName: &tbl, Item: everyKind("P#3", "A"), ConditionExpression: aws.String("attribute_not_exists(pk)"),
				ReturnValuesOnConditionCheckFailure: types.ReturnValuesOnConditionCheckFailureAllOld}},
			{Update: &types.Update{TableName: &tbl, Key: key("P#1", "A"), UpdateExpression: aws.String("SET #n = :n"),
				ExpressionAttributeNames: map[string]string{"#n": "num"}, ExpressionAttributeValues: map[string]types.AttributeValue{":n": n("8")}}},
			{ConditionCheck: &types.ConditionCheck{TableName: &tbl, Key: key("P#2", "B"), ConditionExpression: aws.String("attribute_exists(pk)")}},
			{Delete: &types.Delete{TableName: &tbl, Key: key("P#2", "D"), ConditionExpression: aws.String("attribute_exists(pk) OR attribute_not_exists(pk)")}},
		}}, sdk.TransactWriteItems, ours.TransactWriteItems)
	})
	t.Run("DeleteItem", func(t *testing.T) {
		compare(t, p, &dynamodb.DeleteItemInput{TableName: &tbl, Key: key("P#2", "C"), ConditionExpression: aws.String("attribute_exists(pk)"),
			ReturnValues: types.ReturnValueAllOld}, sdk.DeleteItem, ours.DeleteItem)
	})
}

// TestTransactWriteItemsToken: a transaction without a ClientRequestToken is sent with a new
// random one, as the SDK's client sends it, the same in every attempt of one call (so that a
// retry of a transaction whose answer was lost is not applied twice) and another in the next
// call.
func TestTransactWriteItemsToken(t *testing.T) {
	p := newProxy(t, "")
	p.canned = &cannedAnswer{status: http.StatusInternalServerError, header: map[string]string{"X-Amzn-Errortype": "InternalServerError"}, body: `{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"boom"}`}
	sdk, ours := clients(p.URL, aws.Config{Retryer: quick})
	tbl := "t"
	item := func() *dynamodb.TransactWriteItemsInput {
		return &dynamodb.TransactWriteItemsInput{TransactItems: []types.TransactWriteItem{{Put: &types.Put{TableName: &tbl, Item: map[string]types.AttributeValue{"pk": s("a"), "sk": s("b")}}}}}
	}
	tokens := func(xs []exchange) []string {
		var out []string
		for _, x := range xs {
			var body struct{ ClientRequestToken string }
			_ = json.Unmarshal(x.request, &body)
			out = append(out, body.ClientRequestToken)
		}
		return out
	}
	uuid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	var sin sdkdynamodb.TransactWriteItemsInput
	if err := sdkconv.Convert(&sin, item()); err != nil {
		t.Fatal(err)
	}
	_, _ = sdk.TransactWriteItems(context.Background(), &sin)
	sdkTokens := tokens(p.take())
	_, _ = ours.TransactWriteItems(context.Background(), item())
	first := tokens(p.take())
	_, _ = ours.TransactWriteItems(context.Background(), item())
	second := tokens(p.take())
	if len(sdkTokens) != 4 || len(first) != 4 || len(second) != 4 {
		t.Fatalf("attempts: SDK %d, ours %d and %d; want 4 each", len(sdkTokens), len(first), len(second))
	}
	for _, toks := range [][]string{sdkTokens, first, second} {
		for _, tok := range toks {
			if tok != toks[0] || !uuid.MatchString(tok) {
				t.Errorf("tokens of one call %q: want one random UUID in every attempt", toks)
			}
		}
	}
	if first[0] == second[0] {
		t.Errorf("two calls sent the same token %q", first[0])
	}
}

// TestAnswerWithUnknownFields: an answer carrying a CRC32 header that does not match (the
// client does not check it: it adds nothing over TLS, and emulators omit it) and members this
// client does not model decodes as the SDK's client (its checksum check off, as the
// connector's was) decodes it; an attribute value of a kind this client does not know is an
// UnknownUnionMember with its tag and JSON (the SDK's v1.74 decodes one as another attribute's
// value, so that case is not compared).
func TestAnswerWithUnknownFields(t *testing.T) {
	p := newProxy(t, "")
	answer := func(body string) *cannedAnswer {
		return &cannedAnswer{status: http.StatusOK, header: map[string]string{"Content-Type": "application/x-amz-json-1.0", "X-Amz-Crc32": "12345"}, body: body}
	}
	sdk, ours := clients(p.URL, aws.Config{})
	in := &dynamodb.GetItemInput{TableName: aws.String("t"), Key: map[string]types.AttributeValue{"pk": s("a")}}
	p.canned = answer(`{"Item":{"pk":{"S":"a"},"m":{"M":{"x":{"N":"1"}}}},"ConsumedCapacity":{"TableName":"t","CapacityUnits":0.5,"Brand":"new"},"SomethingNew":{"a":[1,{"b":null}]}}`)
	compare(t, p, in, sdk.GetItem, ours.GetItem)
	p.canned = answer(`{"Item":{"pk":{"S":"a"},"future":{"VEC":[1,2]}}}`)
	out, err := ours.GetItem(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if u, ok := out.Item["future"].(*types.UnknownUnionMember); !ok || u.Tag != "VEC" || string(u.Value) != "[1,2]" {
		t.Errorf("unknown kind decoded as %#v", out.Item["future"])
	}
}

// TestEdgeValuesWireEquivalent: attribute values the SDK's client sends in a form of its own
// (a nil or empty binary, a nil list, map or set, empty strings) and empty-but-set input members
// (an empty map of names, an empty string) are sent as the SDK's client sends them.
func TestEdgeValuesWireEquivalent(t *testing.T) {
	p := newProxy(t, "")
	p.canned = &cannedAnswer{status: http.StatusOK, header: map[string]string{"Content-Type": "application/x-amz-json-1.0"}, body: `{}`}
	sdk, ours := clients(p.URL, aws.Config{})
	compare(t, p, &dynamodb.PutItemInput{TableName: aws.String(""), Item: map[string]types.AttributeValue{
		"nilB": &types.AttributeValueMemberB{}, "emptyB": &types.AttributeValueMemberB{Value: []byte{}},
		"nilL": &types.AttributeValueMemberL{}, "nilM": &types.AttributeValueMemberM{},
		"nilSS": &types.AttributeValueMemberSS{}, "nilNS": &types.AttributeValueMemberNS{}, "nilBS": &types.AttributeValueMemberBS{},
		"nilInBS": &types.AttributeValueMemberBS{Value: [][]byte{nil, {}}}, "emptyS": s(""), "emptyN": n(""),
		"null": &types.AttributeValueMemberNULL{}, "false": &types.AttributeValueMemberBOOL{},
	}, ExpressionAttributeNames: map[string]string{}, ExpressionAttributeValues: map[string]types.AttributeValue{},
		ConditionExpression: aws.String("")}, sdk.PutItem, ours.PutItem)
	p.canned = &cannedAnswer{status: http.StatusOK, header: map[string]string{"Content-Type": "application/x-amz-json-1.0"}, body: `{}`}
	compare(t, p, &dynamodb.TransactWriteItemsInput{TransactItems: []types.TransactWriteItem{}, ClientRequestToken: aws.String("t")}, sdk.TransactWriteItems, ours.TransactWriteItems)
	p.canned = &cannedAnswer{status: http.StatusOK, header: map[string]string{"Content-Type": "application/x-amz-json-1.0"}, body: `{}`}
	compare(t, p, &dynamodb.BatchGetItemInput{RequestItems: map[string]types.KeysAndAttributes{"t": {Keys: []map[string]types.AttributeValue{{}}, AttributesToGet: []string{}}}}, sdk.BatchGetItem, ours.BatchGetItem)
}
