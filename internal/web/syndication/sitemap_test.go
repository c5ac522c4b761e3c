package syndication

import (
	"encoding/xml"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

type parsedURLSet struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []struct {
		Loc        string `xml:"loc"`
		LastMod    string `xml:"lastmod"`
		ChangeFreq string `xml:"changefreq"`
		Priority   string `xml:"priority"`
		News       *struct {
			Name     string `xml:"publication>name"`
			Language string `xml:"publication>language"`
			Date     string `xml:"publication_date"`
			Title    string `xml:"title"`
		} `xml:"http://www.google.com/schemas/sitemap-news/0.9 news"`
	} `xml:"url"`
}

func parseURLSet(t *testing.T, out []byte) parsedURLSet {
	t.Helper()
	var set parsedURLSet
	if err := xml.Unmarshal(out, &set); err != nil {
		t.Fatalf("output does not parse: %v\n%s", err, out)
	}
	return set
}

func sampleURLs() []URL {
	return []URL{
		{Loc: "https://manset.example/", LastMod: buildTime, ChangeFreq: "hourly", Priority: 1},
		{Loc: "https://manset.example/haber/çığ-düştü-şırnak", LastMod: pubKar},
		{Loc: "https://manset.example/ara?q=a&kategori=<gündem>"},
		{Loc: "https://manset.example/kategori/d%C3%BCnya", ChangeFreq: "daily", Priority: 0.85},
	}
}

func TestSitemap(t *testing.T) {
	out, err := Sitemap(sampleURLs())
	if err != nil {
		t.Fatal(err)
	}
	set := parseURLSet(t, out)
	if len(set.URLs) != 4 {
		t.Fatalf("got %d urls", len(set.URLs))
	}
	tests := []struct{ loc, lastmod, freq, prio string }{
		{"https://manset.example/", "2025-03-14T12:00:00+03:00", "hourly", "1.0"},
		{"https://manset.example/haber/%C3%A7%C4%B1%C4%9F-d%C3%BC%C5%9Ft%C3%BC-%C5%9F%C4%B1rnak", "2025-03-14T09:30:00+03:00", "", ""},
		{"https://manset.example/ara?q=a&kategori=%3Cg%C3%BCndem%3E", "", "", ""},
		{"https://manset.example/kategori/d%C3%BCnya", "", "daily", "0.85"},
	}
	for i, want := range tests {
		got := set.URLs[i]
		if got.Loc != want.loc || got.LastMod != want.lastmod || got.ChangeFreq != want.freq || got.Priority != want.prio {
			t.Errorf("url %d = %+v, want %+v", i, got, want)
		}
	}
	if !strings.Contains(string(out), "?q=a&amp;kategori=") {
		t.Error("ampersand in loc is not entity-escaped")
	}
}

func TestSitemap_Invalid(t *testing.T) {
	tests := []struct {
		name string
		u    URL
	}{
		{"empty loc", URL{Loc: "  "}},
		{"relative loc", URL{Loc: "/haber/x"}},
		{"bad changefreq", URL{Loc: "https://a.example/", ChangeFreq: "sometimes"}},
		{"priority too high", URL{Loc: "https://a.example/", Priority: 1.5}},
		{"loc too long", URL{Loc: "https://a.example/" + strings.Repeat("ş", 400)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Sitemap([]URL{tt.u}); err == nil {
				t.Errorf("Sitemap(%+v) succeeded", tt.u)
			}
		})
	}
}

func TestSitemap_Limit(t *testing.T) {
	urls := make([]URL, MaxSitemapURLs+1)
	for i := range urls {
		urls[i] = URL{Loc: fmt.Sprintf("https://manset.example/haber/%d", i)}
	}
	if _, err := Sitemap(urls); !errors.Is(err, ErrTooManyURLs) {
		t.Errorf("50,001 urls: err = %v, want ErrTooManyURLs", err)
	}
	out, err := Sitemap(urls[:MaxSitemapURLs])
	if err != nil {
		t.Fatalf("50,000 urls: %v", err)
	}
	if n := len(parseURLSet(t, out).URLs); n != MaxSitemapURLs {
		t.Errorf("got %d urls, want %d", n, MaxSitemapURLs)
	}
}

func TestNewsSitemap(t *testing.T) {
	out, err := NewsSitemap("Manşet", "", sampleItems())
	if err != nil {
		t.Fatal(err)
	}
	set := parseURLSet(t, out)
	// The undated item in the middle is skipped.
	if len(set.URLs) != 2 {
		t.Fatalf("got %d urls, want 2:\n%s", len(set.URLs), out)
	}
	kar, borsa := set.URLs[0], set.URLs[1]
	if kar.Loc != "https://manset.example/haber/istanbulda-kar-yagisi" || borsa.Loc != "https://manset.example/haber/borsa-gune-yukselisle-basladi" {
		t.Errorf("locs = %q %q", kar.Loc, borsa.Loc)
	}
	n := kar.News
	if n == nil || n.Name != "Manşet" || n.Language != "tr" || n.Title != titleKar {
		t.Fatalf("news = %+v", n)
	}
	if got, err := time.Parse(time.RFC3339, n.Date); err != nil || !got.Equal(pubKar) {
		t.Errorf("publication_date %q, want %v", n.Date, pubKar)
	}
	if borsa.News.Title != titleBorsa {
		t.Errorf("title not cleaned: %q", borsa.News.Title)
	}
}

func TestNewsSitemap_Limit(t *testing.T) {
	items := make([]Item, MaxNewsURLs+5)
	for i := range items {
		p := pubKar.Add(-time.Duration(i) * time.Minute)
		items[i] = Item{Link: fmt.Sprintf("https://manset.example/haber/%d", i), Title: "Haber", Published: &p}
	}
	out, err := NewsSitemap("Manşet", "tr", items)
	if err != nil {
		t.Fatal(err)
	}
	set := parseURLSet(t, out)
	if len(set.URLs) != MaxNewsURLs || set.URLs[0].Loc != "https://manset.example/haber/0" {
		t.Errorf("got %d urls starting %q, want the first %d", len(set.URLs), set.URLs[0].Loc, MaxNewsURLs)
	}
}

func TestSitemap_Golden(t *testing.T) {
	out, err := Sitemap(sampleURLs())
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "sitemap.xml", out)
	news, err := NewsSitemap("Manşet", "tr", sampleItems())
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "sitemap-news.xml", news)
}
