package awsfault

import (
	"encoding/json"
	"net/http"
	"strings"
)

// answer is the response an injected fault gives instead of, or after, the service's.
type answer struct {
	status int
	code   string
	body   []byte
}

// answerFor renders kind as the service would answer it (AWS JSON protocol: the code in
// __type and x-amzn-ErrorType, the message in Message).
func answerFor(kind Kind, q request) answer {
	dynamo := strings.EqualFold(q.service, "dynamodb")
	switch kind {
	case Throttle:
		if dynamo {
			return awsError(http.StatusBadRequest, "ProvisionedThroughputExceededException",
				"The level of configured provisioned throughput for the table was exceeded.", nil)
		}
		return awsError(http.StatusBadRequest, "ThrottlingException", "Rate exceeded", nil)
	case Throttling:
		return awsError(http.StatusBadRequest, "ThrottlingException", "Rate exceeded", nil)
	case TxConflict, TxThrottled:
		reason := "TransactionConflict"
		if kind == TxThrottled {
			reason = "ThrottlingError"
		}
		return awsError(http.StatusBadRequest, "TransactionCanceledException",
			"Transaction cancelled, please refer cancellation reasons for specific reasons",
			cancellationReasons(q.body, reason))
	default: // ServerError, LostAnswer, and Timeout when a server gives up on it
		if dynamo {
			return awsError(http.StatusInternalServerError, "InternalServerError", "Internal server error", nil)
		}
		return awsError(http.StatusInternalServerError, "InternalServiceError", "Internal service error", nil)
	}
}

func awsError(status int, code, msg string, extra map[string]any) answer {
	m := map[string]any{"__type": code, "message": msg}
	for k, v := range extra {
		m[k] = v
	}
	body, _ := json.Marshal(m)
	return answer{status: status, code: code, body: body}
}

// cancellationReasons gives the first item of a transaction reason and the others None, one per
// item as DynamoDB does.
func cancellationReasons(body []byte, reason string) map[string]any {
	var in struct{ TransactItems []json.RawMessage }
	_ = json.Unmarshal(body, &in)
	reasons := make([]map[string]string, max(1, len(in.TransactItems)))
	for i := range reasons {
		reasons[i] = map[string]string{"Code": "None"}
	}
	reasons[0] = map[string]string{"Code": reason, "Message": "Transaction cancelled: " + reason}
	return map[string]any{"CancellationReasons": reasons}
}

func (a answer) header(contentType string) http.Header {
	if !strings.HasPrefix(contentType, "application/x-amz-json-") {
		contentType = "application/x-amz-json-1.0"
	}
	h := http.Header{}
	h.Set("Content-Type", contentType)
	if a.code != "" {
		h.Set("X-Amzn-Errortype", a.code)
	}
	h.Set("X-Amzn-Requestid", "awsfault-injected")
	return h
}
