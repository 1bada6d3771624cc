package main

import (
	"net/http"
	"strings"

	"github.com/coop-ob/connector/shared/httpapi"
)

// permissionNotGranted is the problem for a route the consent's permissions
// do not cover (banklimits.AISRead): the bank would answer 403, so the proxy
// answers first, without a bank call or a step-up journey that cannot help.
// Only a new consent can add a permission (OB AIS: a consent's permissions
// are fixed at creation), so the action is reconsent; the consent itself is
// not changed or marked: its other routes still work.
func permissionNotGranted(need []string) httpapi.Problem {
	list := strings.Join(need, " or ")
	return httpapi.Problem{Type: httpapi.TypePermissionNotGranted, Title: "Permission not granted",
		Status: http.StatusForbidden, Action: httpapi.ActionReconsent,
		Detail: "This consent does not grant " + list + ", which this data needs: create a new consent (POST /consents) with it.",
		Errors: []httpapi.FieldError{{Field: "permissions", Message: "needs " + list}}}
}
