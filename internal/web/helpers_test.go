package web

import (
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"manset/internal/news"
	"manset/internal/search"
	"manset/internal/store/sqlite"
)

const testBaseURL = "https://manset.example"

// testClock is a settable clock shared by the server and the store.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// testSite is a Server over a real SQLite file, behind a real HTTP server.
type testSite struct {
	db    *sqlite.DB
	srv   *Server
	ts    *httptest.Server
	clock *testClock
	cats  map[string]news.Category // by slug
}

func newTestSite(t testing.TB, poll time.Duration) *testSite {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "manset.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	clock := &testClock{t: time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)}
	db.Now = clock.Now
	site := &testSite{db: db, clock: clock, cats: map[string]news.Category{}}
	for _, path := range [][]string{{"Haberler", "Dünya"}, {"Haberler", "Spor"}, {"Haberler", "Ekonomi"}} {
		c, err := db.EnsureCategoryPath(ctx, path...)
		if err != nil {
			t.Fatal(err)
		}
		site.cats[c.Slug] = c
		for _, a := range c.Ancestors {
			site.cats[a.Slug] = a
		}
	}
	site.srv = New(Config{BaseURL: testBaseURL, Now: clock.Now, PollInterval: poll}, storeDeps(db, clock.Now))
	site.ts = httptest.NewServer(site.srv.Handler())
	t.Cleanup(site.ts.Close)
	return site
}

// add stores a published article in the category with the given slug,
// published minutesAgo before the clock.
func (s *testSite) add(t testing.TB, title, catSlug string, minutesAgo int, edit ...func(*news.Article)) news.Article {
	t.Helper()
	pub := s.clock.Now().Add(-time.Duration(minutesAgo) * time.Minute)
	a := news.Article{
		Title:       title,
		Summary:     title + " hakkında kısa spot.",
		BodyText:    "Birinci paragraf.\n\nİkinci paragraf.",
		Status:      news.StatusPublished,
		PublishedAt: &pub,
		Author:      "Ayşe Yılmaz",
		CategoryID:  s.cats[catSlug].ID,
	}
	for _, e := range edit {
		e(&a)
	}
	if err := s.db.CreateArticle(context.Background(), &a); err != nil {
		t.Fatalf("CreateArticle(%q): %v", title, err)
	}
	got, err := s.db.Article(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func (s *testSite) setting(t testing.TB, key, value string) {
	t.Helper()
	if err := s.db.SetSetting(context.Background(), key, value); err != nil {
		t.Fatal(err)
	}
	s.srv.Invalidate()
}

// get fetches path without compression and returns the response and body.
func (s *testSite) get(t testing.TB, path string, header ...string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest("GET", s.ts.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	// An explicit Accept-Encoding stops the transport from gunzipping.
	req.Header.Set("Accept-Encoding", "identity")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r io.Reader = resp.Body
	if resp.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

// mustGet fetches path and fails unless the status is want.
func (s *testSite) mustGet(t testing.TB, path string, want int) string {
	t.Helper()
	resp, body := s.get(t, path)
	if resp.StatusCode != want {
		t.Fatalf("GET %s: status %d, want %d; body:\n%.2000s", path, resp.StatusCode, want, body)
	}
	return body
}

// waitFor polls cond until it holds or the deadline passes.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func mustContain(t testing.TB, body string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("body lacks %q", w)
		}
	}
}

func mustNotContain(t testing.TB, body string, unwanted ...string) {
	t.Helper()
	for _, w := range unwanted {
		if strings.Contains(body, w) {
			t.Errorf("body contains %q", w)
		}
	}
}

// storeDeps builds the site's dependencies from one SQLite store, as
// cmd/manset does, without accounts (engageSite adds them).
func storeDeps(db *sqlite.DB, now func() time.Time) Deps {
	return Deps{Reader: db, Engage: db, Newsroom: db, Search: search.New(db, search.Options{Now: now})}
}
