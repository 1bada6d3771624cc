package eventschema

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/coop-ob/connector/shared/consent"
)

var update = flag.Bool("update", false, "rewrite docs/events/*.schema.json from the transitions table")

// TestSchemasAreTheTables: each detail-type has exactly its schema file, generated from the
// transitions table (happenings, statuses, actions) and the deadline points; no other schema
// file lies in docs/events. Run with -update after changing the table.
func TestSchemasAreTheTables(t *testing.T) {
	want := map[string][]byte{}
	for _, dt := range consent.EventTypes() {
		b, err := json.MarshalIndent(generate(dt), "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		want[Slug(dt)+".schema.json"] = append(b, '\n')
	}
	if *update {
		old, _ := filepath.Glob(filepath.Join(Dir(), "*.schema.json"))
		for _, f := range old {
			_ = os.Remove(f)
		}
		for name, b := range want {
			if err := os.WriteFile(filepath.Join(Dir(), name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	files, _ := filepath.Glob(filepath.Join(Dir(), "*.schema.json"))
	for _, f := range files {
		if _, ok := want[filepath.Base(f)]; !ok {
			t.Errorf("%s: no detail-type has this schema", filepath.Base(f))
		}
	}
	for name, b := range want {
		got, err := os.ReadFile(filepath.Join(Dir(), name))
		if err != nil || !bytes.Equal(got, b) {
			t.Errorf("%s differs from the table (%v); run go test ./dev/eventschema -update", name, err)
		}
	}
}

// TestValidate: a detail that breaks its schema (an unknown field, a missing eventId, a
// status its detail-type never has, a token-like extra field) is refused.
func TestValidate(t *testing.T) {
	good := `{"version":"1","eventId":"0123456789abcdef0123456789abcdef","sequence":2,"consentId":"c1","owner":"app",` +
		`"brand":"coop","consentType":"accounts","occurredAt":"2026-11-25T09:00:00Z","status":"Revoked",` +
		`"happening":"Revoked","previousStatus":"Authorised","bankStatus":"Revoked","action":"revoked"}`
	if err := Validate(consent.EventConsentRevoked, []byte(good)); err != nil {
		t.Fatalf("valid detail refused: %v", err)
	}
	for name, bad := range map[string]string{
		"extra field":     `"accessToken":"x",`,
		"no eventId":      `"eventId":"",`,
		"wrong version":   `"version":"2",`,
		"status":          `"status":"Authorised",`,
		"sequence zero":   `"sequence":0,`,
		"not a date-time": `"occurredAt":"yesterday",`,
	} {
		var m, patch map[string]any
		_ = json.Unmarshal([]byte(good), &m)
		if err := json.Unmarshal([]byte("{"+bad[:len(bad)-1]+"}"), &patch); err != nil {
			t.Fatal(err)
		}
		for k, v := range patch {
			m[k] = v
		}
		b, _ := json.Marshal(m)
		if err := Validate(consent.EventConsentRevoked, b); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if err := Validate("Consent Teleported", []byte(good)); err == nil {
		t.Error("an unknown detail-type is accepted")
	}
}

// object is a JSON Schema object (ordered output comes from json.MarshalIndent's sorted keys).
type object = map[string]any

func enum(v []string) object {
	slices.Sort(v)
	v = slices.Compact(v)
	if len(v) == 1 {
		return object{"const": v[0]}
	}
	return object{"enum": v}
}

// certificateSchema is the schema of Certificate Expiring.
func certificateSchema() object {
	return object{
		"$schema":              "https://json-schema.org/draft/2020-12/schema",
		"title":                consent.EventCertificateExpiring,
		"description":          "The detail of the connector's \"" + consent.EventCertificateExpiring + "\" event (source " + consent.EventSource + "; docs/events.md).",
		"type":                 "object",
		"additionalProperties": false,
		"required":             []string{"version", "eventId", "sequence", "certificate", "fingerprint", "environment", "notAfter", "daysLeft", "threshold", "occurredAt"},
		"properties": object{
			"version":     object{"const": consent.EventVersion},
			"eventId":     object{"type": "string", "pattern": "^[0-9a-f]{32}$"},
			"sequence":    object{"type": "integer", "minimum": 1, "description": "the certificate's event number"},
			"certificate": enum([]string{"transport", "signing"}),
			"fingerprint": object{"type": "string", "pattern": "^[0-9a-f]{64}$", "description": "SHA-256 of the certificate (DER)"},
			"environment": enum([]string{"sandbox", "production"}),
			"notAfter":    object{"type": "string", "format": "date-time"},
			"daysLeft":    object{"type": "integer"},
			"threshold":   object{"type": "integer", "minimum": 1, "description": "the days-left threshold just crossed"},
			"occurredAt":  object{"type": "string", "format": "date-time"},
		},
	}
}

// generate is the schema of detailType.
func generate(detailType string) object {
	if detailType == consent.EventCertificateExpiring {
		return certificateSchema()
	}
	props := object{
		"version":     object{"const": consent.EventVersion, "description": "the version of this detail-type's detail"},
		"eventId":     object{"type": "string", "pattern": "^[0-9a-f]{32}$", "description": "stable id of the event: dedupe by it"},
		"sequence":    object{"type": "integer", "minimum": 1, "description": "the consent's event number: order a consent's events by it"},
		"consentId":   object{"type": "string", "minLength": 1},
		"owner":       object{"type": "string", "minLength": 1, "description": "the sub of the app's JWT that created the consent"},
		"brand":       enum([]string{"coop", "smile"}),
		"consentType": enum([]string{"accounts", "payments", "fundsconfirmations"}),
		"journey":     enum([]string{"DP", "DSP", "DSO"}),
		"occurredAt":  object{"type": "string", "format": "date-time"},
	}
	required := []string{"version", "eventId", "sequence", "consentId", "owner", "brand", "consentType", "occurredAt", "status"}
	var happenings, statuses, actions, from []string
	anyAction := false
	for _, tr := range consent.Transitions() {
		if tr.Event != detailType {
			continue
		}
		happenings = append(happenings, string(tr.What))
		for _, f := range tr.From {
			if f == consent.AnyStatus {
				from = append(from, consent.AllStatuses()...)
			} else if f != consent.StatusNew {
				from = append(from, f)
			}
		}
		if tr.To == consent.Keep {
			for _, f := range tr.From {
				if f == consent.AnyStatus {
					statuses = append(statuses, consent.AllStatuses()...)
				} else {
					statuses = append(statuses, f)
				}
			}
		} else {
			statuses = append(statuses, tr.To)
		}
		switch tr.Action {
		case consent.Keep:
			anyAction = true
		case consent.Clear:
		default:
			actions = append(actions, tr.Action)
		}
	}
	if slices.Contains(consent.PaymentEventTypes(), detailType) {
		props["status"] = enum(consent.AllStatuses())
		props["idempotencyKey"] = object{"type": "string", "minLength": 1, "description": "the app's Idempotency-Key of the payment: the connector's name for it"}
		props["bankPaymentId"] = object{"type": "string", "minLength": 1, "description": "the bank's payment order id"}
		props["paymentStatus"] = object{"type": "string", "minLength": 1, "description": "the bank's payment status as last seen"}
		props["previousPaymentStatus"] = object{"type": "string", "minLength": 1}
		props["paymentState"] = enum([]string{consent.PaymentDone, consent.PaymentFailed, consent.PaymentUnconfirmed})
		change := enum(consent.PaymentChanges())
		change["description"] = "the change, by journey: for a scheduled payment or a standing order, instruction-set-up " +
			"is InitiationCompleted: the instruction is set up at the bank, no money has moved"
		props["change"] = change
		props["instructionSetUp"] = object{"const": true, "description": "present on a scheduled payment or standing order at " +
			"InitiationCompleted: the instruction is set up at the bank; no money has moved"}
		props["final"] = object{"type": "boolean", "description": "present (true) on a payment's last event: nothing about it will change any more"}
		required = append(required, "idempotencyKey", "paymentState", "change")
		switch detailType {
		case consent.EventPaymentCreated:
			required = append(required, "bankPaymentId", "paymentStatus")
			props["paymentState"] = object{"const": consent.PaymentDone}
		case consent.EventPaymentStatusChanged:
			props["paymentState"] = enum([]string{consent.PaymentDone, consent.PaymentFailed})
		case consent.EventPaymentUnconfirmed:
			props["paymentState"] = object{"const": consent.PaymentUnconfirmed}
		}
	} else if len(happenings) > 0 {
		props["happening"] = enum(happenings)
		props["status"] = enum(statuses)
		if len(from) > 0 {
			props["previousStatus"] = enum(from)
		}
		props["bankStatus"] = object{"type": "string", "minLength": 1, "description": "the bank's consent status as last seen"}
		if anyAction {
			props["action"] = enum([]string{consent.ActionReauthenticate, consent.ActionStepUp, consent.ActionReconsent,
				consent.ActionAccountUnavailable, consent.ActionRevoked})
		} else if len(actions) > 0 {
			props["action"] = enum(actions)
			required = append(required, "action")
		}
		if slices.ContainsFunc(happenings, func(h string) bool {
			return slices.Contains([]string{string(consent.Authorised), string(consent.SteppedUp), string(consent.AuthorisationFailed),
				string(consent.AuthorisationUnresolved)}, h)
		}) {
			props["resolves"] = object{"const": consent.ResolvesExchangePending,
				"description": "present when the event ends a journey whose code exchange was left pending (the callback's outcome was pending)"}
		}
		props["reason"] = object{"type": "string", "maxLength": 200,
			"description": "a code: the bank's OB error code, the journey's outcome or the token endpoint's error; never the bank's text"}
		required = append(required, "happening")
	} else {
		props["status"] = enum([]string{consent.StatusAuthorised})
		deadline, point := consent.DeadlineExpiry, consent.PointWarning
		switch detailType {
		case consent.EventReconfirmationDue:
			deadline = consent.DeadlineReconfirmation
		case consent.EventReconfirmationOverdue:
			deadline, point = consent.DeadlineReconfirmation, consent.PointDue
		case consent.EventConsentExpiryReached:
			point = consent.PointDue
		case consent.EventRefreshTokenLapsing:
			deadline = consent.DeadlineRefreshToken
		}
		props["deadline"] = object{"const": deadline}
		props["point"] = object{"const": point}
		props["actionBy"] = object{"type": "string", "format": "date-time", "description": "the deadline"}
		required = append(required, "deadline", "point", "actionBy")
	}
	return object{
		"$schema":              "https://json-schema.org/draft/2020-12/schema",
		"title":                detailType,
		"description":          "The detail of the connector's \"" + detailType + "\" event (source " + consent.EventSource + "; docs/events.md).",
		"type":                 "object",
		"additionalProperties": false,
		"required":             required,
		"properties":           props,
	}
}
