// Package outbox publishes the consents' lifecycle events to the connector's EventBridge bus.
// shared/consent writes each event as an outbox item in the same transaction as the change it
// reports; the events function gets the items' inserts from the table's stream (Publish) and,
// on a schedule, the items left unpublished from the refresh index (Sweep). A published item
// is marked so (consent.Store.MarkPublished) and expires; an item whose publication failed
// stays unpublished, so a later stream retry or sweep publishes it. An event may be published
// more than once, always with the same eventId in its detail (docs/events.md).
package outbox
