// Package bankapi is the connector's client of the bank's OB Read/Write
// v3.1 APIs (AIS, PIS, CBPII): one Do that sets the FAPI and OB request
// headers (ob-reference §2.2), typed errors parsed leniently from
// OBErrorResponse1 or whatever else the bank answers (§2.5), Classify to
// turn an error into what the connector should do (the bank's General
// specifications, "Error scenarios"), a Retry for reads, the OB payload
// models (§2.7–2.9) and OrderBody, which builds a payment order from the
// exact bytes of its consent.
package bankapi
