package awsfault

import (
	"bytes"
	"encoding/json"
	"net/http"
)

// failEntries answers a PutEvents request under a FailedEntries rule: the entries containing
// the rule's Contains (all of them when it is empty) fail; the others go to the service in one
// request (forward), whose results are merged back in the request's order. A request that
// cannot be read, or a service answer that is not a success, is answered as a 500.
func failEntries(body []byte, rule Rule, forward func(pass []byte) (int, []byte)) answer {
	var in map[string]json.RawMessage
	var entries []json.RawMessage
	if json.Unmarshal(body, &in) != nil || json.Unmarshal(in["Entries"], &entries) != nil {
		return awsError(http.StatusInternalServerError, "InternalException", "awsfault: not a PutEvents request", nil)
	}
	failed := make([]bool, len(entries))
	var pass []json.RawMessage
	for i, e := range entries {
		failed[i] = rule.Contains == "" || bytes.Contains(e, []byte(rule.Contains))
		if !failed[i] {
			pass = append(pass, e)
		}
	}
	var served []json.RawMessage
	if len(pass) > 0 {
		in["Entries"], _ = json.Marshal(pass)
		b, _ := json.Marshal(in)
		status, answerBody := forward(b)
		var out struct{ Entries []json.RawMessage }
		if status != http.StatusOK || json.Unmarshal(answerBody, &out) != nil || len(out.Entries) != len(pass) {
			return awsError(http.StatusInternalServerError, "InternalException", "awsfault: the service did not take the passing entries", nil)
		}
		served = out.Entries
	}
	code := rule.EntryErrorCode
	if code == "" {
		code = "InternalFailure"
	}
	failure, _ := json.Marshal(map[string]string{"ErrorCode": code,
		"ErrorMessage": "Failed to put the event (injected by awsfault)"})
	results := make([]json.RawMessage, len(entries))
	count := 0
	for i := range entries {
		if failed[i] {
			results[i] = failure
			count++
			continue
		}
		results[i], served = served[0], served[1:]
	}
	b, _ := json.Marshal(map[string]any{"Entries": results, "FailedEntryCount": count})
	return answer{status: http.StatusOK, body: b}
}
