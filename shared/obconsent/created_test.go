package obconsent

import "testing"

// TestParseCreated: only an answer with a 36-character consent id and AwaitingAuthorisation is
// usable; an HTML page, an empty body or another status is not.
func TestParseCreated(t *testing.T) {
	t.Parallel()
	const id = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"
	tests := []struct {
		name, body string
		ok         bool
	}{
		{"usable", `{"Data":{"ConsentId":"` + id + `","Status":"AwaitingAuthorisation"}}`, true},
		{"authorised already", `{"Data":{"ConsentId":"` + id + `","Status":"Authorised"}}`, false},
		{"short id", `{"Data":{"ConsentId":"abc","Status":"AwaitingAuthorisation"}}`, false},
		{"html", `<html>busy</html>`, false},
		{"empty", ``, false},
	}
	for _, tt := range tests {
		out, ok := ParseCreated([]byte(tt.body))
		if ok != tt.ok || (ok && out.Data.ConsentID != id) {
			t.Errorf("%s: ParseCreated = %+v, %v; want ok %v", tt.name, out, ok, tt.ok)
		}
	}
}
