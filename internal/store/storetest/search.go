package storetest

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"manset/internal/news"
	"manset/internal/store"
	"manset/internal/turkish"
)

// RunSearch runs only the search part of the contract, for engines that
// test the index under other settings.
func RunSearch(t *testing.T, open Opener) { runSearch(t, open) }

func runSearch(t *testing.T, open Opener) {
	run(t, open, []subtest{
		{"TurkishForms", testSearchTurkishForms},
		{"PhraseAndExclusion", testSearchPhraseAndExclusion},
		{"TitleWeighs", testSearchTitleWeighs},
		{"OnlyVisible", testSearchOnlyVisible},
		{"Category", testSearchCategory},
		{"FollowsWrites", testSearchFollowsWrites},
		{"LimitKeepsNewest", testSearchLimitKeepsNewest},
		{"ErrNoTerms", testSearchErrNoTerms},
		{"AnyOf", testSearchAnyOf},
		{"RecentTexts", testRecentArticleTexts},
	})
}

// words makes a query whose every word must match, normalised as the
// search package does.
func words(s string) news.SearchQuery {
	q := news.SearchQuery{VisibleAt: at(10_000)}
	for _, t := range turkish.NormalizeTokens(s) {
		q.All = append(q.All, []string{t})
	}
	return q
}

// found returns the titles of the hits, sorted, for set comparisons.
func found(t *testing.T, s store.Store, q news.SearchQuery) []string {
	t.Helper()
	hits, total, err := s.SearchArticles(ctx(t), q)
	must(t, err)
	if total != len(hits) {
		t.Errorf("total = %d, want %d", total, len(hits))
	}
	out := []string{}
	for _, h := range hits {
		a, err := s.Article(ctx(t), h.ID)
		must(t, err)
		out = append(out, a.Title)
	}
	slices.Sort(out)
	return out
}

func withBody(body string) func(*news.Article) {
	return func(a *news.Article) { a.BodyText = body }
}

func testSearchTurkishForms(t *testing.T, s store.Store) {
	article(t, s, "Boğaz manzarası", withBody("İstanbul'da yağmur bekleniyor."))
	article(t, s, "IŞIK GÖSTERİSİ", withBody("Ilık bir akşam."))
	article(t, s, "Ticaret anlaşması imzalandı", withBody("Taraflar uzlaştı."))
	tests := []struct {
		query string
		want  []string
	}{
		{"istanbul", []string{"Boğaz manzarası"}},
		{"İSTANBUL", []string{"Boğaz manzarası"}},
		{"isik", []string{"IŞIK GÖSTERİSİ"}},
		{"ılık", []string{"IŞIK GÖSTERİSİ"}},
		{"ILIK", []string{"IŞIK GÖSTERİSİ"}},
		{"anlaşmanın", []string{"Ticaret anlaşması imzalandı"}},
		{"istanbul anlaşma", []string{}},
	}
	for _, tt := range tests {
		if got := found(t, s, words(tt.query)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q found %q, want %q", tt.query, got, tt.want)
		}
	}
}

func testSearchPhraseAndExclusion(t *testing.T, s store.Store) {
	article(t, s, "Bitişik", withBody("Merkez bankası faizi sabit tuttu."))
	article(t, s, "Ayrık", withBody("Bankası olan merkez ilçe faizi konuştu."))
	phrase := news.SearchQuery{VisibleAt: at(10_000), All: [][]string{turkish.NormalizeTokens("merkez bankası")}}
	if got := found(t, s, phrase); !reflect.DeepEqual(got, []string{"Bitişik"}) {
		t.Errorf("phrase found %q, want only the adjacent words", got)
	}
	q := words("faiz")
	q.None = [][]string{turkish.NormalizeTokens("ilçe")}
	if got := found(t, s, q); !reflect.DeepEqual(got, []string{"Bitişik"}) {
		t.Errorf("faiz -ilçe found %q", got)
	}
}

func testSearchTitleWeighs(t *testing.T, s store.Store) {
	body := article(t, s, "Hava durumu", withBody("Yarın deprem tatbikatı yapılacak, hava güzel."), publishedAt(0))
	title := article(t, s, "Deprem tatbikatı", withBody("Yarın okullarda tatbikat yapılacak, hava güzel."), publishedAt(0))
	q := words("deprem")
	q.Weights = news.SearchWeights{Title: 5, Summary: 2, Body: 1}
	hits, _, err := s.SearchArticles(ctx(t), q)
	must(t, err)
	if len(hits) != 2 || hits[0].ID != title.ID || hits[1].ID != body.ID || hits[0].Score <= hits[1].Score {
		t.Errorf("hits = %+v, want the title match (%d) first with a higher score", hits, title.ID)
	}
	if !hits[0].DisplayAt.Equal(at(0)) {
		t.Errorf("DisplayAt = %v, want %v", hits[0].DisplayAt, at(0))
	}
}

