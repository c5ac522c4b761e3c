package auth

import (
	"context"
	"path/filepath"
	"regexp"
	"sync"
	"testing"
	"time"

	"manset/internal/news"
	"manset/internal/store/sqlite"
)

// clock is a settable time for tests: no sleeps.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// sentMail is one e-mail a test mailer received.
type sentMail struct{ to, subject, body string }

type mailbox struct {
	mu   sync.Mutex
	sent []sentMail
}

func (m *mailbox) Send(_ context.Context, to, subject, body string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.sent = append(m.sent, sentMail{to, subject, body})
	return nil
}

func (m *mailbox) all() []sentMail {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]sentMail(nil), m.sent...)
}

var tokenInLink = regexp.MustCompile(`token=([A-Za-z0-9_-]+)`)

// env is a service on a real SQLite file, with a fake clock and mailbox.
type env struct {
	svc   *Service
	db    *sqlite.DB
	clock *clock
	mail  *mailbox
}

func newEnv(t *testing.T, limits Limits) *env {
	t.Helper()
	db, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "manset.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	c := &clock{t: time.Date(2024, 3, 15, 9, 0, 0, 0, time.UTC)}
	db.Now = c.Now
	m := &mailbox{}
	svc := New(Config{Store: db, Mailer: m, BaseURL: "https://manset.example/", Params: TestParams,
		Limits: limits, Now: c.Now})
	t.Cleanup(svc.Wait)
	return &env{svc: svc, db: db, clock: c, mail: m}
}

// register makes a reader, failing the test on error.
func (e *env) register(t *testing.T, email, password string) (news.User, string) {
	t.Helper()
	u, token, err := e.svc.Register(t.Context(), "192.0.2.1", email, "Ayşe Yılmaz", password)
	if err != nil {
		t.Fatalf("Register(%s): %v", email, err)
	}
	return u, token
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := news.ErrorCode(err); got != code {
		t.Fatalf("error %v has code %q, want %q", err, got, code)
	}
}

// generous limits that tests of other things never hit.
var roomy = Limits{
	LoginIP: Rule{Every: time.Millisecond, Burst: 1000}, LoginAccount: Rule{Every: time.Millisecond, Burst: 1000},
	SignupIP: Rule{Every: time.Millisecond, Burst: 1000}, ResetIP: Rule{Every: time.Millisecond, Burst: 1000},
	ResetAccount: Rule{Every: time.Millisecond, Burst: 1000},
}
