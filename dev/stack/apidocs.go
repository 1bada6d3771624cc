package stack

import (
	"net/http"
	"os"
	"path/filepath"
)

// The API reference make run serves beside the routes (local only: the deployed HTTP API has no
// such routes). The spec is read from disk on every request, so an edit shows on reload; the
// page is swagger-ui-dist's bundle, installed by npm ci from dev/apidocs/package-lock.json
// (make apidocs) and served from that folder: nothing is fetched from another host.

// apiDocsAssets are the swagger-ui-dist files the page loads, served at /docs/<name>.
var apiDocsAssets = map[string]string{
	"swagger-ui.css":       "text/css; charset=utf-8",
	"swagger-ui-bundle.js": "text/javascript; charset=utf-8",
}

// apiDocsPage loads the spec from /openapi.yaml. validatorUrl null: Swagger UI would otherwise
// send the spec to validator.swagger.io for its badge.
const apiDocsPage = `<!doctype html>
<html><head><meta charset="utf-8"><title>Connector API reference (local)</title>
<link rel="stylesheet" href="/docs/swagger-ui.css"></head>
<body><div id="reference"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script>SwaggerUIBundle({url: "/openapi.yaml", dom_id: "#reference", validatorUrl: null, deepLinking: true});</script>
</body></html>
`

// apiDocsHandlers are the local pages GET /openapi.yaml, GET /docs and the page's assets.
func apiDocsHandlers(specFile, assetsDir string) map[string]http.Handler {
	hs := map[string]http.Handler{
		"/openapi.yaml": http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			serveFile(w, specFile, "application/yaml; charset=utf-8")
		}),
		"/docs": http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			if _, err := os.Stat(filepath.Join(assetsDir, "swagger-ui-bundle.js")); err != nil {
				w.Header().Set("Content-Type", "text/plain; charset=utf-8")
				w.WriteHeader(http.StatusServiceUnavailable)
				_, _ = w.Write([]byte("The reference page's assets are missing from " + assetsDir +
					": run make apidocs (npm ci in dev/apidocs). The spec itself is at /openapi.yaml.\n"))
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Cache-Control", "no-store")
			_, _ = w.Write([]byte(apiDocsPage))
		}),
	}
	for name, contentType := range apiDocsAssets {
		file := filepath.Join(assetsDir, name)
		hs["/docs/"+name] = http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			serveFile(w, file, contentType)
		})
	}
	return hs
}

// serveFile answers file's bytes, or 404 naming the file when it cannot be read.
func serveFile(w http.ResponseWriter, file, contentType string) {
	b, err := os.ReadFile(file)
	if err != nil {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write([]byte(file + " is missing\n"))
		return
	}
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(b)
}
