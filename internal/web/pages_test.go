package web

import (
	"encoding/json"
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"manset/internal/news"
)

func TestHome(t *testing.T) {
	s := newTestSite(t, 0)
	s.add(t, "Eski dünya haberi", "dunya", 50)
	s.add(t, "Seçim sonuçları açıklandı", "dunya", 30, func(a *news.Article) { a.Featured = 1 })
	s.add(t, "Derbi berabere bitti", "spor", 10, func(a *news.Article) { a.Image = "https://img.example/derbi.jpg" })
	s.add(t, "İkinci manşet", "ekonomi", 20, func(a *news.Article) { a.Featured = 2 })

	body := s.mustGet(t, "/", 200)
	manset := section(t, body, `class="manset"`)
	mustContain(t, manset, "Manşet", "Seçim sonuçları açıklandı", "İkinci manşet")
	lead, _, _ := strings.Cut(section(t, manset, `class="lead"`), "</article>")
	mustContain(t, lead, "Seçim sonuçları açıklandı")
	mustNotContain(t, lead, "Derbi berabere bitti")
	mustContain(t, body, "Son Haberler", "Derbi berabere bitti", ">Dünya</a>", ">Spor</a>", ">Ekonomi</a>",
		`href="/kategori/dunya"`, `action="/ara"`, `lang="tr"`, `class="skip-link"`)
}

func TestHome_LeadFallsBackToNewestWithImage(t *testing.T) {
	s := newTestSite(t, 0)
	s.add(t, "Resimli haber", "dunya", 30, func(a *news.Article) { a.Image = "https://img.example/a.jpg" })
	s.add(t, "En yeni resimsiz", "dunya", 5)
	lead, _, _ := strings.Cut(section(t, s.mustGet(t, "/", 200), `class="lead"`), "</article>")
	mustContain(t, lead, "Resimli haber")
}

// section returns body from the element whose opening tag contains marker
// up to the end of the following 4000 bytes, enough for one block.
func section(t *testing.T, body, marker string) string {
	t.Helper()
	i := strings.Index(body, marker)
	if i < 0 {
		t.Fatalf("no %s in page", marker)
	}
	return body[i:min(len(body), i+4000)]
}

var relRe = regexp.MustCompile(`<link rel="(prev|next)" href="([^"]+)">`)

func TestCategoryPagination(t *testing.T) {
	s := newTestSite(t, 0)
	for i := range 45 {
		s.add(t, "Dünya haberi "+string(rune('A'+i%26))+strings.Repeat("x", i/26), "dunya", i+1)
	}
	s.add(t, "Spor haberi", "spor", 1)
	tests := []struct {
		path       string
		items      int
		prev, next string
	}{
		{"/kategori/dunya", 20, "", testBaseURL + "/kategori/dunya?sayfa=2"},
		{"/kategori/dunya?sayfa=2", 20, testBaseURL + "/kategori/dunya", testBaseURL + "/kategori/dunya?sayfa=3"},
		{"/kategori/dunya?sayfa=3", 5, testBaseURL + "/kategori/dunya?sayfa=2", ""},
		{"/kategori/haberler?sayfa=3", 6, testBaseURL + "/kategori/haberler?sayfa=2", ""}, // children included
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			body := s.mustGet(t, tt.path, 200)
			if n := strings.Count(body, `class="card"`); n != tt.items {
				t.Errorf("%d articles, want %d", n, tt.items)
			}
			links := map[string]string{}
			for _, m := range relRe.FindAllStringSubmatch(body, -1) {
				links[m[1]] = m[2]
			}
			if links["prev"] != tt.prev || links["next"] != tt.next {
				t.Errorf("rel links %v, want prev=%q next=%q", links, tt.prev, tt.next)
			}
		})
	}
	body := s.mustGet(t, "/kategori/dunya?sayfa=2", 200)
	crumbs := section(t, body, `class="breadcrumb"`)
	mustContain(t, crumbs, `<a href="/">Ana Sayfa</a>`, `<a href="/kategori/haberler">Haberler</a>`, `aria-current="page">Dünya<`)
	mustContain(t, body, "Önceki sayfa", "Sonraki sayfa")
	for _, bad := range []string{"/kategori/dunya?sayfa=4", "/kategori/dunya?sayfa=abc", "/kategori/dunya?sayfa=0", "/kategori/yok"} {
		s.mustGet(t, bad, 404)
	}
}

var ldRe = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

// jsonLD returns the JSON-LD blocks of a page by @type.
func jsonLD(t *testing.T, body string) map[string]map[string]any {
	t.Helper()
	out := map[string]map[string]any{}
	for _, m := range ldRe.FindAllStringSubmatch(body, -1) {
		var v map[string]any
		if err := json.Unmarshal([]byte(m[1]), &v); err != nil {
			t.Fatalf("JSON-LD does not parse: %v\n%s", err, m[1])
		}
		out[v["@type"].(string)] = v
	}
	return out
}

