package storetest

import (
	"testing"

	"manset/internal/news"
	"manset/internal/store"
)

func runAggregation(t *testing.T, open Opener) {
	run(t, open, []subtest{
		{"RecentSimHashes", testRecentSimHashes},
		{"ArticleSourcesFirstPublisherFirst", testArticleSourcesOrder},
		{"ArticleSourceOncePerURL", testArticleSourceOncePerURL},
		{"ErrArticleSourceUnknownArticle", testArticleSourceUnknownArticle},
		{"SetArticleStory", testSetArticleStory},
		{"UpdateStory", testUpdateStory},
	})
}

func testRecentSimHashes(t *testing.T, s store.Store) {
	withHash := func(h uint64, importedMin int) func(*news.Article) {
		return func(a *news.Article) { a.SimHash, a.ImportedAt = h, at(importedMin) }
	}
	article(t, s, "Eski", withHash(1, 0))
	b := article(t, s, "Yeni", withHash(1<<63|5, 120))
	article(t, s, "Hashsiz", withHash(0, 130))
	c := article(t, s, "Daha yeni", withHash(7, 125))
	got, err := s.RecentSimHashes(ctx(t), at(60))
	must(t, err)
	want := []news.HashRef{{ArticleID: b.ID, SimHash: 1<<63 | 5}, {ArticleID: c.ID, SimHash: 7}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("RecentSimHashes = %v, want %v (oldest first, no zero hashes, uint64 kept)", got, want)
	}
}

func testArticleSourcesOrder(t *testing.T, s store.Store) {
	src := news.Source{Name: "Ajans", Kind: news.SourceFeed, URL: "https://ajans.example/rss", HomeURL: "https://ajans.example/"}
	must(t, s.CreateSource(ctx(t), &src))
	a := article(t, s, "Deprem")
	v := version(t, s)
	adds := []news.ArticleSource{
		{ArticleID: a.ID, URL: "https://b.example/2", Title: "Geç", PublishedAt: ptr(at(30)), SeenAt: at(31)},
		{ArticleID: a.ID, URL: "https://c.example/3", Title: "Zamansız", SeenAt: at(5)},
		{ArticleID: a.ID, SourceID: src.ID, URL: "https://ajans.example/1", Title: "İlk", PublishedAt: ptr(at(10)), SeenAt: at(40)},
	}
	for _, x := range adds {
		must(t, s.AddArticleSource(ctx(t), x))
	}
	if version(t, s) == v {
		t.Error("AddArticleSource did not change ContentVersion; cached article pages would miss the outlet")
	}
	got, err := s.ArticleSources(ctx(t), a.ID)
	must(t, err)
	var urls []string
	for _, x := range got {
		urls = append(urls, x.URL)
	}
	want := []string{"https://ajans.example/1", "https://b.example/2", "https://c.example/3"}
	if len(urls) != 3 || urls[0] != want[0] || urls[1] != want[1] || urls[2] != want[2] {
		t.Fatalf("ArticleSources order = %v, want %v", urls, want)
	}
	first := got[0]
	if first.SourceName != "Ajans" || first.SourceHome != "https://ajans.example/" || first.Title != "İlk" ||
		first.SourceID != src.ID || !first.PublishedAt.Equal(at(10)) || !first.SeenAt.Equal(at(40)) {
		t.Errorf("first source = %+v", first)
	}
	if got[2].PublishedAt != nil || got[2].SourceID != 0 {
		t.Errorf("unknown time or source not kept empty: %+v", got[2])
	}
}

func testArticleSourceOncePerURL(t *testing.T, s store.Store) {
	a := article(t, s, "Seçim")
	must(t, s.AddArticleSource(ctx(t), news.ArticleSource{ArticleID: a.ID, URL: "https://a.example/x", Title: "Birinci"}))
	must(t, s.AddArticleSource(ctx(t), news.ArticleSource{ArticleID: a.ID, URL: "https://a.example/x", Title: "İkinci"}))
	got, err := s.ArticleSources(ctx(t), a.ID)
	must(t, err)
	if len(got) != 1 || got[0].Title != "Birinci" {
		t.Errorf("ArticleSources = %+v, want the first record once", got)
	}
	wantCode(t, s.AddArticleSource(ctx(t), news.ArticleSource{ArticleID: a.ID}), news.EINVALID)
}

func testArticleSourceUnknownArticle(t *testing.T, s store.Store) {
	err := s.AddArticleSource(ctx(t), news.ArticleSource{ArticleID: 404, URL: "https://a.example/x"})
	wantCode(t, err, news.ENOTFOUND)
}

func testSetArticleStory(t *testing.T, s store.Store) {
	a := article(t, s, "Sel")
	st := news.Story{Title: "Sel", FirstSeen: at(0), UpdatedAt: at(0)}
	must(t, s.CreateStory(ctx(t), &st))
	v := version(t, s)
	must(t, s.SetArticleStory(ctx(t), a.ID, st.ID))
	got, err := s.Article(ctx(t), a.ID)
	must(t, err)
	if got.StoryID != st.ID {
		t.Errorf("StoryID = %d, want %d", got.StoryID, st.ID)
	}
	if !got.UpdatedAt.Equal(a.UpdatedAt) {
		t.Errorf("UpdatedAt changed %v -> %v; joining a story is not an edit", a.UpdatedAt, got.UpdatedAt)
	}
	if version(t, s) == v {
		t.Error("SetArticleStory did not change ContentVersion")
	}
	story, err := s.Story(ctx(t), st.ID)
	must(t, err)
	if !story.UpdatedAt.After(at(0)) {
		t.Errorf("story UpdatedAt = %v, want bumped", story.UpdatedAt)
	}
	wantCode(t, s.SetArticleStory(ctx(t), 404, st.ID), news.ENOTFOUND)
	wantCode(t, s.SetArticleStory(ctx(t), a.ID, 404), news.EINVALID)
	must(t, s.SetArticleStory(ctx(t), a.ID, 0))
}

// testUpdateStory: an earlier report joining a story moves its title and
// first-seen time; an unknown story is ENOTFOUND.
func testUpdateStory(t *testing.T, s store.Store) {
	st := news.Story{Title: "Sel sürüyor", FirstSeen: at(60)}
	must(t, s.CreateStory(ctx(t), &st))
	st.Title, st.FirstSeen = "Sel başladı", at(10)
	must(t, s.UpdateStory(ctx(t), &st))
	got, err := s.Story(ctx(t), st.ID)
	must(t, err)
	if got.Title != "Sel başladı" || !got.FirstSeen.Equal(at(10)) {
		t.Errorf("story = %q %v, want the earlier title and time", got.Title, got.FirstSeen)
	}
	wantCode(t, s.UpdateStory(ctx(t), &news.Story{ID: 404, Title: "x"}), news.ENOTFOUND)
	wantCode(t, s.UpdateStory(ctx(t), &news.Story{ID: st.ID, Title: " "}), news.EINVALID)
}
