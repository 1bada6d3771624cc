// Package createonce makes consent creation idempotent: under one caller's Idempotency-Key at
// most one consent is created at the bank.
//
// The key is claimed in the store (a conditional write) before anything is sent to the bank.
// Of two requests with the same key only one holds the claim and creates the consent; the
// claim records the consent's id once it is stored (Finish), or is given up after a failure
// that left nothing stored (Release) so that a retry may create it. A request that finds the
// key held learns whether it is the same request (by a hash of the decoded request), whether
// its consent exists, or how long the holder may still be at work. A claim whose request died
// ends by itself after ClaimFor.
package createonce