// metaContent returns the content of <meta property|name=key>, unescaped.
func metaContent(body, key string) (string, bool) {
	re := regexp.MustCompile(`<meta (?:property|name)="` + regexp.QuoteMeta(key) + `" content="([^"]*)">`)
	m := re.FindStringSubmatch(body)
	if m == nil {
		return "", false
	}
	return html.UnescapeString(m[1]), true
}

func TestArticlePage(t *testing.T) {
	s := newTestSite(t, 0)
	src := &news.Source{Name: "Örnek Ajans", Kind: news.SourceFeed, URL: "https://ajans.example/rss", HomeURL: "https://ajans.example/"}
	if err := s.db.CreateSource(t.Context(), src); err != nil {
		t.Fatal(err)
	}
	a := s.add(t, "Yoldaş Putin'den açıklama & yanıt", "dunya", 60, func(a *news.Article) {
		a.Image = "https://img.example/putin.jpg"
		a.SourceID = src.ID
		a.SourceURL = "https://ajans.example/haber/1"
	})
	other := s.add(t, "Başka bir dünya haberi", "dunya", 30)
	body := s.mustGet(t, "/haber/"+a.Slug, 200)
	pageURL := testBaseURL + "/haber/" + a.Slug

	crumbs := section(t, body, `class="breadcrumb"`)
	mustContain(t, crumbs, "Ana Sayfa", "Haberler", "Dünya")
	mustContain(t, body,
		"<h1>Yoldaş Putin&#39;den açıklama &amp; yanıt</h1>",
		`<p class="spot">Yoldaş Putin&#39;den açıklama &amp; yanıt hakkında kısa spot.</p>`,
		`<link rel="canonical" href="`+pageURL+`">`,
		"Yazar: Ayşe Yılmaz",
		`Kaynak: <a href="https://ajans.example/haber/1" rel="nofollow">Örnek Ajans</a>`,
		`<time datetime="2026-03-10T11:00:00Z">10 Mart 2026 14:00</time>`,
		"<p>Birinci paragraf.</p>", "<p>İkinci paragraf.</p>",
		"Paylaş", `id="copy-link"`, "Bağlantıyı kopyala", `id="share-url" type="text" readonly value="`+pageURL+`"`,
		`<section id="reactions"`, "Tepkiler", `<section id="comments"`, "Yorumlar",
		`<section id="kai"`, "KAI ile Haber Hakkında Sohbet",
		"İlgili Haberler", other.Title)
	mustNotContain(t, body, "Güncellendi", "Sisteme eklenme", "Reklam")

	enc := url.QueryEscape(pageURL)
	for _, share := range []string{
		"https://twitter.com/intent/tweet?url=" + enc + "&amp;text=",
		"https://www.facebook.com/sharer/sharer.php?u=" + enc,
		"https://wa.me/?text=",
		"https://t.me/share/url?url=" + enc + "&amp;text=",
		"mailto:?subject=",
	} {
		mustContain(t, body, `href="`+share)
	}

	ld := jsonLD(t, body)
	art, ok := ld["NewsArticle"]
	if !ok {
		t.Fatalf("no NewsArticle JSON-LD; have %v", ld)
	}
	if art["headline"] != a.Title || art["datePublished"] != "2026-03-10T11:00:00Z" || art["articleSection"] != "Dünya" {
		t.Errorf("NewsArticle = %v", art)
	}
	for _, k := range []string{"description", "author", "image", "publisher", "mainEntityOfPage", "dateModified"} {
		if art[k] == nil {
			t.Errorf("NewsArticle lacks %s", k)
		}
	}
	crumbsLD, ok := ld["BreadcrumbList"]
	if !ok || len(crumbsLD["itemListElement"].([]any)) != 4 {
		t.Errorf("BreadcrumbList = %v", crumbsLD)
	}
	for key, want := range map[string]string{
		"og:type": "article", "og:title": a.Title, "og:url": pageURL, "og:image": a.Image,
		"og:site_name": "Manşet", "article:published_time": "2026-03-10T11:00:00Z",
		"twitter:card": "summary_large_image", "og:description": a.Summary,
	} {
		if got, _ := metaContent(body, key); got != want {
			t.Errorf("%s = %q, want %q", key, got, want)
		}
	}
}

