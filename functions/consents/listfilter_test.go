package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
)

// countingDB counts the items DynamoDB read for Query (ScannedCount): what a page costs.
type countingDB struct {
	*dynamodb.Client
	read atomic.Int64
}

func (c *countingDB) Query(ctx context.Context, in *dynamodb.QueryInput, opts ...func(*dynamodb.Options)) (*dynamodb.QueryOutput, error) {
	out, err := c.Client.Query(ctx, in, opts...)
	if err == nil {
		c.read.Add(int64(out.ScannedCount))
	}
	return out, err
}

// TestActionByFilter: GET /consents?actionBefore= returns exactly the owner's consents whose
// earliest deadline is before the date, earliest first, over pages, and reads at most 1.1 items
// per consent returned (counted), however many consents without a due deadline the owner has.
func TestActionByFilter(t *testing.T) {
	t.Parallel()
	f := reconfirmFixture(t) // RECONFIRM_PERIOD=1h
	db := &countingDB{Client: f.env.DDB}
	st := consent.New(db, f.env.Table)
	st.Now, st.ReconfirmPeriod, st.Sealer = f.env.Deps.Store.Now, time.Hour, f.env.Deps.Store.Sealer
	f.h.store = st
	ctx := context.Background()
	const sub = "app-d"
	base := f.env.Bank.Now().Truncate(time.Second)
	var want []string
	add := func(i int, authorise bool, confirmed time.Time) {
		c := &consent.Consent{ID: fmt.Sprintf("c-%03d", i), Owner: sub, Brand: "coop", Type: "accounts"}
		if _, err := consent.Apply(c, consent.Created, base, ""); err != nil {
			t.Fatal(err)
		}
		if authorise {
			if _, err := consent.Apply(c, consent.Authorised, confirmed, ""); err != nil {
				t.Fatal(err)
			}
		}
		if err := st.CreateConsent(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	// 25 due within the next 30 minutes (confirmed 31–55 minutes ago), 40 due later, 40 never
	// authorised (no deadline): only the first 25 are asked for.
	for i := range 25 {
		add(i, true, base.Add(-time.Duration(55-i)*time.Minute))
		want = append(want, fmt.Sprintf("c-%03d", i))
	}
	for i := range 40 {
		add(100+i, true, base.Add(time.Duration(i)*time.Minute))
	}
	for i := range 40 {
		add(200+i, false, time.Time{})
	}
	other := &consent.Consent{ID: "c-other", Owner: "someone-else", Brand: "coop", Type: "accounts"}
	_, _ = consent.Apply(other, consent.Created, base, "")
	_, _ = consent.Apply(other, consent.Authorised, base.Add(-2*time.Hour), "")
	if err := st.CreateConsent(ctx, other); err != nil {
		t.Fatal(err)
	}

	before := base.Add(30 * time.Minute).UTC().Format(time.RFC3339)
	db.read.Store(0)
	var got []string
	cursor := ""
	for range 10 {
		req := request(routeList, sub, "", "")
		req.QueryStringParameters = map[string]string{"actionBefore": before, "status": "Authorised", "limit": "10"}
		if cursor != "" {
			req.QueryStringParameters["cursor"] = cursor
		}
		resp, err := f.h.Handle(ctx, req)
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("GET /consents = %d %s (%v)", resp.StatusCode, resp.Body, err)
		}
		var page listResponse
		if err := json.Unmarshal([]byte(resp.Body), &page); err != nil {
			t.Fatal(err)
		}
		for _, v := range page.Consents {
			got = append(got, v.ID)
			if v.ActionBy == nil || v.ReconfirmBy == nil || !v.ActionBy.Equal(*v.ReconfirmBy) || v.ActionBy.Format(time.RFC3339) >= before {
				t.Errorf("%s: actionBy %v reconfirmBy %v, want the reconfirmation deadline before %s", v.ID, v.ActionBy, v.ReconfirmBy, before)
			}
		}
		if cursor = page.NextCursor; cursor == "" {
			break
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("consents due (-want +got):\n%s", diff)
	}
	if read := db.read.Load(); float64(read) > 1.1*float64(len(got)) {
		t.Errorf("read %d items for %d consents returned: more than 1.1 per consent", read, len(got))
	}

	// Only Authorised consents have deadlines: another status with actionBefore reads nothing.
	db.read.Store(0)
	req := request(routeList, sub, "", "")
	req.QueryStringParameters = map[string]string{"actionBefore": before, "status": "Revoked"}
	resp, _ := f.h.Handle(ctx, req)
	if resp.StatusCode != http.StatusOK || db.read.Load() != 0 {
		t.Errorf("status=Revoked&actionBefore = %d, read %d items; want 200 and no read", resp.StatusCode, db.read.Load())
	}
}

// TestListFilterBadInput: malformed filters are a 400 naming the parameter.
func TestListFilterBadInput(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	for _, q := range []map[string]string{
		{"status": "authorised"}, {"actionBefore": "tomorrow"}, {"actionBefore": "2026-01-01T00:00:00"},
	} {
		req := request(routeList, "app-x", "", "")
		req.QueryStringParameters = q
		resp, _ := f.h.Handle(context.Background(), req)
		if p := problem(t, resp); resp.StatusCode != 400 || p.Type != httpapi.TypeInvalidRequest || len(p.Errors) != 1 {
			t.Errorf("%v: %d %+v", q, resp.StatusCode, p)
		}
	}
}
