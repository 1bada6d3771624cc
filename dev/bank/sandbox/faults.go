package sandbox

import (
	"bufio"
	"bytes"
	"context"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Fault is what the next Count requests under a path prefix get instead of (or
// before) the normal answer.
type Fault struct {
	Count      int           // how many requests; 0 means 1
	Status     int           // answer this status (an OB error body unless HTML or Empty)
	RetryAfter time.Duration // Retry-After header, in whole seconds
	HTML       bool          // an HTML error page as the body
	JSON       string        // this body, as application/json (a well-formed answer of the wrong shape)
	Empty      bool          // no body at all
	Delay      time.Duration // wait before answering (or before the normal handling when Status is 0)
	Drop       bool          // close the connection without answering
	// DropAfterProcessing lets the bank handle the request (a payment is made) and
	// then closes the connection without sending the response.
	DropAfterProcessing bool
	// AnswerAfterProcessing lets the bank handle the request (a payment is made)
	// and then answers per Status, HTML, JSON and Empty instead of the bank's answer:
	// a front end that lost or mangled a processed request's answer.
	AnswerAfterProcessing bool
	// CorruptSignature lets the bank handle the request and answer as usual, with
	// its x-jws-signature changed so that it no longer verifies (a signed PIS answer).
	CorruptSignature bool
}

type faultEntry struct {
	prefix    string
	f         Fault
	remaining int
}

// Fail arms a fault for the next f.Count requests whose path starts with pathPrefix.
// Faults apply on the API and pages servers, first armed first.
func (b *Bank) Fail(pathPrefix string, f Fault) {
	n := f.Count
	if n <= 0 {
		n = 1
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.faults = append(b.faults, &faultEntry{prefix: pathPrefix, f: f, remaining: n})
}

// ClearFaults disarms every fault.
func (b *Bank) ClearFaults() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.faults = nil
}

// takeFault consumes one use of the first fault matching path.
func (b *Bank) takeFault(path string) (Fault, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for i, e := range b.faults {
		if strings.HasPrefix(path, e.prefix) {
			e.remaining--
			if e.remaining <= 0 {
				b.faults = append(b.faults[:i:i], b.faults[i+1:]...)
			}
			return e.f, true
		}
	}
	return Fault{}, false
}

// applyFault answers w per f and reports whether the request is finished. next is the
// normal handler, needed for DropAfterProcessing and delay-only faults.
func applyFault(ctx context.Context, w http.ResponseWriter, r *http.Request, f Fault, next http.Handler) (status int) {
	if f.Delay > 0 {
		select {
		case <-time.After(f.Delay):
		case <-ctx.Done():
			return 0
		}
	}
	switch {
	case f.DropAfterProcessing:
		rec := &bufferWriter{header: http.Header{}}
		next.ServeHTTP(rec, r)
		dropConn(w)
		return 0
	case f.Drop:
		dropConn(w)
		return 0
	case f.CorruptSignature:
		rec := &bufferWriter{header: http.Header{}}
		next.ServeHTTP(rec, r)
		for k, v := range rec.header {
			w.Header()[k] = v
		}
		if sig := rec.header.Get("x-jws-signature"); sig != "" {
			w.Header().Set("x-jws-signature", corruptSignature(sig))
		}
		status := rec.status
		if status == 0 {
			status = http.StatusOK
		}
		w.WriteHeader(status)
		_, _ = w.Write(rec.body.Bytes())
		return status
	case f.AnswerAfterProcessing:
		next.ServeHTTP(&bufferWriter{header: http.Header{}}, r)
	case f.Status == 0:
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		return sw.code()
	}
	if f.RetryAfter > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(int(f.RetryAfter.Round(time.Second)/time.Second)))
	}
	switch {
	case f.JSON != "":
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(f.Status)
		_, _ = w.Write([]byte(f.JSON))
	case f.Empty:
		w.WriteHeader(f.Status)
	case f.HTML:
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(f.Status)
		_, _ = w.Write([]byte("<!doctype html><html><head><title>Service unavailable</title></head><body><h1>" +
			strconv.Itoa(f.Status) + " " + http.StatusText(f.Status) + "</h1><p>Please try again later.</p></body></html>"))
	default:
		code := "UK.OBIE.UnexpectedError"
		if f.Status < 500 {
			code = "UK.OBIE.Field.Invalid"
		}
		writeOBError(w, r, f.Status, obErr(code, "injected fault", ""))
	}
	return f.Status
}

func dropConn(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler)
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	if tc, ok := conn.(interface{ NetConn() net.Conn }); ok {
		// Close the TCP connection itself: no TLS close_notify, like a cut line.
		_ = tc.NetConn().Close()
		return
	}
	_ = conn.Close()
}

// bufferWriter swallows a response that will never be sent.
type bufferWriter struct {
	header http.Header
	body   bytes.Buffer
	status int
}

func (w *bufferWriter) Header() http.Header         { return w.header }
func (w *bufferWriter) Write(p []byte) (int, error) { return w.body.Write(p) }
func (w *bufferWriter) WriteHeader(s int)           { w.status = s }

// statusWriter remembers the status written.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(s int) {
	if w.status == 0 {
		w.status = s
	}
	w.ResponseWriter.WriteHeader(s)
}

func (w *statusWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(p)
}

func (w *statusWriter) code() int {
	if w.status == 0 {
		return http.StatusOK
	}
	return w.status
}

// Hijack lets the drop faults reach the connection through the wrapper.
func (w *statusWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	return w.ResponseWriter.(http.Hijacker).Hijack()
}
