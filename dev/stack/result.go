package stack

import (
	"html/template"
	"net/http"
	"sort"
)

// resultPage is the app's stand-in at RESULT_URL: the callback function redirects the
// browser there, and it shows the query it got.
var resultPage = template.Must(template.New("result").Parse(`<!doctype html>
<html><head><meta charset="utf-8"><title>Connector result</title></head>
<body><h1>Connector result</h1>
<p>The connector's callback sent the browser here (RESULT_URL) with:</p>
<table id="result">{{range .}}<tr><th>{{.Name}}</th><td id="{{.Name}}">{{.Value}}</td></tr>{{end}}</table>
</body></html>
`))

func serveResult(w http.ResponseWriter, r *http.Request) {
	type param struct{ Name, Value string }
	var ps []param
	for k, vs := range r.URL.Query() {
		for _, v := range vs {
			ps = append(ps, param{k, v})
		}
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].Name < ps[j].Name })
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_ = resultPage.Execute(w, ps)
}