func testSearchOnlyVisible(t *testing.T, s store.Store) {
	article(t, s, "Yayında seçim", publishedAt(0))
	article(t, s, "Zamanı gelmiş seçim", publishedAt(5), func(a *news.Article) { a.Status = news.StatusScheduled })
	article(t, s, "Zamanlanmış seçim", publishedAt(60), func(a *news.Article) { a.Status = news.StatusScheduled })
	article(t, s, "Taslak seçim", func(a *news.Article) { a.Status = news.StatusDraft })
	article(t, s, "İncelemede seçim", func(a *news.Article) { a.Status = news.StatusReview })
	q := words("seçim")
	q.VisibleAt = at(30)
	if got := found(t, s, q); !reflect.DeepEqual(got, []string{"Yayında seçim", "Zamanı gelmiş seçim"}) {
		t.Errorf("found %q, want only what readers may see", got)
	}
}

func testSearchCategory(t *testing.T, s store.Store) {
	avrupa, err := s.EnsureCategoryPath(ctx(t), "Dünya", "Avrupa")
	must(t, err)
	spor, err := s.EnsureCategoryPath(ctx(t), "Spor")
	must(t, err)
	article(t, s, "Avrupa'da derbi", inCategory(avrupa.ID))
	article(t, s, "Dünyada derbi", inCategory(avrupa.Ancestors[0].ID))
	article(t, s, "Sporda derbi", inCategory(spor.ID))
	q := words("derbi")
	q.CategoryID = &avrupa.Ancestors[0].ID
	if got := found(t, s, q); !reflect.DeepEqual(got, []string{"Avrupa'da derbi", "Dünyada derbi"}) {
		t.Errorf("category Dünya found %q, want it and its children", got)
	}
}

func testSearchFollowsWrites(t *testing.T, s store.Store) {
	a := article(t, s, "Eski başlık zeytin", withBody("Gövde."))
	a.Title = "Yeni başlık portakal"
	must(t, s.UpdateArticle(ctx(t), &a))
	if got := found(t, s, words("zeytin")); len(got) != 0 {
		t.Errorf("old title word still finds %q", got)
	}
	if got := found(t, s, words("portakal")); !reflect.DeepEqual(got, []string{a.Title}) {
		t.Errorf("new title word found %q", got)
	}
	must(t, s.DeleteArticle(ctx(t), a.ID))
	hits, _, err := s.SearchArticles(ctx(t), words("portakal"))
	must(t, err)
	if len(hits) != 0 {
		t.Errorf("deleted article still found: %+v", hits)
	}
}

func testSearchLimitKeepsNewest(t *testing.T, s store.Store) {
	var ids []int64
	for i := range 6 {
		ids = append(ids, article(t, s, strings.Repeat("kiraz ", i+1), publishedAt(i)).ID)
	}
	q := words("kiraz")
	q.Limit = 3
	hits, total, err := s.SearchArticles(ctx(t), q)
	must(t, err)
	var got []int64
	for _, h := range hits {
		got = append(got, h.ID)
	}
	slices.Sort(got)
	if !reflect.DeepEqual(got, ids[3:]) {
		t.Errorf("capped hits = %v, want the newest %v", got, ids[3:])
	}
	if total < 3 || total > 12 {
		t.Errorf("estimated total = %d, want about 6", total)
	}
}

// testSearchAnyOf: Any needs one of its phrases; an article holding more
// of them, and rarer ones, scores higher; All still applies.
func testSearchAnyOf(t *testing.T, s store.Store) {
	both := article(t, s, "Limanda grev", withBody("Mersin limanında işçiler grevde."), publishedAt(0))
	one := article(t, s, "Mersin'de hava", withBody("Yağmur bekleniyor."), publishedAt(0))
	article(t, s, "Ankara'da kar", withBody("Yollar kapandı."), publishedAt(0))
	q := news.SearchQuery{VisibleAt: at(10_000)}
	for _, w := range turkish.NormalizeTokens("grev mersin") {
		q.Any = append(q.Any, []string{w})
	}
	hits, _, err := s.SearchArticles(ctx(t), q)
	must(t, err)
	if len(hits) != 2 || hits[0].ID != both.ID || hits[1].ID != one.ID || hits[0].Score <= hits[1].Score {
		t.Errorf("any of grev, mersin: hits %+v, want %d (both words) above %d (one)", hits, both.ID, one.ID)
	}
	q.All = [][]string{turkish.NormalizeTokens("yağmur")}
	if got := found(t, s, q); !reflect.DeepEqual(got, []string{"Mersin'de hava"}) {
		t.Errorf("yağmur and any of grev, mersin found %q", got)
	}
}

func testSearchErrNoTerms(t *testing.T, s store.Store) {
	_, _, err := s.SearchArticles(ctx(t), news.SearchQuery{None: [][]string{{"x"}}})
	wantCode(t, err, news.EINVALID)
}

func testRecentArticleTexts(t *testing.T, s store.Store) {
	article(t, s, "Eski", publishedAt(0))
	article(t, s, "Yeni", publishedAt(2), func(a *news.Article) { a.Summary = "Spot." })
	article(t, s, "Taslak", publishedAt(3), func(a *news.Article) { a.Status = news.StatusDraft })
	got, err := s.RecentArticleTexts(ctx(t), at(10), 1)
	must(t, err)
	if len(got) != 1 || !strings.HasPrefix(got[0], "Yeni\n\nSpot.\n\n") {
		t.Errorf("RecentArticleTexts = %q, want the newest visible one", got)
	}
}
