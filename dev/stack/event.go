package stack

import (
	"encoding/base64"
	"errors"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/aws/aws-lambda-go/events"
)

// Fixed identity of the local HTTP API in events.
const (
	localAccountID = "123456789012"
	localAPIID     = "localapi"
	localRegion    = "eu-west-2"
)

// maxBody is API Gateway's payload limit (10 MB).
const maxBody = 10 << 20

// errTooLarge is a request body over API Gateway's limit (413).
var errTooLarge = errors.New("request body too large")

// buildEvent makes the payload format 2.0 event API Gateway would send for r matched to route.
// jwtClaims is nil on routes without the authorizer.
func buildEvent(r *http.Request, route Route, params map[string]string, jwtClaims map[string]string,
	scopes []string, requestID string, now time.Time) (*events.APIGatewayV2HTTPRequest, error) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	if err != nil {
		return nil, err
	}
	if len(body) > maxBody {
		return nil, errTooLarge
	}
	ev := &events.APIGatewayV2HTTPRequest{
		Version:        "2.0",
		RouteKey:       route.Key(),
		RawPath:        r.URL.EscapedPath(),
		RawQueryString: r.URL.RawQuery,
		Headers:        map[string]string{},
	}
	for name, values := range r.Header {
		k := strings.ToLower(name)
		if k == "cookie" {
			for _, v := range values {
				for _, c := range strings.Split(v, ";") {
					if c = strings.TrimSpace(c); c != "" {
						ev.Cookies = append(ev.Cookies, c)
					}
				}
			}
			continue
		}
		ev.Headers[k] = strings.Join(values, ",")
	}
	ev.Headers["host"] = r.Host
	ip, _, _ := net.SplitHostPort(r.RemoteAddr)
	ev.Headers["x-forwarded-for"] = ip
	ev.Headers["x-forwarded-proto"] = "http"
	if _, p, err := net.SplitHostPort(r.Host); err == nil {
		ev.Headers["x-forwarded-port"] = p
	}
	if q, err := url.ParseQuery(r.URL.RawQuery); err == nil && len(q) > 0 {
		ev.QueryStringParameters = make(map[string]string, len(q))
		for k, v := range q {
			ev.QueryStringParameters[k] = strings.Join(v, ",")
		}
	}
	if len(params) > 0 {
		ev.PathParameters = params
	}
	if len(body) > 0 {
		if textual(r.Header.Get("Content-Type")) {
			ev.Body = string(body)
		} else {
			ev.Body = base64.StdEncoding.EncodeToString(body)
			ev.IsBase64Encoded = true
		}
	}
	host, _, err := net.SplitHostPort(r.Host)
	if err != nil {
		host = r.Host
	}
	ev.RequestContext = events.APIGatewayV2HTTPRequestContext{
		RouteKey:     route.Key(),
		AccountID:    localAccountID,
		Stage:        "$default",
		RequestID:    requestID,
		APIID:        localAPIID,
		DomainName:   host,
		DomainPrefix: strings.Split(host, ".")[0],
		Time:         now.UTC().Format("02/Jan/2006:15:04:05 -0700"),
		TimeEpoch:    now.UnixMilli(),
		HTTP: events.APIGatewayV2HTTPRequestContextHTTPDescription{
			Method:    r.Method,
			Path:      r.URL.Path,
			Protocol:  r.Proto,
			SourceIP:  ip,
			UserAgent: r.UserAgent(),
		},
	}
	if jwtClaims != nil {
		ev.RequestContext.Authorizer = &events.APIGatewayV2HTTPRequestContextAuthorizerDescription{
			JWT: &events.APIGatewayV2HTTPRequestContextAuthorizerJWTDescription{Claims: jwtClaims, Scopes: scopes},
		}
	}
	return ev, nil
}

// textual reports whether API Gateway passes a body of this content type as text; every
// other body (including form posts and a missing content type) arrives base64-encoded.
func textual(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false
	}
	switch {
	case strings.HasPrefix(mt, "text/"),
		mt == "application/json", mt == "application/xml", mt == "application/javascript",
		strings.HasSuffix(mt, "+json"), strings.HasSuffix(mt, "+xml"):
		return true
	}
	return false
}
