package main

import (
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"manset/internal/ingest/ingesttest"
	"manset/internal/news"
	"manset/internal/store/sqlite"
)

// TestFetchOnceEndToEnd adds three outlets with `manset source add`, runs
// `manset fetch --once`, and checks what a reader would find in the
// database: the agency text once with both outlets, one story of two.
func TestFetchOnceEndToEnd(t *testing.T) {
	web := ingesttest.New(t)
	db := filepath.Join(t.TempDir(), "manset.db")
	env := map[string]string{"MANSET_FETCH_ALLOW_PRIVATE": "1", "MANSET_FETCH_DELAY": "1ms", "MANSET_DB": db}
	for _, name := range []string{"Anadolu Postası", "Karadeniz Gazetesi", "Ege Haber"} {
		if code, _, errOut := run(t, "", env, "source", "add", "--kind", "feed", "--name", name, web.Feeds()[name]); code != 0 {
			t.Fatalf("source add %s: exit %d: %s", name, code, errOut)
		}
	}
	code, out, errOut := run(t, "", env, "fetch", "--once")
	if code != 0 {
		t.Fatalf("fetch --once: exit %d\n%s\n%s", code, out, errOut)
	}
	// Outlet A: 3 articles and 3 failures (robots, bomb, huge page); B: one
	// own article and the agency copy skipped; C: two articles.
	for _, want := range []string{`source 1: imported 3, updated 0, skipped 0, failed 3`,
		`source 2: imported 1, updated 0, skipped 1, failed 0`, `source 3: imported 2, updated 0, skipped 0, failed 0`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if !regexp.MustCompile(`failed: .*/gizli/yasak-sayfa: `).MatchString(out) {
		t.Errorf("the robots.txt refusal is not named:\n%s", out)
	}

	ctx := context.Background()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	list, total, err := st.ListArticles(ctx, news.ArticleFilter{})
	if err != nil || total != 6 {
		t.Fatalf("%d articles stored (%v), want 6", total, err)
	}
	byTitle := map[string]news.Article{}
	for _, a := range list {
		byTitle[a.Title] = a
	}
	agency, ok := byTitle[ingesttest.AgencyHeadline()]
	if !ok {
		t.Fatalf("agency article missing; titles: %v", byTitle)
	}
	srcs, err := st.ArticleSources(ctx, agency.ID)
	if err != nil || len(srcs) != 2 || srcs[0].SourceName != "Anadolu Postası" || srcs[1].SourceName != "Karadeniz Gazetesi" {
		t.Errorf("agency article outlets = %+v (%v), want Anadolu Postası first, then Karadeniz Gazetesi", srcs, err)
	}
	var story int64
	for i, title := range ingesttest.LandslideHeadlines() {
		a := byTitle[title]
		if a.StoryID == 0 || i > 0 && a.StoryID != story {
			t.Errorf("%q in story %d, want both landslide reports in one", title, a.StoryID)
		}
		story = a.StoryID
	}
}
