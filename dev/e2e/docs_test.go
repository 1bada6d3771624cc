package e2e

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coop-ob/connector/client"
	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/shared/banklimits"
)

// TestDocsExamples runs every example of README.md and docs/*.md against the stack and checks
// the status it documents (README.md, "Testing", says how examples are written). An example
// that stops working, a request block the test cannot read, or a shell block it neither runs
// nor skips with a reason fails it.
func TestDocsExamples(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(repoRoot, "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	files = append([]string{filepath.Join(repoRoot, "README.md")}, files...)
	var examples []docExample
	skipped := map[string]bool{}
	for _, file := range files {
		ex, skips, errs := docExamples(t, file)
		for _, err := range errs {
			t.Error(err)
		}
		examples = append(examples, ex...)
		for _, s := range skips {
			skipped[s] = true
		}
	}
	for key, why := range docsSkips {
		if !skipped[key] {
			t.Errorf("skip list entry %q (%s) matches no shell block: remove it", key, why)
		}
	}
	if t.Failed() {
		t.FailNow()
	}
	shift := docsShift(t)
	r := newDocsRunner(t)
	for _, ex := range examples {
		r.run(t, ex, shift)
	}
	t.Logf("%d examples run (%d shell blocks skipped with a reason); dates moved %d days", len(examples), len(skipped), shift)
}

// docsSkips are the shell blocks without curl, by file and first line: not requests to the API.
var docsSkips = map[string]string{
	"README.md|make run    #":                      "starts the stack this test runs against",
	"README.md|git clone <this repo>":              "a clone, then make run: the stack this test runs against",
	"README.md|# 1. Create the credentials":        "deploys to AWS (sam build, sam deploy)",
	"README.md|make test     #":                    "runs the tests, this one among them",
	"docs/faults.md|CAMPAIGN_SEED=N go test -race": "a test command; make test runs the campaigns",
}

// docExample is one request of the docs with the statuses it documents.
type docExample struct {
	where    string // file:line
	block    string // file:line of its block
	method   string
	target   string // a path and query, or a URL (curl)
	header   http.Header
	body     string
	statuses []int
	answer   string // the documented answer after the status: its JSON members are checked
	noAuth   bool   // "(no Authorization header)" after the request line
}

var (
	requestLine  = regexp.MustCompile(`^(GET|POST|PUT|PATCH|DELETE) (/\S*)(.*)$`)
	anyRequest   = regexp.MustCompile(`(?m)^(GET|POST|PUT|PATCH|DELETE) /`)
	arrow        = regexp.MustCompile(`→\s*(\d{3})\b(.*)`)
	orStatus     = regexp.MustCompile(`\bor (\d{3})\b`)
	headerLine   = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9-]*): (.+)$`)
	statusLine   = regexp.MustCompile(`^(\d{3}) [A-Z]`)
	curlStatus   = regexp.MustCompile(`^#\s*→\s*(\d{3})\b`)
	answerKey    = regexp.MustCompile(`"([A-Za-z][A-Za-z0-9]*)"\s*:`)
	commentAfter = regexp.MustCompile(`\s{2,}.*$|\s+#.*$`)
	keyUnsafe    = regexp.MustCompile(`[^A-Za-z0-9._:-]`) // what an Idempotency-Key may not hold
)

// fence is one fenced block of a Markdown file.
type fence struct {
	where string // file:line of the opening fence
	base  string // the file's path in the repository
	info  string
	lines []string
}

