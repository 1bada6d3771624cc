package apicheck

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"slices"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

// transportHeaders are response headers that HTTP itself or the gateway sets, never the
// connector: the document does not list them.
var transportHeaders = []string{"Content-Type", "Content-Length", "Date", "Connection",
	"Transfer-Encoding", "Apigw-Requestid"}

// registerDecoders teaches openapi3filter (whose decoders are package-wide) to read the
// callback's HTML pages as text, so their schema (a string) is checked like any other body.
var registerDecoders = sync.OnceFunc(func() {
	openapi3filter.RegisterBodyDecoder("text/html", openapi3filter.FileBodyDecoder)
})

// Checker judges exchanges against one OpenAPI document.
type Checker struct {
	doc    *openapi3.T
	router routers.Router
}

// Load reads and validates the OpenAPI document at path.
func Load(path string) (*Checker, error) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromFile(path)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", path, err)
	}
	return New(doc)
}

// New builds a Checker for doc, which it validates first. The document's servers are
// replaced (in doc) by one relative server, so that a route matches on any host and port.
func New(doc *openapi3.T) (*Checker, error) {
	if err := doc.Validate(context.Background()); err != nil {
		return nil, fmt.Errorf("openapi document: %w", err)
	}
	registerDecoders()
	doc.Servers = openapi3.Servers{{URL: "/"}}
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		return nil, fmt.Errorf("openapi router: %w", err)
	}
	return &Checker{doc: doc, router: router}, nil
}

// Exchange is one request and its response, with both bodies read.
type Exchange struct {
	Request      *http.Request
	RequestBody  []byte
	Response     *http.Response
	ResponseBody []byte
	// SkipRequest leaves the request unchecked: a test that sends a bad request on purpose
	// still has the answer checked.
	SkipRequest bool
}

// Check returns what in x the document does not allow: nil when the exchange conforms.
func (c *Checker) Check(ctx context.Context, x Exchange) []error {
	req := x.Request.Clone(ctx)
	req.Body = io.NopCloser(bytes.NewReader(x.RequestBody))
	route, params, err := c.router.FindRoute(req)
	if err != nil {
		return c.checkNoRoute(x, err)
	}
	var errs []error
	opts := &openapi3filter.Options{
		AuthenticationFunc:    openapi3filter.NoopAuthenticationFunc,
		IncludeResponseStatus: true,
		MultiError:            true,
	}
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route, Options: opts}
	if !x.SkipRequest {
		if err := openapi3filter.ValidateRequest(ctx, in); err != nil {
			errs = append(errs, fmt.Errorf("request: %w", err))
		}
		errs = append(errs, undeclaredQuery(route, req)...)
	}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: x.Response.StatusCode,
		Header: x.Response.Header, Options: opts}
	out.SetBodyBytes(x.ResponseBody)
	if err := openapi3filter.ValidateResponse(ctx, out); err != nil {
		errs = append(errs, fmt.Errorf("response: %w", err))
	}
	if resp := route.Operation.Responses.Status(x.Response.StatusCode); resp != nil && resp.Value != nil {
		errs = append(errs, undocumentedHeaders(resp.Value, x.Response.Header)...)
		if len(resp.Value.Content) == 0 && len(x.ResponseBody) > 0 {
			errs = append(errs, fmt.Errorf("response: %d has a body the document does not describe", x.Response.StatusCode))
		}
	}
	return errs
}

// checkNoRoute judges an answer to a request that matches no documented route: only the
// gateway's own 404 {"message":"Not Found"} is allowed.
func (c *Checker) checkNoRoute(x Exchange, routeErr error) []error {
	bad := fmt.Errorf("%s %s matches no documented route (%v), and the answer %d %s is not the gateway's 404",
		x.Request.Method, x.Request.URL.Path, routeErr, x.Response.StatusCode, x.ResponseBody)
	if x.Response.StatusCode != http.StatusNotFound {
		return []error{bad}
	}
	ref := c.doc.Components.Responses["GatewayNotFound"]
	if ref == nil || ref.Value == nil {
		return []error{errors.New("the document has no GatewayNotFound response")}
	}
	mt, _, _ := mime.ParseMediaType(x.Response.Header.Get("Content-Type"))
	media := ref.Value.Content.Get(mt)
	if media == nil {
		return []error{bad}
	}
	var v any
	if err := json.Unmarshal(x.ResponseBody, &v); err != nil {
		return []error{fmt.Errorf("%w: %v", bad, err)}
	}
	if err := media.Schema.Value.VisitJSON(v, openapi3.EnableJSONSchema2020()); err != nil {
		return []error{fmt.Errorf("%w: %v", bad, err)}
	}
	return nil
}

// undeclaredQuery names the query parameters the operation does not declare: the connector
// refuses them, so a conforming request never sends one.
func undeclaredQuery(route *routers.Route, req *http.Request) []error {
	var errs []error
	for name := range req.URL.Query() {
		if declared(route.Operation.Parameters, name) || declared(route.PathItem.Parameters, name) {
			continue
		}
		errs = append(errs, fmt.Errorf("request: query parameter %q is not declared", name))
	}
	return errs
}

func declared(params openapi3.Parameters, name string) bool {
	return slices.ContainsFunc(params, func(p *openapi3.ParameterRef) bool {
		return p.Value != nil && p.Value.In == openapi3.ParameterInQuery && p.Value.Name == name
	})
}

// undocumentedHeaders names the response headers neither the document nor HTTP accounts for.
func undocumentedHeaders(resp *openapi3.Response, h http.Header) []error {
	var errs []error
	for name := range h {
		if slices.ContainsFunc(transportHeaders, func(t string) bool { return strings.EqualFold(t, name) }) {
			continue
		}
		documented := false
		for doc := range resp.Headers {
			if strings.EqualFold(doc, name) {
				documented = true
				break
			}
		}
		if !documented {
			errs = append(errs, fmt.Errorf("response: header %s is not documented", name))
		}
	}
	slices.SortFunc(errs, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
	return errs
}
