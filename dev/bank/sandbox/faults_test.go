package sandbox

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestFaults(t *testing.T) {
	f := newFixture(t)
	cc := f.ccToken("accounts")
	path := aispBase + "/account-access-consents/00000000-0000-0000-0000-000000000000"
	tests := []struct {
		name  string
		fault Fault
		check func(t *testing.T, status int, body []byte, h http.Header)
	}{
		{"503 with Retry-After", Fault{Status: 503, RetryAfter: 7 * time.Second}, func(t *testing.T, s int, body []byte, h http.Header) {
			if code, _ := obCode(t, body); s != 503 || h.Get("Retry-After") != "7" || code != "UK.OBIE.UnexpectedError" {
				t.Errorf("%d %q %s", s, h.Get("Retry-After"), body)
			}
		}},
		{"HTML 502", Fault{Status: 502, HTML: true}, func(t *testing.T, s int, body []byte, h http.Header) {
			if s != 502 || !strings.HasPrefix(h.Get("Content-Type"), "text/html") || !strings.Contains(string(body), "<html") {
				t.Errorf("%d %s", s, body)
			}
		}},
		{"empty 500", Fault{Status: 500, Empty: true}, func(t *testing.T, s int, body []byte, h http.Header) {
			if s != 500 || len(body) != 0 {
				t.Errorf("%d %q", s, body)
			}
		}},
		{"429", Fault{Status: 429, RetryAfter: time.Second}, func(t *testing.T, s int, body []byte, h http.Header) {
			if s != 429 || h.Get("Retry-After") != "1" {
				t.Errorf("%d %v", s, h)
			}
		}},
		{"200 HTML", Fault{Status: 200, HTML: true}, func(t *testing.T, s int, body []byte, h http.Header) {
			if s != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/html") || !strings.Contains(string(body), "<html") {
				t.Errorf("%d %s", s, body)
			}
		}},
		{"200 empty", Fault{Status: 200, Empty: true}, func(t *testing.T, s int, body []byte, h http.Header) {
			if s != 200 || len(body) != 0 {
				t.Errorf("%d %q", s, body)
			}
		}},
		{"200 JSON of another shape", Fault{Status: 200, JSON: `{"Data":{}}`}, func(t *testing.T, s int, body []byte, h http.Header) {
			if s != 200 || h.Get("Content-Type") != "application/json" || string(body) != `{"Data":{}}` {
				t.Errorf("%d %q %s", s, h.Get("Content-Type"), body)
			}
		}},
		{"answer after processing", Fault{Status: 502, HTML: true, AnswerAfterProcessing: true}, func(t *testing.T, s int, body []byte, h http.Header) {
			if s != 502 || !strings.Contains(string(body), "<html") {
				t.Errorf("%d %s", s, body)
			}
		}},
		{"delay only", Fault{Delay: 10 * time.Millisecond}, func(t *testing.T, s int, body []byte, h http.Header) {
			if s != 400 {
				t.Errorf("delayed request = %d, want the normal 400", s)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f.b.Fail(aispBase+"/account-access-consents", tt.fault)
			s, body, h := f.call(f.client, "GET", path, cc, nil, map[string]string{"x-fapi-interaction-id": "fault-1"})
			if h.Get("x-fapi-interaction-id") != "fault-1" {
				t.Errorf("interaction id not echoed: %q", h.Get("x-fapi-interaction-id"))
			}
			tt.check(t, s, body, h)
			if s, _ := f.do("GET", path, cc, nil, nil); s != 400 {
				t.Errorf("after the fault: %d, want the normal 400", s)
			}
		})
	}
	t.Run("count", func(t *testing.T) {
		f.b.Fail(tokenPath, Fault{Count: 2, Status: 503})
		for i, want := range []int{503, 503, 405} {
			if s, _ := f.do("GET", tokenPath, "", nil, nil); s != want {
				t.Errorf("call %d = %d, want %d", i, s, want)
			}
		}
	})
	t.Run("drop", func(t *testing.T) {
		f.b.Fail(tokenPath, Fault{Drop: true})
		if resp, err := clientWith(f.b, f.b.TransportCert()).Get(f.b.TokenURL()); err == nil {
			resp.Body.Close()
			t.Errorf("dropped request answered %d", resp.StatusCode)
		}
	})
	t.Run("clear", func(t *testing.T) {
		f.b.Fail(tokenPath, Fault{Status: 503})
		f.b.ClearFaults()
		if s, _ := f.do("GET", tokenPath, "", nil, nil); s != 405 {
			t.Errorf("after ClearFaults: %d", s)
		}
	})
	t.Run("generated interaction id", func(t *testing.T) {
		_, _, h := f.call(f.client, "GET", path, cc, nil, nil)
		if len(h.Get("x-fapi-interaction-id")) != 36 {
			t.Errorf("no generated interaction id: %q", h.Get("x-fapi-interaction-id"))
		}
	})
}

