package stack

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
)

// invokeFunc invokes the function named name with event and returns the emulator's answer.
type invokeFunc func(ctx context.Context, name string, event []byte) ([]byte, error)

// gateway is the local stand-in for the HTTP API: it matches template routes, checks the JWT
// like the HTTP API's JWT authorizer, builds the payload 2.0 event, invokes the function and
// translates the answer. Its own errors have API Gateway's shape, {"message": ...}.
type gateway struct {
	router *router
	auth   *authorizer
	invoke invokeFunc
	extra  map[string]http.Handler // local-only pages (GET /result, /openapi.yaml, /docs)
	log    *slog.Logger
	now    func() time.Time
}

func (g *gateway) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	requestID := uuid.NewString()
	w.Header().Set("Apigw-Requestid", requestID)
	route, params, ok := g.router.match(r.Method, r.URL.Path)
	// A local page wins over every route but one written for exactly its path.
	if h, found := g.extra[r.URL.Path]; found && r.Method == http.MethodGet && (!ok || strings.Contains(route.Path, "{")) {
		h.ServeHTTP(w, r)
		return
	}
	if !ok {
		writeMessage(w, http.StatusNotFound, "Not Found")
		g.access(r.Context(), r.Method+" (no route)", http.StatusNotFound, start, requestID)
		return
	}
	status := g.serveRoute(w, r, route, params, requestID)
	g.access(r.Context(), route.Key(), status, start, requestID)
}

func (g *gateway) serveRoute(w http.ResponseWriter, r *http.Request, route Route, params map[string]string, requestID string) int {
	var claims map[string]string
	var scopes []string
	if !route.NoAuth {
		var err error
		claims, scopes, err = g.auth.verify(r.Header.Get("Authorization"))
		if err != nil {
			w.Header().Set("Www-Authenticate", `Bearer error="invalid_token"`)
			writeMessage(w, http.StatusUnauthorized, "Unauthorized")
			return http.StatusUnauthorized
		}
		if len(route.Scopes) > 0 && !slices.ContainsFunc(route.Scopes, func(s string) bool { return slices.Contains(scopes, s) }) {
			writeMessage(w, http.StatusForbidden, "Forbidden")
			return http.StatusForbidden
		}
	}
	ev, err := buildEvent(r, route, params, claims, scopes, requestID, g.now())
	if errors.Is(err, errTooLarge) {
		writeMessage(w, http.StatusRequestEntityTooLarge, "Request Entity Too Large")
		return http.StatusRequestEntityTooLarge
	}
	if err != nil {
		writeMessage(w, http.StatusBadRequest, "Bad Request")
		return http.StatusBadRequest
	}
	payload, err := json.Marshal(ev)
	if err != nil {
		writeMessage(w, http.StatusInternalServerError, "Internal Server Error")
		return http.StatusInternalServerError
	}
	answer, err := g.invoke(r.Context(), route.Function, payload)
	if err != nil {
		g.log.ErrorContext(r.Context(), "invoke failed", "function", route.Function, "requestId", requestID, "err", err)
		writeMessage(w, http.StatusBadGateway, "Internal Server Error")
		return http.StatusBadGateway
	}
	rec := &statusRecorder{ResponseWriter: w}
	if kind := writeAnswer(rec, answer); kind != answerResponse {
		g.log.WarnContext(r.Context(), "function failed", "function", route.Function, "requestId", requestID,
			"kind", kindName[kind])
	}
	return rec.status
}

var kindName = map[answerKind]string{answerError: "error", answerTimeout: "timeout", answerInvalid: "invalid response"}

// access logs one request: never the query (it carries authorization codes) or headers.
func (g *gateway) access(ctx context.Context, routeKey string, status int, start time.Time, requestID string) {
	g.log.InfoContext(ctx, "request", "routeKey", routeKey, "status", status,
		"durationMs", time.Since(start).Milliseconds(), "requestId", requestID)
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}
