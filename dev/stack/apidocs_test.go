package stack

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestAPIDocs(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	spec := filepath.Join(dir, "openapi.yaml")
	assets := filepath.Join(dir, "swagger-ui-dist")
	write := func(file, body string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(spec, "openapi: 3.1.0\n")
	write(filepath.Join(assets, "swagger-ui.css"), "body{}")
	write(filepath.Join(assets, "swagger-ui-bundle.js"), "var SwaggerUIBundle=function(){}")
	g := &gateway{router: newRouter(nil), extra: apiDocsHandlers(spec, assets)}
	srv := httptest.NewServer(g)
	defer srv.Close()
	get := func(path string) (int, string, string) {
		t.Helper()
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header.Get("Content-Type"), string(b)
	}

	status, ct, body := get("/openapi.yaml")
	if status != 200 || body != "openapi: 3.1.0\n" || !strings.HasPrefix(ct, "application/yaml") {
		t.Errorf("GET /openapi.yaml: %d %s %q, want 200 and the file", status, ct, body)
	}
	status, ct, page := get("/docs")
	if status != 200 || !strings.HasPrefix(ct, "text/html") || !strings.Contains(page, `url: "/openapi.yaml"`) {
		t.Fatalf("GET /docs: %d %s %q, want 200, the page loading /openapi.yaml", status, ct, page)
	}
	if u := regexp.MustCompile(`(?i)(https?:)?//[a-z0-9]`).FindString(page); u != "" {
		t.Errorf("the page refers to another host (%s): every asset must be served locally", u)
	}
	refs := regexp.MustCompile(`(?:src|href)="([^"]+)"`).FindAllStringSubmatch(page, -1)
	if len(refs) != len(apiDocsAssets) {
		t.Errorf("the page loads %d assets, want the %d served", len(refs), len(apiDocsAssets))
	}
	for _, ref := range refs {
		if status, ct, body := get(ref[1]); status != 200 || body == "" || ct == "" {
			t.Errorf("GET %s (from the page): %d %s, want 200 with the file", ref[1], status, ct)
		}
	}

	// Without npm ci the page says what to run; a missing spec names its file.
	if err := os.RemoveAll(assets); err != nil {
		t.Fatal(err)
	}
	if status, _, body := get("/docs"); status != http.StatusServiceUnavailable || !strings.Contains(body, "make apidocs") {
		t.Errorf("GET /docs without assets: %d %q, want 503 naming make apidocs", status, body)
	}
	if err := os.Remove(spec); err != nil {
		t.Fatal(err)
	}
	if status, _, body := get("/openapi.yaml"); status != http.StatusNotFound || !strings.Contains(body, spec) {
		t.Errorf("GET /openapi.yaml without the file: %d %q, want 404 naming it", status, body)
	}
}
