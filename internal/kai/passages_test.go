package kai

import (
	"context"
	"strings"
	"testing"
	"time"

	"manset/internal/news"
)

// fakeLister answers ListArticles from a slice, honouring the filters
// passage gathering uses.
type fakeLister struct {
	articles []news.Article
	filters  []news.ArticleFilter
}

func (f *fakeLister) ListArticles(ctx context.Context, flt news.ArticleFilter) ([]news.Article, int, error) {
	f.filters = append(f.filters, flt)
	var out []news.Article
	for _, a := range f.articles {
		if a.ID == flt.ExcludeID || (flt.StoryID != nil && a.StoryID != *flt.StoryID) ||
			(flt.CategoryID != nil && a.CategoryID != *flt.CategoryID) {
			continue
		}
		if flt.VisibleAt == nil || !a.Visible(*flt.VisibleAt) {
			continue
		}
		out = append(out, a)
	}
	return out[:min(len(out), flt.Limit)], len(out), nil
}

func TestPassages(t *testing.T) {
	now := time.Date(2025, 4, 13, 10, 0, 0, 0, time.UTC)
	pub := now.Add(-time.Hour)
	art := func(id, story, cat int64, slug string) news.Article {
		return news.Article{ID: id, Slug: slug, Title: "Haber " + slug, BodyText: "Metin " + slug + ".",
			StoryID: story, CategoryID: cat, Status: news.StatusPublished, PublishedAt: &pub}
	}
	self := art(1, 7, 3, "feribot")
	self.Summary = "Feribot seferleri başladı."
	st := &fakeLister{articles: []news.Article{
		self, art(2, 7, 4, "feribot-tepki"), art(3, 0, 3, "metro"), art(4, 7, 3, "feribot-bilet"),
		art(5, 0, 3, "tramvay"), art(6, 0, 3, "vapur"), art(7, 0, 3, "otobus"), art(8, 0, 9, "spor"),
	}}
	got, err := Passages(context.Background(), st, &self, now, "https://manset.example")
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, p := range got {
		ids = append(ids, p.ArticleID)
	}
	want := []int64{1, 2, 4, 3, 5, 6} // self, story, then three of the category
	if len(ids) != len(want) {
		t.Fatalf("ids %v, want %v", ids, want)
	}
	for i := range want {
		if ids[i] != want[i] {
			t.Fatalf("ids %v, want %v", ids, want)
		}
	}
	if got[0].URL != "https://manset.example/haber/feribot" || got[0].Text != "Feribot seferleri başladı.\n\nMetin feribot." {
		t.Errorf("first passage %+v", got[0])
	}
}

func TestArticleTextFromHTML(t *testing.T) {
	a := news.Article{BodyHTML: `<p>Birinci <b>paragraf</b>.</p><script>alert(1)</script><ul><li>Madde bir</li><li>Madde iki</li></ul><p>Son&nbsp;söz.</p>`}
	want := "Birinci paragraf.\n\nMadde bir\n\nMadde iki\n\nSon\u00a0söz."
	if got := articleText(&a); got != want && got != strings.ReplaceAll(want, "\u00a0", " ") {
		t.Errorf("got %q", got)
	}
}

func TestAboutArticle(t *testing.T) {
	for _, tc := range []struct {
		q     string
		vague bool
	}{
		{"Bu olay ne zaman oldu?", true},
		{"Nerede oldu?", true},
		{"Neden?", true},
		{"Feribot kaç yolcu taşıyor?", false},
		{"Deprem kaç büyüklüğündeydi?", false},
	} {
		q := AboutArticle(ferryQuestion(tc.q))
		if got := len(q.History) == 1; got != tc.vague {
			t.Errorf("%q: opening added %v, want %v", tc.q, got, tc.vague)
		}
	}
	ans := mustAsk(t, NewExtractive(), AboutArticle(ferryQuestion("Bu olay ne zaman oldu?")))
	if !ans.Covered || !strings.Contains(ans.Citations[0].Text, "12 Nisan 2025") {
		t.Errorf("got %+v, want the date sentence", ans)
	}
	follow := ferryQuestion("Peki nerede?", Turn{Question: "Kim açıkladı?", Answer: "Erdem."})
	if q := AboutArticle(follow); len(q.History) != 1 || q.History[0].Answer != "Erdem." {
		t.Error("a follow-up keeps its own history")
	}
}
