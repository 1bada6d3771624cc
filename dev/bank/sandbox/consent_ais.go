package sandbox

import (
	"net/http"
	"slices"
	"time"

	"github.com/google/uuid"
)

const (
	aispBase  = "/apis/retail/open-banking/v3.1/aisp"
	pispBase  = "/apis/retail/open-banking/v3.1/pisp"
	cbpiiBase = "/apis/retail/open-banking/v3.1/cbpii"
)

// supportedPermissions are the AIS permissions the bank accepts; the others of
// OBExternalPermissions1Code (beneficiaries, offers, PAN, party, products,
// statements) are refused with 400 UK.OBIE.Field.Invalid (docs/bank-rules.md §AIS permissions).
var supportedPermissions = []string{
	"ReadAccountsBasic", "ReadAccountsDetail", "ReadBalances", "ReadDirectDebits",
	"ReadScheduledPaymentsBasic", "ReadScheduledPaymentsDetail",
	"ReadStandingOrdersBasic", "ReadStandingOrdersDetail",
	"ReadTransactionsBasic", "ReadTransactionsDetail", "ReadTransactionsCredits", "ReadTransactionsDebits",
}

type aisConsentRequest struct {
	Data *struct {
		Permissions             []string `json:"Permissions"`
		ExpirationDateTime      string   `json:"ExpirationDateTime"`
		TransactionFromDateTime string   `json:"TransactionFromDateTime"`
		TransactionToDateTime   string   `json:"TransactionToDateTime"`
	} `json:"Data"`
}

type aisConsentData struct {
	ConsentID               string   `json:"ConsentId"`
	Status                  string   `json:"Status"`
	CreationDateTime        string   `json:"CreationDateTime"`
	StatusUpdateDateTime    string   `json:"StatusUpdateDateTime"`
	Permissions             []string `json:"Permissions"`
	ExpirationDateTime      string   `json:"ExpirationDateTime,omitempty"`
	TransactionFromDateTime string   `json:"TransactionFromDateTime,omitempty"`
	TransactionToDateTime   string   `json:"TransactionToDateTime,omitempty"`
}

func obTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05+00:00") }

// handleAISConsentCreate is POST /account-access-consents (OB v3.1 AIS; the bank's
// permission subset).
func (b *Bank) handleAISConsentCreate(w http.ResponseWriter, r *http.Request) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.bearerLocked(w, r, "accounts", useClientCredentials) == nil {
		return
	}
	var req aisConsentRequest
	if _, ok := readJSON(w, r, &req); !ok {
		return
	}
	now := b.nowLocked()
	c, e := validateAISConsent(&req, now)
	if e != nil {
		writeOBError(w, r, 0, e)
		return
	}
	b.addConsentLocked(c, now)
	b.writeAISConsent(w, r, http.StatusCreated, c)
}

func validateAISConsent(req *aisConsentRequest, now time.Time) (*consent, *obError) {
	if req.Data == nil {
		return nil, obErr("UK.OBIE.Field.Missing", "Data is required", "Data")
	}
	d := req.Data
	if len(d.Permissions) == 0 {
		return nil, obErr("UK.OBIE.Field.Missing", "Permissions must not be empty", "Data.Permissions")
	}
	for _, p := range d.Permissions {
		if !slices.Contains(supportedPermissions, p) {
			return nil, obErr("UK.OBIE.Field.Invalid", "permission "+p+" is not supported", "Data.Permissions")
		}
	}
	has := func(p string) bool { return slices.Contains(d.Permissions, p) }
	if !has("ReadAccountsBasic") && !has("ReadAccountsDetail") {
		return nil, obErr("UK.OBIE.Field.Invalid", "Permissions must include ReadAccountsBasic or ReadAccountsDetail", "Data.Permissions")
	}
	txKind := has("ReadTransactionsBasic") || has("ReadTransactionsDetail")
	txDir := has("ReadTransactionsCredits") || has("ReadTransactionsDebits")
	if txKind != txDir {
		return nil, obErr("UK.OBIE.Field.Invalid", "ReadTransactionsBasic/Detail and ReadTransactionsCredits/Debits must be requested together", "Data.Permissions")
	}
	c := &consent{Kind: kindAIS, Permissions: slices.Clone(d.Permissions)}
	var e *obError
	if c.Expiration, e = optionalTime(d.ExpirationDateTime, "Data.ExpirationDateTime"); e != nil {
		return nil, e
	}
	if c.Expiration != nil && !c.Expiration.After(now) {
		return nil, obErr("UK.OBIE.Field.InvalidDate", "ExpirationDateTime must be in the future", "Data.ExpirationDateTime")
	}
	if c.TxFrom, e = optionalTime(d.TransactionFromDateTime, "Data.TransactionFromDateTime"); e != nil {
		return nil, e
	}
	if c.TxTo, e = optionalTime(d.TransactionToDateTime, "Data.TransactionToDateTime"); e != nil {
		return nil, e
	}
	if c.TxFrom != nil && c.TxTo != nil && c.TxTo.Before(*c.TxFrom) {
		return nil, obErr("UK.OBIE.Field.InvalidDate", "TransactionToDateTime is before TransactionFromDateTime", "Data.TransactionToDateTime")
	}
	c.ExpirationRaw, c.TxFromRaw, c.TxToRaw = d.ExpirationDateTime, d.TransactionFromDateTime, d.TransactionToDateTime
	return c, nil
}

