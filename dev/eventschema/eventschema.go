// Package eventschema checks lifecycle events against the JSON Schemas of their detail-types
// in docs/events (one <slug>.schema.json per detail-type, generated from the transitions
// table by this package's test with -update). Tests of the packages that write events, and the
// end-to-end tests, validate every event they see with it.
package eventschema

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Dir is the folder of the schemas.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "docs", "events")
}

// Slug is the file name stem of detailType's schema: lower case, words joined by '-'.
func Slug(detailType string) string {
	return strings.ToLower(strings.NewReplacer(" ", "-", "_", "-").Replace(detailType))
}

// File is the path of detailType's schema.
func File(detailType string) string { return filepath.Join(Dir(), Slug(detailType)+".schema.json") }

var (
	mu       sync.Mutex
	compiled = map[string]*jsonschema.Schema{}
)

// Validate checks detail (the EventBridge detail, JSON) against detailType's schema; an
// unknown detail-type (no schema) is an error.
func Validate(detailType string, detail []byte) error {
	s, err := schema(detailType)
	if err != nil {
		return err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(detail))
	if err != nil {
		return fmt.Errorf("%s: detail is not JSON: %w", detailType, err)
	}
	if err := s.Validate(inst); err != nil {
		return fmt.Errorf("%s: %w", detailType, err)
	}
	return nil
}

func schema(detailType string) (*jsonschema.Schema, error) {
	mu.Lock()
	defer mu.Unlock()
	if s, ok := compiled[detailType]; ok {
		return s, nil
	}
	path := File(detailType)
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("%s: no schema: %w", detailType, err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	s, err := c.Compile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: schema: %w", detailType, err)
	}
	compiled[detailType] = s
	return s, nil
}
