package stack

import (
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"time"

	"github.com/google/uuid"
)

// scheduledEvent is the event EventBridge sends a Lambda target on a schedule when the
// template gives no Input.
func scheduledEvent(function string, now time.Time) []byte {
	b, _ := json.Marshal(map[string]any{
		"version":     "0",
		"id":          uuid.NewString(),
		"detail-type": "Scheduled Event",
		"source":      "aws.scheduler",
		"account":     localAccountID,
		"time":        now.UTC().Format(time.RFC3339),
		"region":      localRegion,
		"resources":   []string{scheduleARN(function)},
		"detail":      map[string]any{},
	})
	return b
}

// payload is the schedule's Input with EventBridge Scheduler's context attributes filled in,
// or, without Input, a scheduled event.
func (s Schedule) payload(now time.Time) []byte {
	if s.Input == "" {
		return scheduledEvent(s.Function, now)
	}
	return []byte(strings.NewReplacer(
		"<aws.scheduler.execution-id>", uuid.NewString(),
		"<aws.scheduler.scheduled-time>", now.UTC().Format(time.RFC3339),
		"<aws.scheduler.schedule-arn>", scheduleARN(s.Function),
		"<aws.scheduler.attempt-number>", "1",
	).Replace(s.Input))
}

func scheduleARN(function string) string {
	return "arn:aws:scheduler:" + localRegion + ":" + localAccountID + ":schedule/default/" + function
}

// runSchedule invokes the schedule's function every period until ctx ends. A tick that comes
// while the previous run still goes is skipped, as a one-at-a-time emulator would queue it.
func runSchedule(ctx context.Context, s Schedule, every time.Duration, invoke invokeFunc, log *slog.Logger, now func() time.Time) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			tick(ctx, s, invoke, log, now)
		}
	}
}

func tick(ctx context.Context, s Schedule, invoke invokeFunc, log *slog.Logger, now func() time.Time) {
	answer, err := invoke(ctx, s.Function, s.payload(now()))
	switch {
	case err != nil:
		if ctx.Err() == nil {
			log.ErrorContext(ctx, "scheduled run failed", "function", s.Function, "err", err)
		}
	case isFunctionError(answer):
		log.ErrorContext(ctx, "scheduled run failed", "function", s.Function, "err", "function returned an error")
	default:
		log.InfoContext(ctx, "scheduled run", "function", s.Function)
	}
}

// isFunctionError reports whether an emulator answer is a function error or a timeout.
func isFunctionError(answer []byte) bool {
	var probe struct {
		ErrorMessage *string `json:"errorMessage"`
	}
	if json.Unmarshal(answer, &probe) == nil && probe.ErrorMessage != nil {
		return true
	}
	return len(answer) >= 14 && string(answer[:14]) == "Task timed out"
}