func fences(t *testing.T, file string) []fence {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []fence
	var cur *fence
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case cur == nil && strings.HasPrefix(line, "```"):
			rel, _ := filepath.Rel(repoRoot, file)
			cur = &fence{where: fmt.Sprintf("%s:%d", rel, n), base: filepath.ToSlash(rel),
				info: strings.TrimSpace(strings.TrimPrefix(line, "```"))}
		case cur != nil && strings.TrimSpace(line) == "```":
			out = append(out, *cur)
			cur = nil
		case cur != nil:
			cur.lines = append(cur.lines, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// docExamples reads file's examples; skips are the skip-list keys of its shell blocks.
func docExamples(t *testing.T, file string) (examples []docExample, skips []string, errs []error) {
	for _, f := range fences(t, file) {
		text := strings.Join(f.lines, "\n")
		switch f.info {
		case "http":
			if len(f.lines) > 0 && statusLine.MatchString(f.lines[0]) {
				// The answer of the previous block's last request.
				if len(examples) == 0 || len(examples[len(examples)-1].statuses) > 0 {
					errs = append(errs, fmt.Errorf("%s: a status block with no request before it", f.where))
					continue
				}
				s, _ := strconv.Atoi(f.lines[0][:3])
				examples[len(examples)-1].statuses = []int{s}
				examples[len(examples)-1].answer = text
				continue
			}
			ex, err := parseHTTP(f)
			if err != nil {
				errs = append(errs, err)
			}
			examples = append(examples, ex...)
		case "sh", "bash", "shell":
			if strings.Contains(text, "curl ") {
				ex, err := parseCurls(f)
				if err != nil {
					errs = append(errs, err)
				}
				examples = append(examples, ex...)
				continue
			}
			key := ""
			for k := range docsSkips {
				file, prefix, _ := strings.Cut(k, "|")
				if file == f.base && strings.HasPrefix(strings.TrimSpace(f.lines[0]), prefix) {
					key = k
				}
			}
			if key == "" {
				errs = append(errs, fmt.Errorf("%s: a shell block without curl and not in docsSkips: run it (curl) or list it with the reason it cannot run", f.where))
				continue
			}
			skips = append(skips, key)
		case "json":
			var v map[string]any
			// A consent request: brand and type, and no id (the consent views of GET have one).
			if json.Unmarshal([]byte(text), &v) == nil && v["brand"] != nil && v["type"] != nil && v["id"] == nil {
				examples = append(examples, docExample{where: f.where, block: f.where, method: http.MethodPost, target: "/consents",
					header: http.Header{}, body: text, statuses: []int{http.StatusCreated}})
			}
		default:
			if anyRequest.MatchString(text) || strings.Contains(text, "curl ") {
				errs = append(errs, fmt.Errorf("%s: a block holding a request is tagged %q: tag it http (or sh for curl) so that it runs", f.where, f.info))
			}
		}
	}
	for _, ex := range examples {
		if len(ex.statuses) == 0 {
			errs = append(errs, fmt.Errorf("%s: %s %s: no → status after it, nor a block starting with the status", ex.where, ex.method, ex.target))
		}
	}
	return examples, skips, errs
}

// parseHTTP reads an http block: request lines, header lines, a JSON body, → status.
func parseHTTP(f fence) ([]docExample, error) {
	var out []docExample
	var cur *docExample
	inBody := false
	flush := func() error {
		if cur == nil {
			return nil
		}
		if inBody {
			return fmt.Errorf("%s: %s %s: the JSON body does not end", cur.where, cur.method, cur.target)
		}
		out = append(out, *cur)
		cur = nil
		return nil
	}
	for i, line := range f.lines {
		where := fmt.Sprintf("%s+%d", f.where, i+1)
		if m := requestLine.FindStringSubmatch(line); m != nil {
			if err := flush(); err != nil {
				return out, err
			}
			cur = &docExample{where: where, block: f.where, method: m[1], target: m[2], header: http.Header{},
				noAuth: strings.Contains(m[3], "(no Authorization header)")}
			if a := arrow.FindStringSubmatch(m[3]); a != nil {
				cur.statuses, cur.answer = statuses(a), a[2]
			}
			continue
		}
		if cur != nil && len(cur.statuses) > 0 && !strings.HasPrefix(strings.TrimSpace(line), "#") {
			cur.answer += "\n" + line // the rest of the documented answer
		}
		if cur == nil || len(cur.statuses) > 0 {
			continue
		}
		trimmed := strings.TrimSpace(line)
		switch {
		case inBody:
			cur.body += "\n" + line
			inBody = !json.Valid([]byte(cur.body))
		case arrow.MatchString(trimmed) && strings.HasPrefix(trimmed, "→"):
			a := arrow.FindStringSubmatch(trimmed)
			cur.statuses, cur.answer = statuses(a), a[2]
		case strings.HasPrefix(trimmed, "{") && cur.body == "":
			cur.body = line
			inBody = !json.Valid([]byte(cur.body))
		case headerLine.MatchString(line) && cur.body == "":
			m := headerLine.FindStringSubmatch(line)
			cur.header.Add(m[1], commentAfter.ReplaceAllString(m[2], ""))
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
		default:
			return out, fmt.Errorf("%s: cannot read %q (want a header, a JSON body or → status)", where, line)
		}
	}
	return out, flush()
}

func statuses(arrowMatch []string) []int {
	s, _ := strconv.Atoi(arrowMatch[1])
	out := []int{s}
	for _, m := range orStatus.FindAllStringSubmatch(arrowMatch[2], -1) {
		alt, _ := strconv.Atoi(m[1])
		out = append(out, alt)
	}
	return out
}

// parseCurls reads a shell block's curl commands, each followed by a "# → status" line.
func parseCurls(f fence) ([]docExample, error) {
	var out []docExample
	var cmd string
	for i := 0; i < len(f.lines); i++ {
		line := f.lines[i]
		if !strings.HasPrefix(strings.TrimSpace(line), "curl ") {
			continue
		}
		where := fmt.Sprintf("%s+%d", f.where, i+1)
		cmd = line
		for strings.HasSuffix(cmd, `\`) && i+1 < len(f.lines) {
			i++
			cmd = strings.TrimSuffix(cmd, `\`) + " " + f.lines[i]
		}
		ex, err := parseCurl(cmd)
		if err != nil {
			return out, fmt.Errorf("%s: %w", where, err)
		}
		ex.where, ex.block = where, f.where
		if i+1 >= len(f.lines) || !curlStatus.MatchString(f.lines[i+1]) {
			return out, fmt.Errorf("%s: a curl without the status it gets on the next line (# → 200 …)", where)
		}
		m := curlStatus.FindStringSubmatch(f.lines[i+1])
		s, _ := strconv.Atoi(m[1])
		ex.statuses, ex.answer = []int{s}, f.lines[i+1][len(m[0]):]
		out = append(out, ex)
	}
	return out, nil
}

// parseCurl reads the curl options the docs use: -s, -X, -H, -d and one URL.
func parseCurl(cmd string) (docExample, error) {
	words, err := shellWords(cmd)
	if err != nil {
		return docExample{}, err
	}
	ex := docExample{method: http.MethodGet, header: http.Header{}}
	for i := 1; i < len(words); i++ {
		w := words[i]
		next := func() string {
			if i+1 < len(words) {
				i++
				return words[i]
			}
			err = fmt.Errorf("curl option %s without its value", w)
			return ""
		}
		switch {
		case w == "-s":
		case w == "-X":
			ex.method = next()
		case w == "-H":
			name, value, _ := strings.Cut(next(), ":")
			ex.header.Add(name, strings.TrimSpace(value))
		case w == "-d":
			ex.body = next()
			if ex.method == http.MethodGet {
				ex.method = http.MethodPost
			}
		case strings.HasPrefix(w, "http://") || strings.HasPrefix(w, "https://"):
			ex.target = w
		default:
			return ex, fmt.Errorf("curl option %q: the docs test cannot run it (add it to parseCurl)", w)
		}
	}
	if ex.target == "" {
		return ex, fmt.Errorf("curl without a URL")
	}
	return ex, err
}

// shellWords splits a command line as sh does for the quoting the docs use ('…', "…").
func shellWords(s string) ([]string, error) {
	var words []string
	var cur strings.Builder
	inWord := false
	var quote rune
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("unclosed quote in %q", s)
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, nil
}

// docsDateRe finds the day the examples are written for, as README.md states it.
var docsDateRe = regexp.MustCompile(`dated as if today were\s+\w+\s+(\d{1,2}\s+\w+\s+\d{4})`)

// docsShift is how many days the examples' dates move: the whole weeks from the docs date to
// today (the UK's date), so every date keeps its weekday.
func docsShift(t *testing.T) int {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := docsDateRe.FindSubmatch(b)
	if m == nil {
		t.Fatal(`README.md does not state the docs date ("dated as if today were Wednesday 25 November 2026")`)
	}
	day, err := time.Parse("2 January 2006", strings.Join(strings.Fields(string(m[1])), " "))
	if err != nil {
		t.Fatalf("README.md's docs date %q: %v", m[1], err)
	}
	days := int(banklimits.Today(time.Now()).Sub(day).Hours() / 24)
	if days <= 0 {
		return 0
	}
	return (days + 6) / 7 * 7
}

var dateRe = regexp.MustCompile(`\b(\d{4}-\d{2}-\d{2})`)

// shiftDates moves every date in s by days; one that lands on a bank holiday moves on to the
// next working day.
func shiftDates(s string, days int, cal *banklimits.Calendar) string {
	return dateRe.ReplaceAllStringFunc(s, func(d string) string {
		day, err := time.Parse(time.DateOnly, d)
		if err != nil {
			return d
		}
		moved := day.AddDate(0, 0, days)
		for cal.IsBankHoliday(moved) || (banklimits.IsWeekend(moved) && !banklimits.IsWeekend(day)) {
			moved = moved.AddDate(0, 0, 1)
		}
		return moved.Format(time.DateOnly)
	})
}

// docsRunner holds what the examples refer to: authorised consents of each kind, the last
// consent and payment the examples made, the last page and cursor an answer gave.
type docsRunner struct {
	c                        caller
	ais, dp, dpUnused, cbpii string
	lastConsent, lastPayment string
	lastPage, lastCursor     string
	cal                      *banklimits.Calendar
}

func newDocsRunner(t *testing.T) *docsRunner {
	t.Helper()
	c := newCaller(t)
	r := &docsRunner{c: c, cal: banklimits.NewCalendar()}
	authorised := func(body client.ConsentRequest, accounts []string) string {
		cr := c.createConsent(t, body)
		q := journey(t, cr.AuthorizationUrl, sandbox.JourneyOptions{User: "alice", Password: "password", Accounts: accounts})
		expectOutcome(t, q, cr.ConsentId, "authorised")
		return cr.ConsentId
	}
	r.ais = authorised(aisBody(), nil)
	r.dp = authorised(paymentBody("DP", "10.50"), []string{"1001"})
	r.dpUnused = authorised(paymentBody("DP", "10.50"), []string{"1001"})
	r.cbpii = authorised(fundsBody(), []string{"1001"})
	var list struct {
		NextCursor string `json:"nextCursor"`
	}
	c.get(t, "/consents?limit=1").decode(t, &list)
	r.lastCursor = list.NextCursor
	return r
}

// run sends one example, its ids, token, host and dates replaced, and checks its status.
func (r *docsRunner) run(t *testing.T, ex docExample, shift int) {
	t.Helper()
	target := ex.target
	if i := strings.Index(target, "://"); i >= 0 { // curl: the stack's host for the docs' one
		rest := target[i+3:]
		target = rest[strings.Index(rest+"/", "/"):]
	}
	path, query, _ := strings.Cut(target, "?")
	path, err := r.resolvePath(ex.method, path)
	if err != nil {
		t.Errorf("%s: %s %s: %v", ex.where, ex.method, ex.target, err)
		return
	}
	query, err = r.resolveQuery(t, path, query)
	if err != nil {
		t.Errorf("%s: %s %s: %v", ex.where, ex.method, ex.target, err)
		return
	}
	query = shiftDates(query, shift, r.cal)
	u := st.APIURL() + path
	if query != "" {
		u += "?" + query
	}
	if strings.ContainsAny(u, "{}<>…") {
		t.Errorf("%s: %s %s: a placeholder the test cannot fill: %s", ex.where, ex.method, ex.target, u)
		return
	}
	header := map[string]string{}
	for k, vs := range ex.header {
		header[k] = vs[0]
	}
	auth := ""
	if !strings.HasPrefix(path, "/callback") && !ex.noAuth {
		auth = "Bearer " + r.c.token // the docs write <token>, <app JWT> or leave it out
	}
	delete(header, "Authorization")
	if k := header["Idempotency-Key"]; k != "" && path == "/consents" {
		// Each block's key is its own: two blocks share a key with different requests.
		header["Idempotency-Key"] = k + "-" + keyUnsafe.ReplaceAllString(ex.block, ".")
	}
	var body any
	if ex.body != "" {
		body = shiftDates(ex.body, shift, r.cal)
	}
	got := send(t, ex.method, u, auth, body, header)
	if !slices.Contains(ex.statuses, got.status) {
		t.Errorf("%s: %s %s (sent as %s %s) = %s, documented %v", ex.where, ex.method, ex.target, ex.method, redactQuery(u), got, ex.statuses)
		return
	}
	if got.status == ex.statuses[0] {
		for _, m := range answerKey.FindAllStringSubmatch(ex.answer, -1) {
			if !regexp.MustCompile(`"` + m[1] + `"\s*:`).Match(got.body) {
				t.Errorf("%s: %s %s: the documented answer has %q, the real one does not: %.300s", ex.where, ex.method, ex.target, m[1], got.body)
			}
		}
	}
	r.remember(t, ex.method, path, got)
}

// resolvePath replaces the ids of a path by the consent, account or payment the route needs.
func (r *docsRunner) resolvePath(method, path string) (string, error) {
	seg := strings.Split(strings.TrimPrefix(path, "/"), "/")
	if seg[0] != "consents" || len(seg) < 2 {
		return path, nil
	}
	rest := seg[2:]
	switch {
	case len(rest) == 0 && method == http.MethodDelete:
		if r.lastConsent == "" {
			return "", fmt.Errorf("no consent created before it to delete")
		}
		seg[1] = r.lastConsent
	case len(rest) == 0 || rest[0] == "authorize" || rest[0] == "reconfirm" || rest[0] == "accounts":
		seg[1] = r.ais
		if len(rest) >= 2 && rest[0] == "accounts" {
			seg[3] = "1001" // alice's current account
		}
	case rest[0] == "funds-confirmation": // before any payment: a used consent answers 409
		seg[1] = r.dpUnused
	case rest[0] == "payments":
		seg[1] = r.dp
		if len(rest) >= 2 {
			if r.lastPayment == "" {
				return "", fmt.Errorf("no payment made before it")
			}
			seg[3] = r.lastPayment
		}
	case rest[0] == "funds-confirmations":
		seg[1] = r.cbpii
	default:
		return "", fmt.Errorf("a route the docs test does not know")
	}
	return "/" + strings.Join(seg, "/"), nil
}

// resolveQuery replaces page and cursor tokens by the last ones an answer gave, and a
// callback's code and state by a real journey's.
func (r *docsRunner) resolveQuery(t *testing.T, path, query string) (string, error) {
	q, err := url.ParseQuery(query)
	if err != nil {
		return "", err
	}
	if q.Has("page") {
		if r.lastPage == "" {
			return "", fmt.Errorf("no answer before it gave a page token")
		}
		q.Set("page", r.lastPage)
	}
	if q.Has("cursor") {
		q.Set("cursor", r.lastCursor)
	}
	if path == "/callback" {
		cr := r.c.createConsent(t, aisBody())
		// The bank's URL: the journey is never opened through its link, so it is not bound
		// and the documented callback completes without a cookie.
		to, err := st.Bank().Journey(t.Context(), cr.BankAuthorizationUrl,
			sandbox.JourneyOptions{User: "alice", Password: "password", Decline: q.Has("error")})
		if err != nil {
			return "", fmt.Errorf("bank journey: %w", err)
		}
		secrets.add("authorization code", to.Query().Get("code"))
		q.Set("state", to.Query().Get("state"))
		if q.Has("code") {
			q.Set("code", to.Query().Get("code"))
		}
		if q.Has("error") && to.Query().Get("error") != q.Get("error") {
			return "", fmt.Errorf("the bank's error is %q, the docs show %q", to.Query().Get("error"), q.Get("error"))
		}
	}
	if len(q) == 0 {
		return "", nil
	}
	return q.Encode(), nil
}

// remember keeps what later examples refer to.
func (r *docsRunner) remember(t *testing.T, method, path string, got reply) {
	t.Helper()
	if path == "/callback" {
		harvest(t)
	}
	var v struct {
		ConsentID  string `json:"consentId"`
		PaymentID  string `json:"paymentId"`
		NextCursor string `json:"nextCursor"`
		Links      struct {
			Next, First string
		}
	}
	if json.Unmarshal(got.body, &v) != nil {
		return
	}
	if method == http.MethodPost && path == "/consents" && v.ConsentID != "" {
		r.lastConsent = v.ConsentID
		harvest(t)
	}
	if v.PaymentID != "" {
		r.lastPayment = v.PaymentID
	}
	if v.NextCursor != "" {
		r.lastCursor = v.NextCursor
	}
	for _, link := range []string{v.Links.Next, v.Links.First} {
		if u, err := url.Parse(link); err == nil && u.Query().Get("page") != "" {
			r.lastPage = u.Query().Get("page")
			break
		}
	}
}
