package stack

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRouterMatch(t *testing.T) {
	rt := newRouter(loadTestTemplate(t).Routes())
	for _, tc := range []struct {
		method, path string
		wantKey      string // "" = no route
		wantParams   map[string]string
	}{
		{"GET", "/items/42", "GET /items/{id}", map[string]string{"id": "42"}},
		{"GET", "/items/a b", "GET /items/{id}", map[string]string{"id": "a b"}},
		{"POST", "/items", "POST /items", map[string]string{}},
		{"GET", "/items", "GET /{what}", map[string]string{"what": "items"}},
		{"GET", "/callback", "GET /callback", map[string]string{}},
		{"DELETE", "/admin/a/b/c", "ANY /admin/{proxy+}", map[string]string{"proxy": "a/b/c"}},
		{"GET", "/admin", "GET /{what}", map[string]string{"what": "admin"}},
		{"PUT", "/items/42", "", nil},
		{"GET", "/items/42/more", "", nil},
		{"GET", "/", "", nil},
	} {
		r, params, ok := rt.match(tc.method, tc.path)
		if tc.wantKey == "" {
			if ok {
				t.Errorf("%s %s matched %s, want no route", tc.method, tc.path, r.Key())
			}
			continue
		}
		if !ok || r.Key() != tc.wantKey {
			t.Errorf("%s %s = %q (ok=%v), want %q", tc.method, tc.path, r.Key(), ok, tc.wantKey)
			continue
		}
		if diff := cmp.Diff(tc.wantParams, params); diff != "" {
			t.Errorf("%s %s params (-want +got):\n%s", tc.method, tc.path, diff)
		}
	}
}
