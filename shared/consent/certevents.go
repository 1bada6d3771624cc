package consent

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// EventCertificateExpiring is the detail-type of a certificate's expiry coming (NoteCertificate).
const EventCertificateExpiring = "Certificate Expiring"

// certPrefix starts a certificate's partition: CERT#<name>#<fingerprint> / META, and its events E#n.
const certPrefix = "CERT#"

// CertificateDetail is the detail of a Certificate Expiring event: which certificate
// (transport or signing, and its SHA-256 fingerprint), when it expires, and the threshold of
// days its remaining days fell under.
type CertificateDetail struct {
	Version     string    `json:"version"`
	EventID     string    `json:"eventId"`
	Sequence    int64     `json:"sequence"`
	Certificate string    `json:"certificate"`
	Fingerprint string    `json:"fingerprint"`
	Environment string    `json:"environment"`
	NotAfter    time.Time `json:"notAfter"`
	DaysLeft    int       `json:"daysLeft"`
	Threshold   int       `json:"threshold"`
	OccurredAt  time.Time `json:"occurredAt"`
}

// certState is a certificate's META item: the most urgent threshold already told and its
// event counter. It expires 30 days after the certificate.
type certState struct {
	Certificate   string    `dynamodbav:"certificate"`
	Fingerprint   string    `dynamodbav:"fingerprint"`
	NotAfter      time.Time `dynamodbav:"notAfter"`
	Notified      int       `dynamodbav:"notified"`
	EventSequence int64     `dynamodbav:"eventSequence"`
	Version       int64     `dynamodbav:"version"`
	TTL           int64     `dynamodbav:"ttl"`
}

// Fingerprint is the hex SHA-256 of a certificate's DER bytes.
func Fingerprint(der []byte) string {
	sum := sha256.Sum256(der)
	return hex.EncodeToString(sum[:])
}

// CertificateThresholds are the days-left thresholds whose crossing is told once each:
// warnDays (the bank's floor, CERT_EXPIRY_WARN_DAYS), then 30, 14, 7 and 1 below it.
func CertificateThresholds(warnDays int) []int {
	out := []int{warnDays}
	for _, t := range []int{30, 14, 7, 1} {
		if t < warnDays {
			out = append(out, t)
		}
	}
	return out
}

// NoteCertificate stores a Certificate Expiring event for certificate name (fingerprint fp,
// expiring notAfter) when its days left fell under a threshold (CertificateThresholds) not
// told yet for this certificate: once per threshold, the most urgent one crossed. The
// certificate's state and its event are written in one transaction, conditional on the state
// read, so two runs never tell the same threshold twice. It reports whether it stored one.
func (s *Store) NoteCertificate(ctx context.Context, name, fp, environment string, notAfter time.Time, daysLeft, warnDays int) (bool, error) {
	threshold := 0
	for _, t := range CertificateThresholds(warnDays) {
		if daysLeft < t {
			threshold = t
		}
	}
	if threshold == 0 {
		return false, nil
	}
	pk := certPrefix + name + "#" + fp
	out, err := s.api.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String(s.table), Key: key(pk, skMeta), ConsistentRead: aws.Bool(true)})
	if err != nil {
		return false, fmt.Errorf("certificate %s: get: %w", name, err)
	}
	var st certState
	if len(out.Item) > 0 {
		if err := unmarshal(out.Item, &st); err != nil {
			return false, fmt.Errorf("certificate %s: unmarshal: %w", name, err)
		}
		if st.Notified != 0 && st.Notified <= threshold {
			return false, nil
		}
	}
	now := s.Now().UTC()
	cond := "attribute_not_exists(pk)"
	e := newExpr()
	if len(out.Item) > 0 {
		cond = e.n("version") + " = " + e.v(num(st.Version))
	}
	prev := st.Version
	st = certState{Certificate: name, Fingerprint: fp, NotAfter: notAfter, Notified: threshold,
		EventSequence: st.EventSequence + 1, Version: prev + 1, TTL: notAfter.Add(30 * 24 * time.Hour).Unix()}
	item, err := marshal(&st, pk, skMeta)
	if err != nil {
		return false, fmt.Errorf("certificate %s: marshal: %w", name, err)
	}
	d := CertificateDetail{Version: EventVersion, EventID: newEventID(), Sequence: st.EventSequence, Certificate: name,
		Fingerprint: fp, Environment: environment, NotAfter: notAfter.UTC(), DaysLeft: daysLeft, Threshold: threshold, OccurredAt: now}
	put, err := s.eventPut(pk, pk, OutboxEvent{EventID: d.EventID, Sequence: d.Sequence, DetailType: EventCertificateExpiring, CreatedAt: now}, d)
	if err != nil {
		return false, err
	}
	_, err = s.api.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: []types.TransactWriteItem{
		{Put: &types.Put{TableName: aws.String(s.table), Item: item, ConditionExpression: aws.String(cond),
			ExpressionAttributeNames: nilIfEmpty(e.names), ExpressionAttributeValues: e.valuesOrNil()}},
		put,
	}})
	if failed, ok := cancelledAt(err); ok && slices.Contains(failed, true) {
		return false, nil // another run told it
	}
	if err != nil {
		return false, fmt.Errorf("certificate %s: note: %w", name, err)
	}
	return true, nil
}

// CertificateEvents lists a certificate's stored events, in order (for tests and operators).
func (s *Store) CertificateEvents(ctx context.Context, name, fp string) ([]OutboxEvent, error) {
	return s.partitionEvents(ctx, certPrefix+name+"#"+fp)
}

func nilIfEmpty(m map[string]string) map[string]string {
	if len(m) == 0 {
		return nil
	}
	return m
}
