package storetest

import (
	"fmt"
	"sync"
	"testing"

	"manset/internal/news"
	"manset/internal/store"
)

func runArticleWrites(t *testing.T, open Opener) {
	run(t, open, []subtest{
		{"UpdateKeepsSlugAndImportTime", testArticleUpdateKeepsSlugAndImportTime},
		{"UpdateSlugConflict", testArticleUpdateSlugConflict},
		{"Delete", testArticleDelete},
		{"ContentVersionBumps", testContentVersion},
		{"IDsNotReused", testArticleIDsNotReused},
		{"ConcurrentWrites", testArticleConcurrentWrites},
	})
}

func testArticleUpdateKeepsSlugAndImportTime(t *testing.T, s store.Store) {
	a := article(t, s, "İlk başlık", publishedAt(0))
	imported, slug := a.ImportedAt, a.Slug
	a.Title, a.Slug, a.PublishedAt, a.ImportedAt = "Düzeltilmiş başlık", "", nil, at(999)
	must(t, s.UpdateArticle(ctx(t), &a))
	got, err := s.Article(ctx(t), a.ID)
	must(t, err)
	if got.Title != "Düzeltilmiş başlık" || got.Slug != slug || got.PublishedAt != nil {
		t.Errorf("after update: %q %q published %v", got.Title, got.Slug, got.PublishedAt)
	}
	if !got.ImportedAt.Equal(imported) || got.UpdatedAt.Before(imported) {
		t.Errorf("imported %v (want %v), updated %v", got.ImportedAt, imported, got.UpdatedAt)
	}
}

func testArticleUpdateSlugConflict(t *testing.T, s store.Store) {
	article(t, s, "Birinci")
	b := article(t, s, "İkinci")
	b.Slug = "birinci"
	wantCode(t, s.UpdateArticle(ctx(t), &b), news.ECONFLICT)
	b.Slug = "Yeni Adres"
	must(t, s.UpdateArticle(ctx(t), &b))
	if _, err := s.ArticleBySlug(ctx(t), "yeni-adres"); err != nil {
		t.Errorf("slug set on update not found: %v", err)
	}
}

func testArticleDelete(t *testing.T, s store.Store) {
	a := article(t, s, "Silinecek")
	must(t, s.DeleteArticle(ctx(t), a.ID))
	_, err := s.Article(ctx(t), a.ID)
	wantCode(t, err, news.ENOTFOUND)
}

func testArticleConcurrentWrites(t *testing.T, s store.Store) {
	const n = 20
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			a := news.Article{Title: "Son dakika", BodyText: fmt.Sprintf("Gövde %d", i)}
			if err := s.CreateArticle(ctx(t), &a); err != nil {
				t.Errorf("writer %d: %v", i, err)
			}
		})
	}
	wg.Wait()
	list, total, err := s.ListArticles(ctx(t), news.ArticleFilter{})
	must(t, err)
	slugs := make(map[string]bool)
	for _, a := range list {
		slugs[a.Slug] = true
	}
	if total != n || len(slugs) != n || !slugs["son-dakika"] || !slugs[fmt.Sprintf("son-dakika-%d", n)] {
		t.Errorf("total %d, %d distinct slugs, want %d from son-dakika to son-dakika-%d", total, len(slugs), n, n)
	}
}

func testContentVersion(t *testing.T, s store.Store) {
	steps := []struct {
		name  string
		write func() error
	}{
		{"CreateCategory", func() error { return s.CreateCategory(ctx(t), &news.Category{Name: "Gündem"}) }},
		{"EnsureCategoryPath", func() error { _, err := s.EnsureCategoryPath(ctx(t), "Haberler", "Dünya"); return err }},
		{"CreateArticle", func() error { return s.CreateArticle(ctx(t), &news.Article{Title: "Haber"}) }},
		{"UpdateArticle", func() error { return s.UpdateArticle(ctx(t), &news.Article{ID: 1, Title: "Haber 2"}) }},
		{"SetSetting", func() error { return s.SetSetting(ctx(t), "site.name", "Manşet") }},
		{"CreateSource", func() error {
			return s.CreateSource(ctx(t), &news.Source{Name: "A", Kind: news.SourceFeed, URL: "https://a.example/"})
		}},
		{"DeleteSource", func() error { return s.DeleteSource(ctx(t), 1) }},
		{"DeleteArticle", func() error { return s.DeleteArticle(ctx(t), 1) }},
		{"DeleteCategory", func() error { return s.DeleteCategory(ctx(t), 1) }},
	}
	v := version(t, s)
	for _, st := range steps {
		if err := st.write(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		nv := version(t, s)
		if nv <= v {
			t.Errorf("%s: content version %d -> %d, want it to grow", st.name, v, nv)
		}
		v = nv
	}
	if _, _, err := s.ListArticles(ctx(t), news.ArticleFilter{}); err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateArticle(ctx(t), &news.Article{ID: 404, Title: "Yok"}); err == nil {
		t.Fatal("update of a missing article succeeded")
	}
	if version(t, s) != v {
		t.Error("a read or a failed write changed the content version")
	}
}

func testArticleIDsNotReused(t *testing.T, s store.Store) {
	article(t, s, "Birinci")
	b := article(t, s, "İkinci")
	must(t, s.DeleteArticle(ctx(t), b.ID))
	c := article(t, s, "Üçüncü")
	if c.ID == b.ID {
		t.Errorf("new article got the deleted article's id %d: old links would show it", b.ID)
	}
}
