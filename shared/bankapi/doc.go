// Package bankapi is the connector's client of the bank's OB Read/Write
// v3.1 APIs (AIS, PIS, CBPII): one Do that sets the FAPI and OB request
// headers (docs/bank-rules.md §Request headers), typed errors parsed leniently from
// OBErrorResponse1 or whatever else the bank answers (docs/bank-rules.md §Error body), Classify to
// turn an error into what the connector should do (the bank's General
// specifications, "Error scenarios"), a Retry for reads, the OB payload
// models (docs/bank-rules.md §Payment orders, §Funds confirmation) and OrderBody, which builds a payment order from the
// exact bytes of its consent.
package bankapi
