package storetest

import (
	"reflect"
	"strings"
	"testing"

	"manset/internal/news"
	"manset/internal/store"
)

func runArticleLists(t *testing.T, open Opener) {
	run(t, open, []subtest{
		{"ListByCategoryIncludesChildren", testArticleListByCategoryIncludesChildren},
		{"Pagination", testPagination},
		{"ScheduledHiddenUntilTime", testArticleScheduledHiddenUntilTime},
		{"Filters", testFilters},
		{"LeanLeavesBodiesOut", testLeanList},
	})
}

// testLeanList: a lean list carries everything but the HTML body, and only
// the start of the text body.
func testLeanList(t *testing.T, s store.Store) {
	long := strings.Repeat("Uzun bir paragraf cümlesi burada yer alıyor. ", 100)
	a := article(t, s, "Uzun haber", func(a *news.Article) { a.BodyText = long; a.BodyHTML = "<p>" + long + "</p>" })
	list, _, err := s.ListArticles(ctx(t), news.ArticleFilter{Lean: true})
	must(t, err)
	if len(list) != 1 || list[0].ID != a.ID || list[0].Title != "Uzun haber" || list[0].Slug != a.Slug {
		t.Fatalf("lean list = %+v", list)
	}
	got := list[0]
	if got.BodyHTML != "" || !strings.HasPrefix(long, got.BodyText) || len([]rune(got.BodyText)) != 1200 {
		t.Errorf("lean bodies: html %d bytes, text %d runes (want 0 and the first 1200)", len(got.BodyHTML), len([]rune(got.BodyText)))
	}
	full, _, err := s.ListArticles(ctx(t), news.ArticleFilter{})
	must(t, err)
	if full[0].BodyText != long {
		t.Error("a normal list lost the body")
	}
}

func testArticleListByCategoryIncludesChildren(t *testing.T, s store.Store) {
	avrupa, err := s.EnsureCategoryPath(ctx(t), "Haberler", "Dünya", "Avrupa")
	must(t, err)
	dunya, haberler := avrupa.Ancestors[1], avrupa.Ancestors[0]
	spor, err := s.EnsureCategoryPath(ctx(t), "Spor")
	must(t, err)
	article(t, s, "Avrupa haberi", inCategory(avrupa.ID), publishedAt(3))
	article(t, s, "Dünya haberi", inCategory(dunya.ID), publishedAt(2))
	article(t, s, "Gündem haberi", inCategory(haberler.ID), publishedAt(1))
	article(t, s, "Spor haberi", inCategory(spor.ID), publishedAt(4))
	article(t, s, "Kategorisiz haber", publishedAt(5))
	tests := []struct {
		name string
		id   int64
		want []string
	}{
		{"Root", haberler.ID, []string{"Avrupa haberi", "Dünya haberi", "Gündem haberi"}},
		{"Middle", dunya.ID, []string{"Avrupa haberi", "Dünya haberi"}},
		{"Leaf", avrupa.ID, []string{"Avrupa haberi"}},
		{"Other", spor.ID, []string{"Spor haberi"}},
		{"None", 0, []string{"Kategorisiz haber"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list, total, err := s.ListArticles(ctx(t), news.ArticleFilter{CategoryID: ptr(tt.id)})
			must(t, err)
			if !reflect.DeepEqual(titles(list), tt.want) || total != len(tt.want) {
				t.Errorf("got %q (total %d), want %q", titles(list), total, tt.want)
			}
		})
	}
	list, _, err := s.ListArticles(ctx(t), news.ArticleFilter{CategoryID: ptr(avrupa.ID)})
	must(t, err)
	if c := list[0].Category; c == nil || c.Path() != "Haberler › Dünya › Avrupa" {
		t.Errorf("listed article's category = %+v", c)
	}
}

