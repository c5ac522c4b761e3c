package ingesttest

import (
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"manset/internal/demo"
	"manset/internal/ingest"
	"manset/internal/ingest/fetch"
	"manset/internal/news"
	"manset/internal/store/sqlite"
)

// maxItems is the aggregator's per-source cap in these tests.
const maxItems = 8

// pipeline is one run of the whole aggregator over the fake web.
type pipeline struct {
	web     *Web
	st      *sqlite.DB
	ag      *ingest.Aggregator
	src     map[string]*news.Source // by name
	sums    map[int64]*ingest.Summary
	byURL   map[string]news.Article
	started time.Time
}

func runPipeline(t *testing.T) *pipeline {
	t.Helper()
	ctx := t.Context()
	p := &pipeline{web: New(t), src: map[string]*news.Source{}}
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "e2e.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	p.st = st
	logger := slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	// The site's own categorised articles teach the classifier.
	if _, err := ingest.New(st, logger).ImportFS(ctx, demo.Files(), ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	w := p.web
	for _, s := range []news.Source{
		{Name: "Anadolu Postası", Kind: news.SourceFeed, URL: w.A.URL + "/rss.xml", HomeURL: w.A.URL + "/"},
		{Name: "Karadeniz Gazetesi", Kind: news.SourceFeed, URL: w.B.URL + "/atom.xml", HomeURL: w.B.URL + "/"},
		{Name: "Ege Haber", Kind: news.SourceFeed, URL: w.C.URL + "/feed.json", HomeURL: w.C.URL + "/"},
		{Name: "Ege Haber Site Haritası", Kind: news.SourceSitemap, URL: w.C.URL + "/sitemap.xml", CategorySlug: "gundem"},
		{Name: "Ege Haber Son Dakika", Kind: news.SourceListing, URL: w.C.URL + "/son-dakika"},
		{Name: "Yavaş Ajans", Kind: news.SourceFeed, URL: w.D.URL + "/rss.xml"},
		{Name: "Yönlendiren Site", Kind: news.SourcePage, URL: w.E.URL + "/yonlendir"},
		{Name: "Bülten", Kind: news.SourceFeed, URL: w.F.URL + "/rss.xml"},
	} {
		if err := st.CreateSource(ctx, &s); err != nil {
			t.Fatal(err)
		}
		p.src[s.Name] = &s
	}
	// The SSRF guard stays on: only server P counts as private.
	f := fetch.New(fetch.Config{HostDelay: time.Millisecond, Private: w.Private, Logger: logger})
	p.ag = ingest.NewAggregator(ingest.New(st, logger), st, f, logger)
	p.ag.MaxItems = maxItems
	p.started = time.Now()
	if p.sums, err = p.ag.RunOnce(ctx, 0); err != nil {
		t.Fatal(err)
	}
	p.byURL = map[string]news.Article{}
	list, _, err := st.ListArticles(ctx, news.ArticleFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range list {
		p.byURL[a.SourceURL] = a
	}
	return p
}

// testWriter sends log lines to the test's log.
type testWriter struct{ t *testing.T }

func (w testWriter) Write(b []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(b)))
	return len(b), nil
}

// article returns the stored article taken from outlet srv at path.
func (p *pipeline) article(t *testing.T, base, path string) news.Article {
	t.Helper()
	a, ok := p.byURL[base+path]
	if !ok {
		t.Fatalf("no article stored from %s%s", base, path)
	}
	return a
}

func (p *pipeline) sum(name string) *ingest.Summary { return p.sums[p.src[name].ID] }

