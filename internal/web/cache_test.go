package web

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"manset/internal/news"
)

func TestETagAndGzip(t *testing.T) {
	s := newTestSite(t, 0)
	a := s.add(t, "Önbellek haberi", "dunya", 5)
	for _, p := range []string{"/", "/haber/" + a.Slug, "/kategori/dunya", "/rss.xml"} {
		t.Run(p, func(t *testing.T) {
			resp, plain := s.get(t, p)
			etag := resp.Header.Get("Etag")
			if resp.StatusCode != 200 || !strings.HasPrefix(etag, `"`) || strings.HasPrefix(etag, "W/") {
				t.Fatalf("status %d, ETag %q", resp.StatusCode, etag)
			}
			// HTML pages also vary by locale (see TestLocaleVary).
			if !strings.HasPrefix(resp.Header.Get("Vary"), "Accept-Encoding") || resp.Header.Get("Cache-Control") == "" {
				t.Errorf("Vary %q, Cache-Control %q", resp.Header.Get("Vary"), resp.Header.Get("Cache-Control"))
			}
			resp, body := s.get(t, p, "If-None-Match", etag)
			if resp.StatusCode != http.StatusNotModified || body != "" {
				t.Errorf("If-None-Match: status %d, %d bytes", resp.StatusCode, len(body))
			}
			resp, _ = s.get(t, p, "If-None-Match", `"stale"`)
			if resp.StatusCode != 200 {
				t.Errorf("stale ETag: status %d", resp.StatusCode)
			}
			resp, unzipped := s.get(t, p, "Accept-Encoding", "gzip, br")
			if resp.Header.Get("Content-Encoding") != "gzip" || unzipped != plain {
				t.Errorf("gzip: encoding %q, same body %v", resp.Header.Get("Content-Encoding"), unzipped == plain)
			}
			gzTag := resp.Header.Get("Etag")
			if gzTag == etag {
				t.Errorf("gzip and identity share ETag %s", etag)
			}
			if resp, _ := s.get(t, p, "Accept-Encoding", "gzip", "If-None-Match", gzTag); resp.StatusCode != 304 {
				t.Errorf("gzip If-None-Match: status %d", resp.StatusCode)
			}
			if resp, _ := s.get(t, p, "Accept-Encoding", "gzip;q=0"); resp.Header.Get("Content-Encoding") != "" {
				t.Errorf("gzip;q=0 still got %q", resp.Header.Get("Content-Encoding"))
			}
		})
	}
}

func TestCacheHitNeedsNoStore(t *testing.T) {
	s := newTestSite(t, 0)
	a := s.add(t, "Kapanan veritabanı", "dunya", 5)
	first := s.mustGet(t, "/haber/"+a.Slug, 200)
	s.db.Close() // every query fails from now on
	if again := s.mustGet(t, "/haber/"+a.Slug, 200); again != first {
		t.Error("cached page changed")
	}
	resp, body := s.get(t, "/kategori/dunya")
	if resp.StatusCode != 500 || !strings.Contains(body, "Bir hata oluştu") {
		t.Errorf("uncached page with a broken store: %d %.200s", resp.StatusCode, body)
	}
}

var titleRe = regexp.MustCompile(`<h1>([^<]*)</h1>`)

func pageTitle(body string) string {
	m := titleRe.FindStringSubmatch(body)
	if m == nil {
		return ""
	}
	return m[1]
}

