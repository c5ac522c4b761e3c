package web

import (
	"context"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"path/filepath"
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
type engageOption func(*Config, *auth.Config)

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
	for _, o := range opts {
		o(&cfg, &acfg)
	}
	cfg.Auth = auth.New(acfg)
	t.Cleanup(cfg.Auth.Wait)
	site.srv = New(cfg, db)
	site.ts = httptest.NewServer(site.srv.Handler())
	t.Cleanup(site.ts.Close)
	return &engageSite{testSite: site, auth: cfg.Auth, mail: mail}
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
