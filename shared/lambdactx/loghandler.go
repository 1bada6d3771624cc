package lambdactx

import (
	"context"
	"log/slog"
)

// IDHandler is a slog.Handler that adds the request ids of the record's
// context (RequestIDs) to every record, so that each log line of a request
// joins Lambda's REPORT line and the API's access log. Build the function's
// logger over it once (shared/setup); the …Context logging calls carry the ids
// from there, whichever package logs.
type IDHandler struct{ slog.Handler }

// NewIDHandler wraps h.
func NewIDHandler(h slog.Handler) *IDHandler { return &IDHandler{h} }

// Handle adds awsRequestId and apiRequestId, when known, to r.
func (h *IDHandler) Handle(ctx context.Context, r slog.Record) error {
	lambdaID, apiID := RequestIDs(ctx)
	if lambdaID != "" {
		r.AddAttrs(slog.String(KeyLambdaRequestID, lambdaID))
	}
	if apiID != "" {
		r.AddAttrs(slog.String(KeyAPIRequestID, apiID))
	}
	return h.Handler.Handle(ctx, r)
}

// WithAttrs keeps the ids on loggers derived with With.
func (h *IDHandler) WithAttrs(as []slog.Attr) slog.Handler {
	return &IDHandler{h.Handler.WithAttrs(as)}
}

// WithGroup keeps the ids on loggers derived with WithGroup. (The ids then
// sit inside the group; the connector's loggers use no groups.)
func (h *IDHandler) WithGroup(name string) slog.Handler {
	return &IDHandler{h.Handler.WithGroup(name)}
}
