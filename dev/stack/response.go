package stack

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"net/http"
)

// answerKind is how the gateway read an emulator's answer.
type answerKind int

const (
	answerResponse answerKind = iota // a payload 2.0 response, written as is
	answerError                      // {"errorMessage","errorType"}: the function failed (502)
	answerTimeout                    // "Task timed out after N seconds" (504)
	answerInvalid                    // anything else that is not JSON (502)
)

// writeAnswer translates what the function returned into the HTTP response, as API Gateway
// does for payload format 2.0, and returns how it read it. A JSON answer without statusCode
// is a 200 application/json whose body is that JSON.
func writeAnswer(w http.ResponseWriter, answer []byte) answerKind {
	trimmed := bytes.TrimSpace(answer)
	if bytes.HasPrefix(trimmed, []byte("Task timed out")) {
		writeMessage(w, http.StatusGatewayTimeout, "Gateway Timeout")
		return answerTimeout
	}
	var probe map[string]json.RawMessage
	if json.Unmarshal(trimmed, &probe) == nil {
		if _, ok := probe["errorMessage"]; ok {
			writeMessage(w, http.StatusBadGateway, "Internal Server Error")
			return answerError
		}
		if _, ok := probe["statusCode"]; ok {
			return writeResponse(w, trimmed)
		}
	}
	if !json.Valid(trimmed) {
		writeMessage(w, http.StatusBadGateway, "Internal Server Error")
		return answerInvalid
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(trimmed)
	return answerResponse
}

func writeResponse(w http.ResponseWriter, answer []byte) answerKind {
	var resp struct {
		StatusCode        int                 `json:"statusCode"`
		Headers           map[string]string   `json:"headers"`
		MultiValueHeaders map[string][]string `json:"multiValueHeaders"`
		Cookies           []string            `json:"cookies"`
		Body              string              `json:"body"`
		IsBase64Encoded   bool                `json:"isBase64Encoded"`
	}
	if err := json.Unmarshal(answer, &resp); err != nil || resp.StatusCode < 100 || resp.StatusCode > 599 {
		writeMessage(w, http.StatusBadGateway, "Internal Server Error")
		return answerInvalid
	}
	body := []byte(resp.Body)
	if resp.IsBase64Encoded {
		b, err := base64.StdEncoding.DecodeString(resp.Body)
		if err != nil {
			writeMessage(w, http.StatusBadGateway, "Internal Server Error")
			return answerInvalid
		}
		body = b
	}
	h := w.Header()
	for k, vs := range resp.MultiValueHeaders {
		for _, v := range vs {
			h.Add(k, v)
		}
	}
	for k, v := range resp.Headers {
		h.Set(k, v)
	}
	for _, c := range resp.Cookies {
		h.Add("Set-Cookie", c)
	}
	w.WriteHeader(resp.StatusCode)
	_, _ = w.Write(body)
	return answerResponse
}

// writeMessage writes API Gateway's own error shape, {"message": "..."}.
func writeMessage(w http.ResponseWriter, status int, message string) {
	b, _ := json.Marshal(map[string]string{"message": message})
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}