func (p *pipeline) source(t *testing.T, name string) news.Source {
	t.Helper()
	s, err := p.st.Source(t.Context(), p.src[name].ID)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestPipeline(t *testing.T) {
	p := runPipeline(t)
	w := p.web
	t.Run("HostileCasesFailCleanly", func(t *testing.T) { testHostile(t, p) })
	t.Run("CleanTextInAnyCharset", func(t *testing.T) { testCleanText(t, p) })
	t.Run("AgencyCopyStoredOnceWithBothOutlets", func(t *testing.T) { testAgencyCopy(t, p) })
	t.Run("SameEventOneStory", func(t *testing.T) { testStory(t, p) })
	t.Run("Categories", func(t *testing.T) { testCategories(t, p) })
	t.Run("SourceState", func(t *testing.T) { testSourceState(t, p) })
	t.Run("SecondPassFetchesNothingKnown", func(t *testing.T) {
		before := w.Hits("A", aTram.Path)
		sums, err := p.ag.RunOnce(t.Context(), p.src["Anadolu Postası"].ID)
		if err != nil {
			t.Fatal(err)
		}
		if s := sums[p.src["Anadolu Postası"].ID]; s.Imported != 0 {
			t.Errorf("second pass imported %d", s.Imported)
		}
		if got := w.Hits("A", aTram.Path); got != before {
			t.Errorf("known article fetched again (%d -> %d requests)", before, got)
		}
	})
}

func failureNamed(s *ingest.Summary, part string) *ingest.Failure {
	for i := range s.Failures {
		if strings.Contains(s.Failures[i].Name, part) {
			return &s.Failures[i]
		}
	}
	return nil
}

func testHostile(t *testing.T, p *pipeline) {
	w := p.web
	if n := w.Hits("A", aForbidden.Path); n != 0 {
		t.Errorf("robots.txt forbids %s, yet it was requested %d times", aForbidden.Path, n)
	}
	a := p.sum("Anadolu Postası")
	for _, path := range []string{aForbidden.Path, "/bomba", "/dev-sayfa"} {
		if failureNamed(a, path) == nil {
			t.Errorf("no failure recorded for %s; summary:\n%s", path, a)
		}
	}
	if a.Imported != 3 {
		t.Errorf("outlet A imported %d, want 3 beside the failures:\n%s", a.Imported, a)
	}
	if n := w.Hits("P", ""); n != 0 {
		t.Errorf("the private server was reached %d times through a redirect", n)
	}
	if e := p.sum("Yönlendiren Site"); len(e.Failures) != 1 || e.Imported != 0 {
		t.Errorf("redirect into the private network: summary %s", e)
	} else if code := news.ErrorCode(e.Failures[0].Err); code != news.EFORBIDDEN {
		t.Errorf("redirect refused with %q (%v), want %s", code, e.Failures[0].Err, news.EFORBIDDEN)
	}
	f := p.sum("Bülten")
	if f.Imported != maxItems || w.Hits("F", "") > maxItems+2 { // + robots.txt and the feed
		t.Errorf("10k-item feed: imported %d, %d requests; want %d and at most %d", f.Imported, w.Hits("F", ""), maxItems, maxItems+2)
	}
}

// chrome is text that appears around the articles on the fake outlets and
// must not reach a stored body.
var chrome = []string{"çerez", "Kabul Et", "Son Dakika", "Paylaş", "Reklam", "REKLAM", "İlgili Haberler",
	"Yorum Yaz", "giriş yapın", "Tüm hakları", "Her hakkı", "Diğer Haberler", "Çok Okunanlar", "Bültenimize", "Etiketler", "Künye"}

func testCleanText(t *testing.T, p *pipeline) {
	w := p.web
	cases := []struct {
		base string
		s    story
	}{
		{w.A.URL, aTram}, {w.A.URL, aMatch}, {w.A.URL, aBroken},
		{w.B.URL, bSlide}, {w.C.URL, cSlide}, {w.C.URL, cFootball}, {w.C.URL, cDrill}, {w.C.URL, cListed},
	}
	for _, tc := range cases {
		t.Run(tc.s.Path, func(t *testing.T) {
			a := p.article(t, tc.base, tc.s.Path)
			full, err := p.st.Article(t.Context(), a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if full.Title != tc.s.Title {
				t.Errorf("title = %q, want %q", full.Title, tc.s.Title)
			}
			if !utf8.ValidString(full.BodyText) {
				t.Error("body is not valid UTF-8")
			}
			last := tc.s.Paras[len(tc.s.Paras)-1]
			if !strings.Contains(full.BodyText, last[:40]) {
				t.Errorf("body lacks the last paragraph %q:\n%s", last[:40], full.BodyText)
			}
			for _, c := range chrome {
				if strings.Contains(full.BodyText, c) || strings.Contains(full.BodyHTML, c) {
					t.Errorf("page chrome %q in the stored body:\n%s", c, full.BodyText)
				}
			}
			if full.PublishedAt == nil || !full.PublishedAt.Equal(w.at(tc.s)) {
				t.Errorf("published = %v, want %v", full.PublishedAt, w.at(tc.s))
			}
		})
	}
}
