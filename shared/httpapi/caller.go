package httpapi

import "github.com/aws/aws-lambda-go/events"

// Caller returns the caller's identity: the JWT authorizer's "sub" claim.
// ok is false when the request carries no JWT authorizer context or no sub;
// the handler then answers ProblemResponse(Unauthorized()). The gateway has
// already validated the token; the connector never reads the raw header.
func Caller(req events.APIGatewayV2HTTPRequest) (sub string, ok bool) {
	a := req.RequestContext.Authorizer
	if a == nil || a.JWT == nil {
		return "", false
	}
	sub = a.JWT.Claims["sub"]
	return sub, sub != ""
}
