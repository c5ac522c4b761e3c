package storetest

import (
	"reflect"
	"testing"
	"time"

	"manset/internal/news"
	"manset/internal/store"
)

func runArticles(t *testing.T, open Opener) {
	run(t, open, []subtest{
		{"CreateAndRead", testArticleCreateAndRead},
		{"SlugUniqueTurkish", testArticleSlugUniqueTurkish},
		{"SlugWithoutLatinLetters", testArticleSlugWithoutLatinLetters},
		{"ErrExplicitSlugTaken", testArticleErrExplicitSlugTaken},
		{"UnknownDatesStayNull", testArticleUnknownDatesStayNull},
		{"ErrInvalidNotStored", testArticleErrInvalidNotStored},
		{"ErrNotFound", testArticleErrNotFound},
		{"FindDuplicate", testArticleFindDuplicate},
	})
}

func testArticleCreateAndRead(t *testing.T, s store.Store) {
	c, err := s.EnsureCategoryPath(ctx(t), "Haberler", "Dünya")
	must(t, err)
	src := news.Source{Name: "Örnek Ajans", Kind: news.SourceFeed, URL: "https://ornek.example/rss", HomeURL: "https://ornek.example/"}
	must(t, s.CreateSource(ctx(t), &src))
	want := fullArticle(c.ID, src.ID)
	must(t, s.CreateArticle(ctx(t), &want))
	if want.ID == 0 || want.ImportedAt.IsZero() || want.UpdatedAt.IsZero() {
		t.Fatalf("CreateArticle did not assign ID, ImportedAt, UpdatedAt: %+v", want)
	}
	got, err := s.Article(ctx(t), want.ID)
	must(t, err)
	if got.Category == nil || got.Category.Path() != "Haberler › Dünya" {
		t.Errorf("Category = %+v, want Haberler › Dünya", got.Category)
	}
	if got.SourceName != "Örnek Ajans" || got.SourceHome != "https://ornek.example/" {
		t.Errorf("source = %q %q", got.SourceName, got.SourceHome)
	}
	want.Category, want.SourceName, want.SourceHome = got.Category, got.SourceName, got.SourceHome
	want.Reactions = news.NewReactionCounts() // reads fill all six kinds
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read back differs:\n got %+v\nwant %+v", got, want)
	}
	bySlug, err := s.ArticleBySlug(ctx(t), want.Slug)
	must(t, err)
	if bySlug.ID != want.ID {
		t.Errorf("ArticleBySlug(%q) = %d, want %d", want.Slug, bySlug.ID, want.ID)
	}
}

func testArticleSlugUniqueTurkish(t *testing.T, s store.Store) {
	a := article(t, s, "Yoldaş Putin'den açıklama")
	b := article(t, s, "Yoldaş Putin'den açıklama")
	if a.Slug != "yoldas-putinden-aciklama" || b.Slug != "yoldas-putinden-aciklama-2" {
		t.Errorf("slugs %q, %q", a.Slug, b.Slug)
	}
	got, err := s.ArticleBySlug(ctx(t), "yoldas-putinden-aciklama-2")
	must(t, err)
	if got.ID != b.ID {
		t.Errorf("second slug finds article %d, want %d", got.ID, b.ID)
	}
}

func testArticleSlugWithoutLatinLetters(t *testing.T, s store.Store) {
	a := article(t, s, "Ελλάδα εκλογές")
	if want := store.FallbackSlug("haber", a.ID); a.Slug != want {
		t.Errorf("slug %q, want %q", a.Slug, want)
	}
	b := article(t, s, "…")
	if b.Slug == a.Slug || b.Slug != store.FallbackSlug("haber", b.ID) {
		t.Errorf("second fallback slug %q (first %q)", b.Slug, a.Slug)
	}
}

func testArticleErrExplicitSlugTaken(t *testing.T, s store.Store) {
	article(t, s, "Birinci", func(a *news.Article) { a.Slug = "ozel-adres" })
	err := s.CreateArticle(ctx(t), &news.Article{Title: "İkinci", Slug: "ozel-adres"})
	wantCode(t, err, news.ECONFLICT)
}

