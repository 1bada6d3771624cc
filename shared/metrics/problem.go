package metrics

import (
	"context"
	"strings"
)

// ActionNone is the Action dimension of a problem without an action.
const ActionNone = "none"

// Problem publishes Problems once for a problem answered with typeURI (its last path segment
// is the dimension: "retry-later") and action (ActionNone when empty).
func (r *Recorder) Problem(ctx context.Context, typeURI, action string, status int) {
	if r == nil {
		return
	}
	typ := typeURI
	if i := strings.LastIndexByte(typ, '/'); i >= 0 {
		typ = typ[i+1:]
	}
	if typ == "" {
		typ = "unknown"
	}
	if action == "" {
		action = ActionNone
	}
	r.emitCount(ctx, Problems, map[string]any{"status": status}, DimType, typ, DimAction, action)
}