func testArticleScheduledHiddenUntilTime(t *testing.T, s store.Store) {
	article(t, s, "Yayında", publishedAt(0))
	article(t, s, "Zamanlanmış", publishedAt(60), func(a *news.Article) { a.Status = news.StatusScheduled })
	article(t, s, "Taslak", publishedAt(1), func(a *news.Article) { a.Status = news.StatusDraft })
	article(t, s, "İncelemede", publishedAt(2), func(a *news.Article) { a.Status = news.StatusReview })
	tests := []struct {
		minute int
		want   []string
	}{
		{59, []string{"Yayında"}},
		{60, []string{"Zamanlanmış", "Yayında"}},
		{61, []string{"Zamanlanmış", "Yayında"}},
	}
	for _, tt := range tests {
		list, total, err := s.ListArticles(ctx(t), news.ArticleFilter{VisibleAt: ptr(at(tt.minute))})
		must(t, err)
		if !reflect.DeepEqual(titles(list), tt.want) || total != len(tt.want) {
			t.Errorf("visible at +%dm: %q (total %d), want %q", tt.minute, titles(list), total, tt.want)
		}
	}
	list, _, err := s.ListArticles(ctx(t), news.ArticleFilter{Status: ptr(news.StatusReview)})
	must(t, err)
	if !reflect.DeepEqual(titles(list), []string{"İncelemede"}) {
		t.Errorf("review queue = %q", titles(list))
	}
}

// testPagination walks seven articles, two sharing a publish time, in pages
// of three, with the keyset cursor and with Offset.
func testPagination(t *testing.T, s store.Store) {
	want := []string{"H7", "H6", "H5b", "H5a", "H3", "H2", "H1"}
	for _, title := range []string{"H1", "H2", "H3", "H5a", "H5b", "H6", "H7"} {
		m := int(title[1] - '0')
		article(t, s, title, publishedAt(m))
	}
	var got []string
	f := news.ArticleFilter{Limit: 3}
	for page := 0; ; page++ {
		list, total, err := s.ListArticles(ctx(t), f)
		must(t, err)
		if total != 7 {
			t.Errorf("page %d: total %d, want 7", page, total)
		}
		if len(list) == 0 || page > 5 {
			break
		}
		got = append(got, titles(list)...)
		last := list[len(list)-1]
		f.Before, f.BeforeID = ptr(last.DisplayTime()), last.ID
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("keyset pages: %q, want %q", got, want)
	}
	got = nil
	for off := 0; off < 9; off += 3 {
		list, _, err := s.ListArticles(ctx(t), news.ArticleFilter{Limit: 3, Offset: off})
		must(t, err)
		got = append(got, titles(list)...)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("offset pages: %q, want %q", got, want)
	}
	_, _, err := s.ListArticles(ctx(t), news.ArticleFilter{Limit: -1})
	wantCode(t, err, news.EINVALID)
}

func testFilters(t *testing.T, s store.Store) {
	src := news.Source{Name: "Ajans", Kind: news.SourceFeed, URL: "https://ajans.example/rss"}
	must(t, s.CreateSource(ctx(t), &src))
	story := news.Story{Title: "Seçim"}
	must(t, s.CreateStory(ctx(t), &story))
	lead := article(t, s, "Manşet 1", publishedAt(1), func(a *news.Article) { a.Featured = 1 })
	article(t, s, "Manşet 2", publishedAt(5), func(a *news.Article) { a.Featured = 2 })
	article(t, s, "Ajanstan", publishedAt(3), func(a *news.Article) { a.SourceID, a.StoryID = src.ID, story.ID })
	article(t, s, "Eski", publishedAt(-60), func(a *news.Article) { a.StoryID = story.ID })
	tests := []struct {
		name string
		f    news.ArticleFilter
		want []string
	}{
		{"All", news.ArticleFilter{}, []string{"Manşet 2", "Ajanstan", "Manşet 1", "Eski"}},
		{"FeaturedInPinOrder", news.ArticleFilter{Featured: true}, []string{"Manşet 1", "Manşet 2"}},
		{"Source", news.ArticleFilter{SourceID: ptr(src.ID)}, []string{"Ajanstan"}},
		{"Story", news.ArticleFilter{StoryID: ptr(story.ID)}, []string{"Ajanstan", "Eski"}},
		{"Since", news.ArticleFilter{Since: ptr(at(3))}, []string{"Manşet 2", "Ajanstan"}},
		{"ExcludeID", news.ArticleFilter{ExcludeID: lead.ID, Since: ptr(at(0))}, []string{"Manşet 2", "Ajanstan"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list, total, err := s.ListArticles(ctx(t), tt.f)
			must(t, err)
			if !reflect.DeepEqual(titles(list), tt.want) || total != len(tt.want) {
				t.Errorf("got %q (total %d), want %q", titles(list), total, tt.want)
			}
		})
	}
	list, _, err := s.ListArticles(ctx(t), news.ArticleFilter{SourceID: ptr(src.ID)})
	must(t, err)
	if list[0].SourceName != "Ajans" {
		t.Errorf("listed SourceName = %q, want Ajans", list[0].SourceName)
	}
}
