package stack

import (
	"bytes"
	"io"
	"sync"
)

// logCollector keeps every line written by every part of the stack (emulators, functions,
// the bank, the gateway, the scheduler), each prefixed with its source, and copies them to an
// optional writer. Tests read it to prove that nothing secret is ever logged.
type logCollector struct {
	mu    sync.Mutex
	lines []string
	out   io.Writer
}

func newLogCollector(out io.Writer) *logCollector {
	return &logCollector{out: out}
}

func (c *logCollector) add(line string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.lines = append(c.lines, line)
	if c.out != nil {
		_, _ = io.WriteString(c.out, line+"\n")
	}
}

// snapshot returns a copy of every line collected so far.
func (c *logCollector) snapshot() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.lines...)
}

// writer returns an io.Writer that splits what it is given into lines and adds each one,
// prefixed with "source| ". A trailing partial line is kept until its newline or Close.
func (c *logCollector) writer(source string) *lineWriter {
	return &lineWriter{c: c, prefix: source + "| "}
}

// lineWriter is the io.WriteCloser returned by logCollector.writer.
type lineWriter struct {
	mu      sync.Mutex
	c       *logCollector
	prefix  string
	partial []byte
}

func (w *lineWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.partial = append(w.partial, p...)
	for {
		i := bytes.IndexByte(w.partial, '\n')
		if i < 0 {
			break
		}
		w.c.add(w.prefix + string(bytes.TrimRight(w.partial[:i], "\r")))
		w.partial = w.partial[i+1:]
	}
	return len(p), nil
}

// Close flushes a trailing partial line.
func (w *lineWriter) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.partial) > 0 {
		w.c.add(w.prefix + string(w.partial))
		w.partial = nil
	}
	return nil
}
