// Package consent is the DynamoDB store of the connector's state: consents,
// their bank tokens, the authorization sessions of the redirect journey and
// payment and consent-creation idempotency records, all in one table (docs/architecture.md §Storage).
//
// Every write that could race is conditional. The conditions are the point of
// the package: a refresh token is never lost to a concurrent refresh (token
// writes check the version read and the refresh lease), an authorization code
// is exchanged at most once (a session is claimed by one conditional update),
// and a payment is never sent to the bank twice (its record is created once,
// before the bank call, and carries the idempotency key reused on retries).
//
// A consent's Status, BankStatus, LastAction and LastError change only
// through the transitions table (transitions.go; Apply in apply.go): callers name what happened
// (a Happening) and Apply sets the fields, or refuses a happening the
// consent's status does not allow. docs/lifecycle.md shows the table.
//
// Item layout (pk / sk):
//
//	CONSENT#<id>   META                    Consent (TTL ENDED_RETENTION after it closed: retention.go)
//	CONSENT#<id>   TOKEN                   Tokens (sparse "refresh" index keys while a refresh is wanted; deleted when the consent closes)
//	CONSENT#<id>   PAYMENT#<key>           Payment (TTL ENDED_RETENTION after it left the polls)
//	CONSENT#<id>   E#<sequence>            OutboxEvent: a lifecycle event, written with its change (sparse "refresh" index keys, shard prefix O#, until published)
//	CERT#<name>#<sha256>  META / E#<n>     a certificate's expiry warnings told, and their events
//	AUTH#<sha256(state)>  SESSION          AuthSession (sparse "refresh" index keys, shard prefix X#, while an exchange is pending)
//	IDEMPOTENCY#<sha256(owner, key)>  CREATE  CreateKey (a POST /consents Idempotency-Key; TTL 24 h)
//
// Expression attribute names are numbered placeholders of one fixed width
// (#n00, #n01, …): kumo, the emulator the tests run against, substitutes
// placeholders with a plain string replace, so "#n1" would corrupt "#n10".
package consent
