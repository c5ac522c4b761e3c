package ingesttest

import (
	"testing"
	"time"

	"manset/internal/news"
)

func testAgencyCopy(t *testing.T, p *pipeline) {
	w := p.web
	a := p.article(t, w.A.URL, aTram.Path)
	if _, ok := p.byURL[w.B.URL+bTram.Path]; ok {
		t.Fatal("outlet B's copy of the agency text was stored as a second article")
	}
	if b := p.sum("Karadeniz Gazetesi"); b.Skipped != 1 || b.Imported != 1 {
		t.Errorf("outlet B: imported %d skipped %d, want 1 and 1 (the copy)", b.Imported, b.Skipped)
	}
	got, err := p.st.ArticleSources(t.Context(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("outlets recorded = %+v, want A and B", got)
	}
	first, second := got[0], got[1]
	if first.URL != w.A.URL+aTram.Path || first.SourceName != "Anadolu Postası" || !first.PublishedAt.Equal(w.at(aTram)) {
		t.Errorf("first publisher = %+v, want Anadolu Postası at %v", first, w.at(aTram))
	}
	if second.URL != w.B.URL+bTram.Path || second.SourceName != "Karadeniz Gazetesi" || second.Title != bTram.Title {
		t.Errorf("second outlet = %+v, want Karadeniz Gazetesi with its own headline", second)
	}
}

func testStory(t *testing.T, p *pipeline) {
	w := p.web
	b := p.article(t, w.B.URL, bSlide.Path)
	c := p.article(t, w.C.URL, cSlide.Path)
	if b.StoryID == 0 || b.StoryID != c.StoryID {
		t.Fatalf("landslide articles in stories %d and %d, want one", b.StoryID, c.StoryID)
	}
	s, err := p.st.Story(t.Context(), b.StoryID)
	if err != nil {
		t.Fatal(err)
	}
	if s.Title != bSlide.Title || !s.FirstSeen.Equal(w.at(bSlide)) {
		t.Errorf("story = %q first seen %v, want the earliest article's title %q at %v", s.Title, s.FirstSeen, bSlide.Title, w.at(bSlide))
	}
	members, _, err := p.st.ListArticles(t.Context(), news.ArticleFilter{StoryID: &b.StoryID})
	if err != nil {
		t.Fatal(err)
	}
	if len(members) != 2 {
		t.Errorf("story has %d articles, want the 2 landslide reports", len(members))
	}
	for _, other := range []story{aTram, aMatch, aBroken} {
		if a := p.article(t, w.A.URL, other.Path); a.StoryID == b.StoryID {
			t.Errorf("%q joined the landslide story", other.Title)
		}
	}
}

func testCategories(t *testing.T, p *pipeline) {
	w := p.web
	cases := []struct {
		base         string
		s            story
		slug, method string
	}{
		{w.A.URL, aTram, "ekonomi", "breadcrumb"},
		{w.A.URL, aBroken, "gundem", "breadcrumb"},
		{w.A.URL, aMatch, "spor", "url"},
		{w.B.URL, bSlide, "gundem", "breadcrumb"},
		{w.C.URL, cDrill, "gundem", "source"},
		{w.C.URL, cFootball, "spor", "classifier"},
	}
	for _, tc := range cases {
		a := p.article(t, tc.base, tc.s.Path)
		slug := ""
		if a.Category != nil {
			slug = a.Category.Slug
		}
		if slug != tc.slug || a.CategoryMethod != tc.method {
			t.Errorf("%q: category %q by %q, want %q by %q", tc.s.Title, slug, a.CategoryMethod, tc.slug, tc.method)
		}
	}
}

func testSourceState(t *testing.T, p *pipeline) {
	a := p.source(t, "Anadolu Postası")
	if a.LastFetchAt == nil || a.LastFetchAt.Before(p.started.Truncate(time.Millisecond)) {
		t.Errorf("A last fetch = %v, want this run", a.LastFetchAt)
	}
	if a.NextFetchAt == nil || !a.NextFetchAt.Equal(a.LastFetchAt.Add(a.Interval)) {
		t.Errorf("A next fetch = %v, want last fetch + %v", a.NextFetchAt, a.Interval)
	}
	if a.ItemsFound != 3 || a.LastError == "" {
		t.Errorf("A items %d, last error %q; want 3 and the last failure named", a.ItemsFound, a.LastError)
	}
	d := p.source(t, "Yavaş Ajans")
	if d.LastError == "" || d.NextFetchAt == nil || d.NextFetchAt.Before(d.LastFetchAt.Add(RetryAfter)) {
		t.Errorf("after a 429 with Retry-After %v: next fetch %v (last %v), error %q", RetryAfter, d.NextFetchAt, d.LastFetchAt, d.LastError)
	}
	if e := p.source(t, "Yönlendiren Site"); e.LastError == "" || e.ItemsFound != 0 {
		t.Errorf("redirecting source: error %q, items %d", e.LastError, e.ItemsFound)
	}
	if f := p.source(t, "Bülten"); f.ItemsFound != maxItems || f.LastError != "" {
		t.Errorf("big feed: items %d, error %q", f.ItemsFound, f.LastError)
	}
}
