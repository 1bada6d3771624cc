// Package obconsent builds the bank's consent requests from the app's POST /consents body:
// the OB Read/Write API v3.1 consent payloads for account access (OBReadConsent1), domestic
// payments, scheduled payments and standing orders (OBWriteDomestic…Consent), and funds
// confirmation (OBFundsConfirmationConsent1), with the scope and path each is created under
// and the consent record the connector stores for it.
//
// Every field is checked against the bank's limits (banklimits) before anything is built: a
// request the bank would refuse comes back as the list of its field errors, all at once, and
// nothing reaches the bank. The body is encoded once, as the exact bytes that are signed, sent
// and stored (payment orders must repeat the consent's Initiation byte for byte).
package obconsent