func retitle(t *testing.T, s *testSite, id int64, title string) {
	t.Helper()
	a, err := s.db.Article(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	a.Title = title
	if err := s.db.UpdateArticle(context.Background(), &a); err != nil {
		t.Fatal(err)
	}
}

func TestInvalidate(t *testing.T) {
	s := newTestSite(t, 0)
	a := s.add(t, "İlk başlık", "dunya", 5)
	path := "/haber/" + a.Slug
	if got := pageTitle(s.mustGet(t, path, 200)); got != "İlk başlık" {
		t.Fatalf("title %q", got)
	}
	retitle(t, s, a.ID, "Yeni başlık")
	if got := pageTitle(s.mustGet(t, path, 200)); got != "İlk başlık" {
		t.Fatalf("page was not cached: title %q", got)
	}
	s.srv.Invalidate()
	if got := pageTitle(s.mustGet(t, path, 200)); got != "Yeni başlık" {
		t.Errorf("after Invalidate: title %q", got)
	}
}

func TestPollerInvalidates(t *testing.T) {
	s := newTestSite(t, 5*time.Millisecond)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s.srv.Start(ctx)
	a := s.add(t, "Eski başlık", "dunya", 5)
	path := "/haber/" + a.Slug
	waitFor(t, "the article to be served", func() bool {
		resp, _ := s.get(t, path)
		return resp.StatusCode == 200
	})
	retitle(t, s, a.ID, "Başka süreçten başlık")
	waitFor(t, "the poller to drop the cached page", func() bool {
		return pageTitle(s.mustGet(t, path, 200)) == "Başka süreçten başlık"
	})
	home := s.mustGet(t, "/", 200)
	mustContain(t, home, "Başka süreçten başlık")
}

func TestScheduledArticleAppears(t *testing.T) {
	s := newTestSite(t, 0)
	s.add(t, "Şimdiki haber", "dunya", 5)
	due := s.clock.Now().Add(10 * time.Minute)
	sched := s.add(t, "Zamanlanmış haber", "dunya", 0, func(a *news.Article) {
		a.Status, a.PublishedAt = news.StatusScheduled, &due
	})
	for _, p := range []string{"/", "/kategori/dunya", "/rss.xml"} {
		mustNotContain(t, s.mustGet(t, p, 200), "Zamanlanmış haber")
	}
	s.mustGet(t, "/haber/"+sched.Slug, 404)
	// No write happens: only time passes. The list pages expire at the due time.
	s.clock.Advance(10*time.Minute + time.Second)
	for _, p := range []string{"/", "/kategori/dunya", "/rss.xml"} {
		mustContain(t, s.mustGet(t, p, 200), "Zamanlanmış haber")
	}
	s.mustGet(t, "/haber/"+sched.Slug, 200)
}

func TestPageCacheBounded(t *testing.T) {
	c := newPageCache(64 << 10)
	for i := range 200 {
		body := []byte(strings.Repeat(itoa(int64(i)), 500))
		c.put("k"+itoa(int64(i)), newPageEntry(page{body: body}), c.generation())
		c.get("k0", time.Now()) // k0 stays recently used
	}
	if c.bytes > c.maxBytes {
		t.Errorf("cache holds %d bytes over its %d bound", c.bytes, c.maxBytes)
	}
	if c.get("k0", time.Now()) == nil {
		t.Error("recently used entry was evicted")
	}
	if c.get("k1", time.Now()) != nil {
		t.Error("least recently used entry survived")
	}
	gen := c.generation()
	c.clear()
	c.put("late", newPageEntry(page{body: []byte("x")}), gen)
	if c.len() != 0 {
		t.Error("a render from before clear was stored")
	}
}

func TestStaticAssets(t *testing.T) {
	s := newTestSite(t, 0)
	home := s.mustGet(t, "/", 200)
	m := regexp.MustCompile(`href="(/static/style\.[0-9a-f]{10}\.css)"`).FindStringSubmatch(home)
	if m == nil {
		t.Fatal("no hashed stylesheet link on the home page")
	}
	resp, css := s.get(t, m[1])
	if resp.StatusCode != 200 || resp.Header.Get("Cache-Control") != "public, max-age=31536000, immutable" ||
		!strings.HasPrefix(resp.Header.Get("Content-Type"), "text/css") || !strings.Contains(css, "--accent") {
		t.Errorf("stylesheet: %d %q %q", resp.StatusCode, resp.Header.Get("Cache-Control"), resp.Header.Get("Content-Type"))
	}
	resp, _ = s.get(t, m[1], "Accept-Encoding", "gzip")
	if resp.Header.Get("Content-Encoding") != "gzip" {
		t.Error("stylesheet not gzipped")
	}
	for _, p := range []string{"/static/style.0000000000.css", "/static/style.css", "/static/yok.js"} {
		if resp, _ := s.get(t, p); resp.StatusCode != 404 || resp.Header.Get("Cache-Control") == "public, max-age=31536000, immutable" {
			t.Errorf("GET %s: %d %q", p, resp.StatusCode, resp.Header.Get("Cache-Control"))
		}
	}
	js := regexp.MustCompile(`src="(/static/app\.[0-9a-f]{10}\.js)"`).FindStringSubmatch(home)
	if js == nil {
		t.Fatal("no hashed script")
	}
	s.mustGet(t, js[1], 200)
}

func TestPanicRecovery(t *testing.T) {
	s := newTestSite(t, 0)
	h := s.srv.middleware(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") }))
	rec := &recorder{header: http.Header{}}
	h.ServeHTTP(rec, httptestRequest("/"))
	if rec.status != 500 || !strings.Contains(rec.body.String(), "Bir hata oluştu") {
		t.Errorf("HTML panic: %d %.200s", rec.status, rec.body.String())
	}
	rec = &recorder{header: http.Header{}}
	h.ServeHTTP(rec, httptestRequest("/api/v1/articles"))
	if rec.status != 500 || !strings.Contains(rec.body.String(), `"code":"internal"`) {
		t.Errorf("API panic: %d %s", rec.status, rec.body.String())
	}
}

// A write to one article drops its page, the pages that link to it and the
// listings, and keeps every other article page cached.
func TestArticleChangeKeepsOtherPages(t *testing.T) {
	s := newTestSite(t, 5*time.Millisecond)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s.srv.Start(ctx)
	edited := s.add(t, "Düzenlenecek haber", "dunya", 5)
	other := s.add(t, "Dokunulmayacak haber", "spor", 6)
	linking := s.add(t, "Aynı diziden haber", "dunya", 7)
	story := news.Story{Title: "Dizi", FirstSeen: s.clock.Now()}
	if err := s.db.CreateStory(ctx, &story); err != nil {
		t.Fatal(err)
	}
	for _, id := range []int64{edited.ID, linking.ID} {
		if err := s.db.SetArticleStory(ctx, id, story.ID); err != nil {
			t.Fatal(err)
		}
	}
	pages := []string{"/haber/" + edited.Slug, "/haber/" + other.Slug, "/haber/" + linking.Slug, "/", "/kategori/spor?sayfa=1"}
	waitFor(t, "every page cached after the story writes", func() bool {
		for _, p := range pages {
			s.mustGet(t, p, 200)
		}
		for _, p := range pages {
			if s.srv.pages.get(p, s.clock.Now()) == nil {
				return false
			}
		}
		return true
	})
	retitle(t, s, edited.ID, "Düzenlendi")
	waitFor(t, "the edit to reach the cache", func() bool {
		return s.srv.pages.get(pages[0], s.clock.Now()) == nil
	})
	if s.srv.pages.get(pages[1], s.clock.Now()) == nil {
		t.Error("an unrelated article page was dropped")
	}
	for _, p := range pages[2:] {
		if s.srv.pages.get(p, s.clock.Now()) != nil {
			t.Errorf("%s still cached: it shows the edited article", p)
		}
	}
	mustContain(t, s.mustGet(t, pages[2], 200), "Düzenlendi")
}