func TestArticlePage_Dates(t *testing.T) {
	s := newTestSite(t, 0)
	modified := s.add(t, "Düzeltilen haber", "dunya", 120, func(a *news.Article) {
		m := a.PublishedAt.Add(90 * time.Minute)
		a.ModifiedAt = &m
	})
	barely := s.add(t, "Hemen düzeltilen", "dunya", 120, func(a *news.Article) {
		m := a.PublishedAt.Add(20 * time.Second)
		a.ModifiedAt = &m
	})
	undated := s.add(t, "Tarihsiz haber", "dunya", 0, func(a *news.Article) { a.PublishedAt = nil })

	body := s.mustGet(t, "/haber/"+modified.Slug, 200)
	mustContain(t, body, `Güncellendi: <time datetime="2026-03-10T11:30:00Z">10 Mart 2026 14:30</time>`)
	body = s.mustGet(t, "/haber/"+barely.Slug, 200)
	mustNotContain(t, body, "Güncellendi")

	body = s.mustGet(t, "/haber/"+undated.Slug, 200)
	mustContain(t, body, "Sisteme eklenme:", "yayın tarihi bilinmiyor", `datetime="2026-03-10T12:00:00Z"`)
	mustNotContain(t, body, "Yayımlanma:", "article:published_time")
	art := jsonLD(t, body)["NewsArticle"]
	if _, ok := art["datePublished"]; ok {
		t.Errorf("undated article has datePublished: %v", art)
	}
	if _, ok := art["dateModified"]; ok {
		t.Errorf("undated article has dateModified: %v", art)
	}
}

func TestArticlePage_AdsAndDisclaimer(t *testing.T) {
	s := newTestSite(t, 0)
	a := s.add(t, "Reklamlı haber", "dunya", 5)
	body := s.mustGet(t, "/haber/"+a.Slug, 200)
	mustNotContain(t, body, `class="ad `, "Reklam Alanı", "disclaimer")

	s.setting(t, "ad.article_top", `<a href="https://reklam.example/"><img src="https://reklam.example/banner.png" alt="Sponsor"></a>`)
	s.setting(t, "ad.sidebar", "  ")
	s.setting(t, "site.disclaimer", "Haberlerdeki görüşler yazarlarına aittir.")
	s.setting(t, "site.name", "Gündem Postası")
	body = s.mustGet(t, "/haber/"+a.Slug, 200)
	mustContain(t, body, `<div class="ad ad-article-top"><a href="https://reklam.example/"><img src="https://reklam.example/banner.png" alt="Sponsor"></a></div>`,
		"Haberlerdeki görüşler yazarlarına aittir.", "Gündem Postası")
	mustNotContain(t, body, "ad-sidebar", "ad-header", "ad-article-bottom")
}

func TestNotFound(t *testing.T) {
	s := newTestSite(t, 0)
	due := s.clock.Now().Add(time.Hour)
	scheduled := s.add(t, "Gelecek haber", "dunya", 0, func(a *news.Article) {
		a.Status, a.PublishedAt = news.StatusScheduled, &due
	})
	draft := s.add(t, "Taslak haber", "dunya", 0, func(a *news.Article) { a.Status = news.StatusDraft })
	for _, p := range []string{"/yok", "/haber/olmayan-haber", "/haber/" + scheduled.Slug, "/haber/" + draft.Slug, "/kategori/olmayan"} {
		resp, body := s.get(t, p)
		if resp.StatusCode != 404 {
			t.Errorf("GET %s: status %d, want 404", p, resp.StatusCode)
		}
		mustContain(t, body, "Sayfa bulunamadı", `lang="tr"`, "Ana Sayfa")
	}
}

func TestXSSEscaped(t *testing.T) {
	s := newTestSite(t, 0)
	a := s.add(t, "<script>alert(1)</script>", "dunya", 5, func(a *news.Article) {
		a.Summary = `"><img src=x onerror=alert(2)>`
		a.Author = "</script><script>alert(3)</script>"
	})
	for _, p := range []string{"/haber/" + a.Slug, "/", "/kategori/dunya"} {
		body := s.mustGet(t, p, 200)
		mustNotContain(t, body, "<script>alert", "<img src=x", "</script><script>")
	}
	body := s.mustGet(t, "/haber/"+a.Slug, 200)
	mustContain(t, body, "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>")
	if got, _ := metaContent(body, "og:title"); got != a.Title {
		t.Errorf("og:title = %q", got)
	}
	if got := jsonLD(t, body)["NewsArticle"]["headline"]; got != a.Title {
		t.Errorf("JSON-LD headline = %q", got)
	}
}

func TestSecurityHeaders(t *testing.T) {
	s := newTestSite(t, 0)
	for _, p := range []string{"/", "/yok", "/api/v1/categories"} {
		resp, _ := s.get(t, p)
		for k, want := range map[string]string{
			"X-Content-Type-Options": "nosniff",
			"Referrer-Policy":        "strict-origin-when-cross-origin",
		} {
			if got := resp.Header.Get(k); got != want {
				t.Errorf("%s: %s = %q, want %q", p, k, got, want)
			}
		}
		csp := resp.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "frame-ancestors 'none'") || !strings.Contains(csp, "script-src 'self'") {
			t.Errorf("%s: CSP %q", p, csp)
		}
	}
}
