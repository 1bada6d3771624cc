package consent

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// The SEALPASS/MARKER item keeps the scheduled sealing pass's place between runs.
const (
	sealMarkerPK = "SEALPASS"
	sealMarkerSK = "MARKER"
	// sealPageItems bounds one Scan page of the pass, so a run looks at its stop time at
	// least every few hundred items.
	sealPageItems = 500
)

// SealSettle is how long after its first run the pass waits before it reads anything: by then
// the deploy that brought sealing has finished (CloudFormation updates the functions within
// minutes), so no function of the previous release meets a value the pass sealed, and none
// writes a plain value behind it. Only a pass that began this long after the first run can be
// the last one.
const SealSettle = time.Hour

// SealMarker is the SEALPASS/MARKER item: where the scheduled sealing pass stands. It holds
// keys and counts, no secret, and stays (a few hundred bytes) so that later runs know the
// pass is done.
type SealMarker struct {
	CursorPK string `dynamodbav:"cursorPk,omitempty"` // the next step starts after this key; empty: at the table's beginning
	CursorSK string `dynamodbav:"cursorSk,omitempty"`
	// FirstRun: the pass's first run (during the upgrade's deploy); runs until SealSettle
	// after it only wait.
	FirstRun  time.Time `dynamodbav:"firstRun,unixtime"`
	PassStart time.Time `dynamodbav:"passStart,unixtime"` // when the current pass began at the table's beginning
	Plain     int       `dynamodbav:"plain"`              // items found plain so far in the current pass
	Sealed    int       `dynamodbav:"sealed"`             // items sealed by all passes
	Passes    int       `dynamodbav:"passes"`             // passes completed
	// Done: a whole pass that began SealSettle or more after FirstRun found no plain item;
	// later runs read the marker and stop there.
	Done    bool      `dynamodbav:"done"`
	DoneAt  time.Time `dynamodbav:"doneAt,unixtime,omitempty"`
	Version int64     `dynamodbav:"version"`
}

// SealRun is what one scheduled step of the sealing pass did.
type SealRun struct {
	Scanned, Plain, Sealed int
	Retired                int  // consents closed by a previous release, retired (SealPage.Retired)
	Done                   bool // the pass is done (before this run, or by it)
	Finished               bool // this run completed the last pass
}

// SealPassStep is one scheduled run's share of the sealing pass. The first run only writes
// the marker; runs in the SealSettle after it only read it. Then, from the marker's cursor, a
// run reads at most items items, in SealPlain pages, sealing the plain ones, until stop
// answers true, and stores the cursor. At the table's end the pass either is done (it found
// no plain item and began SealSettle or more after the first run) or starts again at the
// beginning with the next run. Once done, a run costs one GetItem of the marker. Without a
// Sealer, or with items 0, it does nothing. Two runs at once are harmless: every seal is
// conditional, and the marker is written only over the version read.
func (s *Store) SealPassStep(ctx context.Context, scan ScanAPI, items int, stop func() bool) (SealRun, error) {
	var r SealRun
	if s.Sealer == nil || items <= 0 {
		return r, nil
	}
	m, err := s.SealMarker(ctx)
	if err != nil {
		return r, err
	}
	if m.Done {
		r.Done = true
		return r, nil
	}
	now := s.Now()
	if m.Version == 0 {
		m.FirstRun, m.PassStart = now, now
		return r, s.putSealMarker(ctx, m)
	}
	if now.Before(m.FirstRun.Add(SealSettle)) {
		return r, nil // the deploy may not have finished
	}
	start := m.cursor()
	if start == nil {
		m.PassStart = now // a pass begins
	}
	for r.Scanned < items && !stop() {
		p, err := s.SealPlain(ctx, scan, start, int32(min(items-r.Scanned, sealPageItems)))
		r.Scanned, r.Plain, r.Sealed, r.Retired = r.Scanned+p.Scanned, r.Plain+p.Plain, r.Sealed+p.Sealed, r.Retired+p.Retired
		if err != nil {
			// The marker stays where it was: the next run reads this page again, and
			// finds sealed what this one sealed.
			return r, err
		}
		m.Plain, m.Sealed = m.Plain+p.Plain, m.Sealed+p.Sealed
		start = p.Next
		if start != nil {
			continue
		}
		m.Passes++
		if m.Plain == 0 && !m.PassStart.Before(m.FirstRun.Add(SealSettle)) {
			m.Done, m.DoneAt = true, now
			r.Done, r.Finished = true, true
		}
		m.Plain = 0
		break // the next pass, if any, begins with the next run
	}
	m.setCursor(start)
	return r, s.putSealMarker(ctx, m)
}

// SealMarker reads the sealing pass's marker; a zero SealMarker when there is none yet.
func (s *Store) SealMarker(ctx context.Context) (*SealMarker, error) {
	out, err := s.api.GetItem(ctx, &dynamodb.GetItemInput{
		TableName: aws.String(s.table), Key: key(sealMarkerPK, sealMarkerSK), ConsistentRead: aws.Bool(true),
	})
	if err != nil {
		return nil, fmt.Errorf("seal pass: get marker: %w", err)
	}
	var m SealMarker
	if len(out.Item) == 0 {
		return &m, nil
	}
	if err := unmarshal(out.Item, &m); err != nil {
		return nil, fmt.Errorf("seal pass: marker: %w", err)
	}
	return &m, nil
}

// putSealMarker writes m over the version it was read at. A failed condition means another
// run moved the pass on meanwhile: its marker stands, and this run's seals are done anyway.
func (s *Store) putSealMarker(ctx context.Context, m *SealMarker) error {
	read := m.Version
	m.Version++
	item, err := marshal(m, sealMarkerPK, sealMarkerSK)
	if err != nil {
		return fmt.Errorf("seal pass: marker: %w", err)
	}
	e := newExpr()
	cond := "attribute_not_exists(pk)"
	if read != 0 {
		cond = e.n("version") + " = " + e.v(num(read))
	}
	_, err = s.api.PutItem(ctx, &dynamodb.PutItemInput{
		TableName: aws.String(s.table), Item: item, ConditionExpression: aws.String(cond),
		ExpressionAttributeNames: namesOrNil(e), ExpressionAttributeValues: e.valuesOrNil(),
	})
	if err != nil && !isConditionFailed(err) {
		return fmt.Errorf("seal pass: put marker: %w", err)
	}
	return nil
}

func (m *SealMarker) cursor() map[string]types.AttributeValue {
	if m.CursorPK == "" {
		return nil
	}
	return key(m.CursorPK, m.CursorSK)
}

func (m *SealMarker) setCursor(k map[string]types.AttributeValue) {
	m.CursorPK, m.CursorSK = "", ""
	pk, _ := k["pk"].(*types.AttributeValueMemberS)
	sk, _ := k["sk"].(*types.AttributeValueMemberS)
	if pk != nil && sk != nil {
		m.CursorPK, m.CursorSK = pk.Value, sk.Value
	}
}
