package types

import (
	"bytes"
	"fmt"
	"testing"
)

// benchItem is like a consent read with its tokens: a few dozen attributes, two sealed blobs of
// about 250 bytes, a nested map.
func benchItem() map[string]AttributeValue {
	blob := func(c byte) []byte { return bytes.Repeat([]byte{c, 0xfe, 0x01}, 84) }
	item := map[string]AttributeValue{
		"pk":             &AttributeValueMemberS{Value: "CONSENT#aac-6f1e9a7c-5b43-4f0e-9a39-2b8d1c0e7f55"},
		"sk":             &AttributeValueMemberS{Value: "CONSENT"},
		"status":         &AttributeValueMemberS{Value: "Authorised"},
		"kind":           &AttributeValueMemberS{Value: "ais"},
		"owner":          &AttributeValueMemberS{Value: "tpp-client-0001"},
		"createdAt":      &AttributeValueMemberN{Value: "1796000000"},
		"updatedAt":      &AttributeValueMemberN{Value: "1796000123"},
		"expiresAt":      &AttributeValueMemberN{Value: "1803776000"},
		"ttl":            &AttributeValueMemberN{Value: "1811552000"},
		"version":        &AttributeValueMemberN{Value: "7"},
		"permissions":    &AttributeValueMemberSS{Value: []string{"ReadAccountsDetail", "ReadBalances", "ReadTransactionsCredits", "ReadTransactionsDebits", "ReadTransactionsDetail"}},
		"accounts":       &AttributeValueMemberL{Value: []AttributeValue{&AttributeValueMemberS{Value: "1001"}, &AttributeValueMemberS{Value: "1002"}}},
		"accessToken":    &AttributeValueMemberB{Value: blob(0x41)},
		"refreshToken":   &AttributeValueMemberB{Value: blob(0x52)},
		"tokenExpiresAt": &AttributeValueMemberN{Value: "1796003600"},
		"usedAt":         &AttributeValueMemberN{Value: "1796000100"},
		"sealed":         &AttributeValueMemberBOOL{Value: true},
		"revoked":        &AttributeValueMemberNULL{Value: true},
		"redirectUri":    &AttributeValueMemberS{Value: "https://tpp.example/callback?x=1&y=<2>"},
		"bankConsentId":  &AttributeValueMemberS{Value: "urn-coop-intent-88379"},
		"bank": &AttributeValueMemberM{Value: map[string]AttributeValue{
			"status":       &AttributeValueMemberS{Value: "Authorised"},
			"creationTime": &AttributeValueMemberS{Value: "2026-12-06T08:00:00+00:00"},
			"statusTime":   &AttributeValueMemberS{Value: "2026-12-06T08:01:00+00:00"},
			"expiry":       &AttributeValueMemberS{Value: "2027-03-06T08:00:00+00:00"},
			"fromBooking":  &AttributeValueMemberS{Value: "2025-12-06T00:00:00+00:00"},
		}},
	}
	for i := range 12 {
		item[fmt.Sprintf("attr%02d", i)] = &AttributeValueMemberS{Value: fmt.Sprintf("value number %d, café", i)}
	}
	return item
}

func BenchmarkDecodeItem(b *testing.B) {
	data, err := appendItem(nil, benchItem())
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		decode func([]byte) (map[string]AttributeValue, error)
	}{{"reference", refDecodeItem}, {"new", UnmarshalItemJSON}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.decode(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkEncodeItem(b *testing.B) {
	av := &AttributeValueMemberM{Value: benchItem()}
	for _, c := range []struct {
		name   string
		encode func(AttributeValue) ([]byte, error)
	}{{"reference", refEncode}, {"new", func(av AttributeValue) ([]byte, error) { return av.(*AttributeValueMemberM).MarshalJSON() }}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.encode(av); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