// optionalTime parses an ISO 8601 date-time with a zone (JSON bodies carry one).
func optionalTime(s, path string) (*time.Time, *obError) {
	if s == "" {
		return nil, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return nil, obErr("UK.OBIE.Field.InvalidDate", s+" is not a valid date-time. Expected [yyyy-MM-dd'T'HH:mm:ssZ, yyyy-MM-dd'T'HH:mm:ss.SSSZ]", path)
	}
	return &t, nil
}

func (b *Bank) writeAISConsent(w http.ResponseWriter, r *http.Request, status int, c *consent) {
	writeJSON(w, status, envelope{
		Data: aisConsentData{
			ConsentID: c.ID, Status: c.displayStatus(b.nowLocked()), CreationDateTime: obTime(c.Created),
			StatusUpdateDateTime: obTime(c.StatusUpdated), Permissions: c.Permissions,
			ExpirationDateTime: c.ExpirationRaw, TransactionFromDateTime: c.TxFromRaw, TransactionToDateTime: c.TxToRaw,
		},
		Risk:  []byte("{}"),
		Links: links{Self: b.apiURL + aispBase + "/account-access-consents/" + c.ID},
	})
}

// addConsentLocked registers a consent the TPP just created (AIS, PIS or CBPII): a new
// id, the TPP's client id, AwaitingAuthorisation since now.
func (b *Bank) addConsentLocked(c *consent, now time.Time) {
	c.ID, c.ClientID, c.Created = uuid.NewString(), b.mat.ClientID, now
	c.setStatus(statusAwaiting, now)
	b.st.consents[c.ID] = c
}

// consentForTPPLocked finds a consent of the given kinds for GET/DELETE; an unknown or
// deleted one is 400 UK.OBIE.Resource.NotFound (OB v3.1 uses 400 for unknown ids).
func (b *Bank) consentForTPPLocked(w http.ResponseWriter, r *http.Request, kinds ...kind) *consent {
	c, ok := b.st.consents[r.PathValue("ConsentId")]
	if !ok || !slices.Contains(kinds, c.Kind) || c.deletedByTPP {
		writeOBError(w, r, 0, obErr("UK.OBIE.Resource.NotFound", "consent "+r.PathValue("ConsentId")+" not found", ""))
		return nil
	}
	return c
}

func (b *Bank) handleAISConsentGet(w http.ResponseWriter, r *http.Request) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.bearerLocked(w, r, "accounts", useClientCredentials) == nil {
		return
	}
	if c := b.consentForTPPLocked(w, r, kindAIS); c != nil {
		b.writeAISConsent(w, r, http.StatusOK, c)
	}
}

// handleConsentDelete is DELETE of an AIS or CBPII consent: 204; the consent's tokens die.
func (b *Bank) handleConsentDelete(scope string, k kind) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		b.mu.Lock()
		defer b.mu.Unlock()
		if b.bearerLocked(w, r, scope, useClientCredentials) == nil {
			return
		}
		c := b.consentForTPPLocked(w, r, k)
		if c == nil {
			return
		}
		c.deletedByTPP = true
		c.StatusUpdated = b.nowLocked()
		b.st.revokeGrants(c.ID, "deleted")
		w.WriteHeader(http.StatusNoContent)
	}
}