func testArticleUnknownDatesStayNull(t *testing.T, s store.Store) {
	a := article(t, s, "Tarihi bilinmeyen haber")
	got, err := s.Article(ctx(t), a.ID)
	must(t, err)
	if got.PublishedAt != nil || got.ModifiedAt != nil {
		t.Errorf("unknown dates came back as %v, %v", got.PublishedAt, got.ModifiedAt)
	}
	if got.ImportedAt.IsZero() || !got.DisplayTime().Equal(got.ImportedAt) {
		t.Errorf("display time %v, want import time %v", got.DisplayTime(), got.ImportedAt)
	}
}

func testArticleErrInvalidNotStored(t *testing.T, s store.Store) {
	wantCode(t, s.CreateArticle(ctx(t), &news.Article{Title: "  "}), news.EINVALID)
	wantCode(t, s.CreateArticle(ctx(t), &news.Article{Title: "Kayıp kategori", CategoryID: 404}), news.EINVALID)
	wantCode(t, s.CreateArticle(ctx(t), &news.Article{Title: "Zamansız", Status: news.StatusScheduled}), news.EINVALID)
	_, total, err := s.ListArticles(ctx(t), news.ArticleFilter{})
	must(t, err)
	if total != 0 {
		t.Errorf("%d articles stored after invalid creates", total)
	}
}

func testArticleErrNotFound(t *testing.T, s store.Store) {
	_, err := s.Article(ctx(t), 404)
	wantCode(t, err, news.ENOTFOUND)
	_, err = s.ArticleBySlug(ctx(t), "yok")
	wantCode(t, err, news.ENOTFOUND)
	wantCode(t, s.UpdateArticle(ctx(t), &news.Article{ID: 404, Title: "Yok"}), news.ENOTFOUND)
	wantCode(t, s.DeleteArticle(ctx(t), 404), news.ENOTFOUND)
}

func testArticleFindDuplicate(t *testing.T, s store.Store) {
	a := article(t, s, "Asıl", func(a *news.Article) {
		a.CanonicalURL, a.ContentHash = "https://ornek.example/asil", "aa11"
	})
	b := article(t, s, "Başka", func(a *news.Article) { a.ContentHash = "bb22" })
	tests := []struct {
		name, url, hash string
		want            int64
	}{
		{"ByURL", "https://ornek.example/asil", "", a.ID},
		{"ByHash", "", "bb22", b.ID},
		{"EitherMatches", "https://yok.example/", "aa11", a.ID},
		{"NoMatch", "https://yok.example/", "ff00", 0},
		{"BothEmpty", "", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.FindDuplicate(ctx(t), tt.url, tt.hash)
			if tt.want == 0 {
				wantCode(t, err, news.ENOTFOUND)
				return
			}
			must(t, err)
			if got.ID != tt.want {
				t.Errorf("FindDuplicate = %d, want %d", got.ID, tt.want)
			}
		})
	}
}

// fullArticle sets every stored field, to check that none is lost.
func fullArticle(categoryID, sourceID int64) news.Article {
	return news.Article{
		Title: "Ankara'da İşçi Bayramı kutlandı", Summary: "Kısa spot.",
		BodyHTML: "<p>Birinci paragraf.</p>", BodyText: "Birinci paragraf.\n\nİkinci paragraf.",
		CategoryID: categoryID, Author: "Ayşe Yılmaz", Image: "https://ornek.example/foto.jpg",
		SourceID: sourceID, SourceURL: "https://ornek.example/haber/1",
		CanonicalURL: "https://ornek.example/haber/1", ContentHash: "e3b0c44298fc1c149afbf4c8996fb924",
		SimHash: 1<<63 | 0xdeadbeef, Lang: "tr", Status: news.StatusPublished,
		PublishedAt: ptr(at(0).Add(123 * time.Millisecond)), ModifiedAt: ptr(at(90)),
		ImportedAt: at(200), CategoryMethod: "breadcrumb", Featured: 2,
	}
}
