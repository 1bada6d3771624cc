package sandbox

import (
	"encoding/json"
	"net/http"
	"strconv"
)

// obError is OBErrorResponse1 (OB Read/Write v3.1 "Error Response Structure").
type obError struct {
	Code    string        `json:"Code"`
	ID      string        `json:"Id,omitempty"`
	Message string        `json:"Message"`
	Errors  []obErrorItem `json:"Errors"`
	status  int
}

type obErrorItem struct {
	ErrorCode string `json:"ErrorCode"`
	Message   string `json:"Message"`
	Path      string `json:"Path,omitempty"`
}

// obErr builds a one-item error; the HTTP status is set when written (400 unless
// the code says otherwise).
func obErr(code, message, path string) *obError {
	status := http.StatusBadRequest
	switch code {
	case "UK.OBIE.Reauthenticate", "UK.COOP.Forbidden":
		status = http.StatusForbidden
	case "UK.OBIE.UnexpectedError":
		status = http.StatusInternalServerError
	case "UK.OBIE.Rules.ResourceAlreadyExists":
		status = http.StatusConflict
	}
	return &obError{Message: message, Errors: []obErrorItem{{ErrorCode: code, Message: message, Path: path}}, status: status}
}

func (e *obError) Error() string { return e.Errors[0].ErrorCode + ": " + e.Message }

// writeOBError writes e with status (0 = e's own status); Id is the interaction id.
func writeOBError(w http.ResponseWriter, r *http.Request, status int, e *obError) {
	if status == 0 {
		status = e.status
	}
	e.Code = strconv.Itoa(status) + " " + http.StatusText(status)
	e.ID = r.Header.Get("x-fapi-interaction-id")
	writeJSON(w, status, e)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// unauthorized is the bank's answer to a bad, expired or wrongly bound token: 401, no body.
func unauthorized(w http.ResponseWriter) {
	w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
	w.WriteHeader(http.StatusUnauthorized)
}
