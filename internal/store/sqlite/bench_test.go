package sqlite_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"manset/internal/news"
	"manset/internal/store/sqlite"
)

// benchArticles is the size of the database the listing benchmarks read.
const benchArticles = 10000

// BenchmarkCreateArticle writes articles with distinct titles; SameTitle
// measures the slug search when every title collides.
func BenchmarkCreateArticle(b *testing.B) {
	b.Run("DistinctTitles", func(b *testing.B) { benchCreate(b, func(i int) string { return fmt.Sprint("Haber ", i) }) })
	b.Run("SameTitle", func(b *testing.B) { benchCreate(b, func(int) string { return "Son dakika" }) })
}

func benchCreate(b *testing.B, title func(int) string) {
	db := mustOpen(b, filepath.Join(b.TempDir(), "bench.db"))
	body := strings.Repeat("Türkçe haber metni. ", 150)
	for i := 1; b.Loop(); i++ {
		a := news.Article{Title: title(i), BodyText: body, ContentHash: fmt.Sprint(i)}
		if err := db.CreateArticle(b.Context(), &a); err != nil {
			b.Fatal(err)
		}
	}
}

// seedBench fills a database with benchArticles articles over a small
// category tree, a fifth of them without a publish date.
func seedBench(b *testing.B) (*sqlite.DB, news.Category) {
	b.Helper()
	db := mustOpen(b, filepath.Join(b.TempDir(), "bench.db"))
	var cats []news.Category
	for _, p := range [][]string{{"Haberler", "Dünya"}, {"Haberler", "Ekonomi"}, {"Haberler", "Dünya", "Avrupa"}, {"Spor"}} {
		c, err := db.EnsureCategoryPath(b.Context(), p...)
		if err != nil {
			b.Fatal(err)
		}
		cats = append(cats, c)
	}
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	text := strings.Repeat("Türkçe haber metninin bir cümlesi burada yer alıyor. ", 40) // ~2 KB, as real bodies
	for i := range benchArticles {
		a := news.Article{Title: fmt.Sprintf("Haber %d", i), BodyText: text, BodyHTML: "<p>" + text + "</p>",
			CategoryID: cats[i%len(cats)].ID}
		if i%5 != 0 {
			a.PublishedAt = new(base.Add(time.Duration(i) * time.Minute))
		}
		if err := db.CreateArticle(b.Context(), &a); err != nil {
			b.Fatal(err)
		}
	}
	return db, cats[0].Ancestors[0]
}

func BenchmarkListArticles(b *testing.B) {
	db, root := seedBench(b)
	now := time.Now()
	filters := map[string]news.ArticleFilter{
		"Home":          {VisibleAt: &now, Limit: 20},
		"CategoryTree":  {VisibleAt: &now, CategoryID: &root.ID, Limit: 20},
		"DeepOffset":    {VisibleAt: &now, Limit: 20, Offset: 5000},
		"KeysetPage250": {VisibleAt: &now, Limit: 20, Before: new(time.Date(2024, 1, 10, 0, 0, 0, 0, time.UTC)), BeforeID: 1 << 40},
	}
	for name, f := range filters {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if list, total, err := db.ListArticles(b.Context(), f); err != nil || len(list) != 20 || total < benchArticles/3 {
					b.Fatalf("%d items, total %d, %v", len(list), total, err)
				}
			}
		})
	}
	b.Run("Article", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			if _, err := db.Article(b.Context(), int64(i%benchArticles+1)); err != nil {
				b.Fatal(err)
			}
		}
	})
}
