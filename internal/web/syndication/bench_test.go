package syndication

import (
	"fmt"
	"strings"
	"testing"
)

// benchItems is a front page's worth of articles with realistic body sizes.
func benchItems(n int) []Item {
	body := "<p>" + strings.Repeat("Ankara'da düzenlenen toplantıda öğretmenler görüş bildirdi. ", 50) + "</p>"
	items := make([]Item, n)
	for i := range items {
		p := pubKar
		items[i] = Item{ID: fmt.Sprint(i), Title: titleKar, Link: fmt.Sprintf("https://manset.example/haber/%d", i),
			Summary: "Özet", ContentHTML: body, Author: "Ayşe Çağlar", Category: "Gündem", Published: &p}
	}
	return items
}

func BenchmarkRSS50(b *testing.B) {
	items := benchItems(50)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := RSS(sampleChannel(), items); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSitemap50k(b *testing.B) {
	urls := make([]URL, MaxSitemapURLs)
	for i := range urls {
		urls[i] = URL{Loc: fmt.Sprintf("https://manset.example/haber/şehir-haberi-%d", i), LastMod: pubKar}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Sitemap(urls); err != nil {
			b.Fatal(err)
		}
	}
}
