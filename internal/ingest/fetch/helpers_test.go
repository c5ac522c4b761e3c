package fetch

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"manset/internal/news"
)

// fakeClock stands in for time: waits are recorded and advance the clock
// at once, so politeness and backoff are asserted without sleeping.
type fakeClock struct {
	mu    sync.Mutex
	now   time.Time
	waits []time.Duration
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) wait(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.waits = append(c.waits, d)
	c.now = c.now.Add(d)
	return nil
}

// lastWait returns the most recent wait, 0 if none.
func (c *fakeClock) lastWait() time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.waits) == 0 {
		return 0
	}
	return c.waits[len(c.waits)-1]
}

// newTestFetcher returns a fetcher on a fake clock. AllowPrivate is on,
// since every test server is on loopback; guard tests turn it off.
func newTestFetcher(t testing.TB, cfg Config) (*Fetcher, *fakeClock) {
	t.Helper()
	clock := newFakeClock()
	cfg.AllowPrivate = true
	cfg.Now = clock.Now
	cfg.Logger = slog.New(slog.DiscardHandler)
	f := New(cfg)
	f.wait = clock.wait
	return f, clock
}

// serve starts a loopback server for mux.
func serve(t testing.TB, h http.Handler) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func fetchURL(t testing.TB, f *Fetcher, url string) (*Response, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	return f.Fetch(ctx, Request{URL: url})
}

func wantCode(t testing.TB, err error, code string) {
	t.Helper()
	if got := news.ErrorCode(err); got != code {
		t.Fatalf("error code = %q, want %q (err: %v)", got, code, err)
	}
}
