package stack

import (
	"sort"
	"strings"
)

// router matches requests to template routes the way an HTTP API does: a path of literal
// segments beats one with {param} segments, which beats a greedy {proxy+}; a route's own method
// beats ANY. Method and path must both match, or it is 404.
type router struct {
	routes []Route
}

func newRouter(routes []Route) *router {
	rs := append([]Route(nil), routes...)
	sort.SliceStable(rs, func(i, j int) bool { return specificity(rs[i]) > specificity(rs[j]) })
	return &router{routes: rs}
}

// specificity orders routes: more literal segments first, greedy last, ANY after methods.
func specificity(r Route) int {
	score := 0
	for _, seg := range segments(r.Path) {
		switch {
		case strings.HasSuffix(seg, "+}"):
			score -= 1000
		case strings.HasPrefix(seg, "{"):
			score += 1
		default:
			score += 10
		}
	}
	score *= 2
	if r.Method != "ANY" {
		score++
	}
	return score
}

func segments(p string) []string {
	p = strings.Trim(p, "/")
	if p == "" {
		return nil
	}
	return strings.Split(p, "/")
}

// match returns the route for method and the decoded path, with its path parameters.
func (rt *router) match(method, path string) (Route, map[string]string, bool) {
	got := segments(path)
	for _, r := range rt.routes {
		if r.Method != "ANY" && r.Method != method {
			continue
		}
		if params, ok := matchPath(segments(r.Path), got); ok {
			return r, params, true
		}
	}
	return Route{}, nil, false
}

func matchPath(want, got []string) (map[string]string, bool) {
	params := map[string]string{}
	for i, w := range want {
		if strings.HasPrefix(w, "{") && strings.HasSuffix(w, "+}") {
			if i >= len(got) {
				return nil, false
			}
			params[strings.TrimSuffix(w[1:], "+}")] = strings.Join(got[i:], "/")
			return params, true
		}
		if i >= len(got) {
			return nil, false
		}
		if strings.HasPrefix(w, "{") && strings.HasSuffix(w, "}") {
			if got[i] == "" {
				return nil, false
			}
			params[w[1:len(w)-1]] = got[i]
			continue
		}
		if w != got[i] {
			return nil, false
		}
	}
	if len(want) != len(got) {
		return nil, false
	}
	return params, true
}
