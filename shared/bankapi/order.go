package bankapi

import (
	"bytes"
	"encoding/json"
	"errors"
)

// OrderBody builds a payment order (OBWriteDomestic2, OBWriteDomesticScheduled2
// or OBWriteDomesticStandingOrder3) from the exact bytes of the consent request
// that created consentID:
//
//	{"Data":{"ConsentId":"…","Initiation":<Initiation bytes>},"Risk":<Risk bytes>}
//
// Initiation and Risk are copied byte for byte: the bank compares them with
// the consent and answers UK.OBIE.Resource.ConsentMismatch on any difference
// (docs/bank-rules.md §Payment orders), so they are never re-marshalled. Sign and send the
// returned bytes as they are.
func OrderBody(consentRequest []byte, consentID string) ([]byte, error) {
	if consentID == "" {
		return nil, errors.New("bankapi: order body: consent id is required")
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(consentRequest, &top); err != nil {
		return nil, errors.New("bankapi: order body: consent request is not a JSON object")
	}
	var data map[string]json.RawMessage
	if err := json.Unmarshal(top["Data"], &data); err != nil || data == nil {
		return nil, errors.New("bankapi: order body: consent request has no Data object")
	}
	initiation, risk := data["Initiation"], top["Risk"]
	if !isObject(initiation) {
		return nil, errors.New("bankapi: order body: consent request has no Data.Initiation object")
	}
	if !isObject(risk) {
		return nil, errors.New("bankapi: order body: consent request has no Risk object")
	}
	id, _ := json.Marshal(consentID)
	var b bytes.Buffer
	b.WriteString(`{"Data":{"ConsentId":`)
	b.Write(id)
	b.WriteString(`,"Initiation":`)
	b.Write(initiation)
	b.WriteString(`},"Risk":`)
	b.Write(risk)
	b.WriteString(`}`)
	return b.Bytes(), nil
}

func isObject(raw json.RawMessage) bool {
	t := bytes.TrimSpace(raw)
	return len(t) > 0 && t[0] == '{'
}