func TestAdminAPI(t *testing.T) {
	f := newFixture(t)
	admin := &http.Client{Timeout: 5 * time.Second}
	post := func(path, body string) int {
		resp, err := admin.Post(f.b.AdminURL()+path, "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	before := f.b.Now()
	if s := post("/admin/clock/advance", `{"seconds":3600}`); s != 200 || f.b.Now().Sub(before) < time.Hour {
		t.Errorf("advance: %d", s)
	}
	id, tok := f.aisToken()
	if s := post("/admin/consents/"+id+"/revoke-tokens", ""); s != 204 {
		t.Errorf("revoke-tokens: %d", s)
	}
	if s, _ := f.do("GET", aispBase+"/accounts", tok.AccessToken, nil, nil); s != 403 {
		t.Errorf("after admin revoke: %d", s)
	}
	if s := post("/admin/consents/00000000-0000-0000-0000-000000000000/reject", ""); s != 404 {
		t.Errorf("unknown consent: %d", s)
	}
	if s := post("/admin/accounts/1002/bar", ""); s != 204 || f.b.st.accounts["1002"].status != "barred" {
		t.Errorf("bar: %d", s)
	}
	if s := post("/admin/faults", `{"pathPrefix":"/apis/oauth","count":1,"status":503,"retryAfterSeconds":2}`); s != 204 {
		t.Errorf("faults: %d", s)
	}
	if s, _ := f.do("GET", tokenPath, "", nil, nil); s != 503 {
		t.Errorf("fault from admin: %d", s)
	}
	if s := post("/admin/settings", `{"refreshMode":"rotate","accessTtlSeconds":60}`); s != 204 || f.b.refreshMode != RefreshRotate || f.b.accessTTL != time.Minute {
		t.Errorf("settings: %d %v %v", s, f.b.refreshMode, f.b.accessTTL)
	}
	if s := post("/admin/settings", `{"refreshMode":"sometimes"}`); s != 400 {
		t.Errorf("bad settings: %d", s)
	}
	resp, err := admin.Get(f.b.AdminURL() + "/admin/requests")
	if err != nil {
		t.Fatal(err)
	}
	var reqs []RequestLog
	_ = json.NewDecoder(resp.Body).Decode(&reqs)
	resp.Body.Close()
	if len(reqs) == 0 {
		t.Error("no requests from the admin API")
	}
	resp, err = admin.Get(f.b.AdminURL() + "/admin/consents/" + id)
	if err != nil {
		t.Fatal(err)
	}
	var info ConsentInfo
	_ = json.NewDecoder(resp.Body).Decode(&info)
	resp.Body.Close()
	if info.ID != id || info.Status != statusAuthorised || info.LiveGrants != 0 {
		t.Errorf("consent info: %+v", info)
	}
	req, _ := http.NewRequest("DELETE", f.b.AdminURL()+"/admin/requests", nil)
	if resp, err := admin.Do(req); err != nil || resp.StatusCode != 204 || len(f.b.Requests()) != 0 {
		t.Errorf("DELETE requests: %v", err)
	}
}

func TestLogsCarryNoSecrets(t *testing.T) {
	var buf strings.Builder
	var mu sync.Mutex
	f := newFixture(t, func(o *Options) {
		o.Logger = slog.New(slog.NewJSONHandler(&lockedWriter{w: &buf, mu: &mu}, &slog.HandlerOptions{Level: slog.LevelDebug}))
	})
	_, tok := f.aisToken()
	f.do("GET", aispBase+"/accounts", tok.AccessToken, nil, nil)
	mu.Lock()
	logs := buf.String()
	mu.Unlock()
	if !strings.Contains(logs, "bank request") {
		t.Fatal("nothing logged")
	}
	for name, secret := range map[string]string{"access token": tok.AccessToken, "refresh token": tok.RefreshToken,
		"client secret": f.b.ClientSecret(), "verifier": testVerifier} {
		if strings.Contains(logs, secret) {
			t.Errorf("the log holds the %s", name)
		}
	}
}

type lockedWriter struct {
	w  *strings.Builder
	mu *sync.Mutex
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
