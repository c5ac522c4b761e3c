package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"manset/internal/auth"
	"manset/internal/news"
	"manset/internal/store/sqlite"
)

// testPassword is the password of every test account.
const testPassword = "gizli-parola-123"

// roomyLimits keep rate limits out of tests of other things.
var roomyLimits = auth.Limits{
	LoginIP: auth.Rule{Every: time.Millisecond, Burst: 1000}, LoginAccount: auth.Rule{Every: time.Millisecond, Burst: 1000},
	SignupIP: auth.Rule{Every: time.Millisecond, Burst: 1000}, ResetIP: auth.Rule{Every: time.Millisecond, Burst: 1000},
	ResetAccount: auth.Rule{Every: time.Millisecond, Burst: 1000},
}

// engageSite is a testSite with accounts, reactions and comments on.
type engageSite struct {
	*testSite
	auth *auth.Service
	mail *testMailbox
}

// engageOption adjusts the configuration of an engageSite.
type engageOption func(*Config, *Deps, *auth.Config)

func newEngageSite(t testing.TB, baseURL string, opts ...engageOption) *engageSite {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "manset.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	clock := &testClock{t: time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)}
	db.Now = clock.Now
	site := &testSite{db: db, clock: clock, cats: map[string]news.Category{}}
	for _, path := range [][]string{{"Haberler", "Dünya"}, {"Haberler", "Spor"}} {
		c, err := db.EnsureCategoryPath(context.Background(), path...)
		if err != nil {
			t.Fatal(err)
		}
		site.cats[c.Slug] = c
		for _, a := range c.Ancestors {
			site.cats[a.Slug] = a
		}
	}
	mail := &testMailbox{}
	acfg := auth.Config{Store: db, Mailer: mail, BaseURL: baseURL, Params: auth.TestParams, Limits: roomyLimits, Now: clock.Now}
	cfg := Config{BaseURL: baseURL, Now: clock.Now, PollInterval: time.Hour,
		EngageLimits: EngageLimits{Reactions: auth.Rule{Every: time.Millisecond, Burst: 1000},
			Comments: auth.Rule{Every: time.Millisecond, Burst: 1000}}}
	deps := storeDeps(db, clock.Now)
	for _, o := range opts {
		o(&cfg, &deps, &acfg)
	}
	deps.Auth = auth.New(acfg)
	t.Cleanup(deps.Auth.Wait)
	site.srv = New(cfg, deps)
	site.ts = httptest.NewServer(site.srv.Handler())
	t.Cleanup(site.ts.Close)
	return &engageSite{testSite: site, auth: deps.Auth, mail: mail}
}

// user creates an account with role and returns a session token for it.
func (s *engageSite) user(t testing.TB, email string, role news.Role) string {
	t.Helper()
	ctx := context.Background()
	if _, err := s.auth.CreateUser(ctx, email, "Deneme Kişi", role, testPassword); err != nil {
		t.Fatal(err)
	}
	_, token, err := s.auth.Login(ctx, "192.0.2.9", email, testPassword, false)
	if err != nil {
		t.Fatal(err)
	}
	return token
}

// client returns an HTTP client with its own cookie jar that does not
// follow redirects, so tests see each 303.
func (s *engageSite) client(t testing.TB) *http.Client {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}
}

// testMailbox keeps the mail the auth service sends.
type testMailbox struct {
	mu   sync.Mutex
	sent []string // bodies
}

func (m *testMailbox) Send(_ context.Context, to, subject, body string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.sent = append(m.sent, body)
	return nil
}

func (m *testMailbox) last() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.sent) == 0 {
		return ""
	}
	return m.sent[len(m.sent)-1]
}

// do sends a request with c and returns the response and its body. body
// is JSON-encoded unless it is url.Values (a form) or nil.
func (s *engageSite) do(t testing.TB, c *http.Client, method, path string, body any, header ...string) (*http.Response, string) {
	t.Helper()
	var rd io.Reader
	ctype := ""
	switch b := body.(type) {
	case nil:
	case url.Values:
		rd, ctype = strings.NewReader(b.Encode()), "application/x-www-form-urlencoded"
	default:
		j, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		rd, ctype = bytes.NewReader(j), "application/json"
	}
	req, err := http.NewRequest(method, s.ts.URL+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	if c == nil {
		c = http.DefaultClient
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

// want fails the test unless resp has status.
func want(t testing.TB, resp *http.Response, body string, status int) {
	t.Helper()
	if resp.StatusCode != status {
		t.Fatalf("%s %s: status %d, want %d; body:\n%.1500s", resp.Request.Method, resp.Request.URL.Path,
			resp.StatusCode, status, body)
	}
}

// decode parses a JSON body into v.
func decode(t testing.TB, body string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(body), v); err != nil {
		t.Fatalf("decoding %q: %v", body, err)
	}
}

// cookieNamed returns the Set-Cookie of name in resp, or nil.
func cookieNamed(resp *http.Response, name string) *http.Cookie {
	for _, c := range resp.Cookies() {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// jarCookie returns the value of the named cookie c holds for the site.
func (s *engageSite) jarCookie(t testing.TB, c *http.Client, name string) string {
	t.Helper()
	u, _ := url.Parse(s.ts.URL)
	for _, ck := range c.Jar.Cookies(u) {
		if ck.Name == name {
			return ck.Value
		}
	}
	return ""
}

// register signs a reader up through the API with client c.
func (s *engageSite) register(t testing.TB, c *http.Client, email string) apiUser {
	t.Helper()
	resp, body := s.do(t, c, "POST", "/api/v1/auth/register",
		map[string]string{"email": email, "name": "Okur " + strings.Split(email, "@")[0], "password": testPassword})
	want(t, resp, body, http.StatusCreated)
	var u apiUser
	decode(t, body, &u)
	return u
}

// urlOf returns the parsed URL of the test server.
func urlOf(s *engageSite) (*url.URL, error) { return url.Parse(s.ts.URL) }
