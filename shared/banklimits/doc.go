// Package banklimits holds the limits The Co-operative Bank and smile put on consent and
// payment requests, and the rules of the OB Read/Write API v3.1 that the connector checks
// before it calls the bank: a request the bank would refuse is answered with a 400 naming the
// field, and never reaches the bank.
//
// Each rule cites its public source: the bank's developer portal (General specifications and
// the AISP and PISP Specifications pages) or the OB Read/Write API v3.1 specification, and the
// section of docs/bank-rules.md that restates it.
//
// A check returns nil, or an error whose text is worded for the app and never repeats the
// value, for the caller to report under the request's field name.
package banklimits
