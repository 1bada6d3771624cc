package awsfault

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
)

// FailedEntries answers an EventBridge PutEvents as EventBridge does when it takes some entries
// and not others: 200, with FailedEntryCount and, for each failed entry, an ErrorCode
// (InternalFailure) in its place of Entries. The entries whose JSON contains the rule's Contains
// (all of them when it is empty) fail and are not delivered; the others go to the service, whose
// answer gives their ids. kumo never fails an entry, so this is how tests meet a partial failure.
// It is not in Kinds: it is a PutEvents answer only.
const FailedEntries Kind = 100

func init() { kindNames[FailedEntries] = "failedEntries" }

// putEvents is the part of a PutEvents request and answer the fault reads and writes.
type putEvents struct {
	Entries []json.RawMessage `json:"Entries"`
}

type putEventsAnswer struct {
	FailedEntryCount int              `json:"FailedEntryCount"`
	Entries          []map[string]any `json:"Entries"`
}

// failEntries answers a PutEvents whose entries containing contains fail; forward sends the
// others (a request body) to the service and returns its status and body.
func failEntries(body []byte, contains string, forward func([]byte) (int, []byte, error)) (answer, error) {
	var in map[string]json.RawMessage
	var req putEvents
	if err := json.Unmarshal(body, &in); err != nil {
		return answer{}, fmt.Errorf("awsfault: PutEvents body: %w", err)
	}
	if err := json.Unmarshal(body, &req); err != nil {
		return answer{}, fmt.Errorf("awsfault: PutEvents entries: %w", err)
	}
	failed := make([]bool, len(req.Entries))
	var pass []json.RawMessage
	for i, e := range req.Entries {
		failed[i] = contains == "" || bytes.Contains(e, []byte(contains))
		if !failed[i] {
			pass = append(pass, e)
		}
	}
	var got putEventsAnswer
	if len(pass) > 0 {
		raw, err := json.Marshal(pass)
		if err != nil {
			return answer{}, err
		}
		in["Entries"] = raw
		fwd, err := json.Marshal(in)
		if err != nil {
			return answer{}, err
		}
		status, out, err := forward(fwd)
		if err != nil {
			return answer{}, err
		}
		if status != http.StatusOK {
			return answer{status: status, body: out}, nil
		}
		if err := json.Unmarshal(out, &got); err != nil || len(got.Entries) != len(pass) {
			return answer{}, fmt.Errorf("awsfault: PutEvents answer of %d entries for %d: %v", len(got.Entries), len(pass), err)
		}
	}
	res := putEventsAnswer{FailedEntryCount: got.FailedEntryCount}
	next := 0
	for _, f := range failed {
		if f {
			res.FailedEntryCount++
			res.Entries = append(res.Entries, map[string]any{"ErrorCode": "InternalFailure", "ErrorMessage": "injected by awsfault"})
			continue
		}
		res.Entries = append(res.Entries, got.Entries[next])
		next++
	}
	out, err := json.Marshal(res)
	return answer{status: http.StatusOK, body: out}, err
}
