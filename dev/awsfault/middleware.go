package awsfault

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"time"
)

// maxBody bounds the request body the middleware reads (DynamoDB's largest request is 16 MB).
const maxBody = 16 << 20

// Middleware fails requests matching a rule before (or, for LostAnswer, after) next serves
// them. A Timeout holds the request until the client disconnects, or gives up after Hang
// times 30 (a server's own limit) with a 500.
func (i *Injector) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(io.LimitReader(r.Body, maxBody))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		q := identify(r.Header.Get("X-Amz-Target"), r.Header.Get("Authorization"), body)
		kind, contains := i.pickRule(q)
		switch kind {
		case 0:
			next.ServeHTTP(w, r)
			return
		case Timeout:
			timer := time.NewTimer(30 * i.hang())
			defer timer.Stop()
			select {
			case <-r.Context().Done():
				return
			case <-timer.C:
			}
		case LostAnswer:
			next.ServeHTTP(httptest.NewRecorder(), r)
		}
		a := answerFor(kind, q)
		if kind == FailedEntries {
			a, err = failEntries(body, contains, func(b []byte) (int, []byte, error) {
				rec := httptest.NewRecorder()
				fwd := r.Clone(r.Context())
				fwd.Body, fwd.ContentLength = io.NopCloser(bytes.NewReader(b)), int64(len(b))
				next.ServeHTTP(rec, fwd)
				return rec.Code, rec.Body.Bytes(), nil
			})
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
		}
		for k, v := range a.header(r.Header.Get("Content-Type")) {
			w.Header()[k] = v
		}
		w.WriteHeader(a.status)
		_, _ = w.Write(a.body)
	})
}
