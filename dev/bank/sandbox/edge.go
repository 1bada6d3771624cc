package sandbox

import (
	"net/http"
	"time"

	"github.com/google/uuid"
)

// edge wraps the API and pages handlers: interaction id, request log, faults, access log.
func (b *Bank) edge(server string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := r.Header.Get("x-fapi-interaction-id")
		if id == "" {
			id = uuid.NewString()
			r.Header.Set("x-fapi-interaction-id", id)
		}
		w.Header().Set("x-fapi-interaction-id", id)
		e := newRequestLog(server, r, b.Now())
		b.record(&e)
		status := 0
		if f, ok := b.takeFault(r.URL.Path); ok {
			status = applyFault(r.Context(), w, r, f, next)
		} else {
			sw := &statusWriter{ResponseWriter: w}
			next.ServeHTTP(sw, r)
			status = sw.code()
		}
		b.setStatus(&e, status)
		b.log.InfoContext(r.Context(), "bank request", "server", server, "method", r.Method, "path", r.URL.Path,
			"status", status, "interactionId", id, "durationMs", time.Since(start).Milliseconds())
	})
}
