package ingesttest

import (
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"strings"
	"time"

	"golang.org/x/text/encoding/charmap"
)

func paras(s story) string {
	var b strings.Builder
	for _, p := range s.Paras {
		b.WriteString("<p>" + html.EscapeString(p) + "</p>\n")
	}
	return b.String()
}

// crumbsLD is a JSON-LD BreadcrumbList, as many Turkish outlets publish.
func crumbsLD(s story) string {
	if len(s.Crumbs) == 0 {
		return ""
	}
	var items []map[string]any
	for i, c := range s.Crumbs {
		items = append(items, map[string]any{"@type": "ListItem", "position": i + 1, "name": c})
	}
	b, _ := json.Marshal(map[string]any{"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items})
	return `<script type="application/ld+json">` + string(b) + `</script>`
}

// pageA has a cookie banner, a menu, a "Son Dakika" ticker, share buttons,
// an ad slot, related links and a comment form around the article.
func (w *Web) pageA(s story) string {
	esc := html.EscapeString(s.Title)
	return `<!doctype html><html lang="tr"><head><meta charset="utf-8"><title>` + esc + ` - Anadolu Postası</title>
<link rel="canonical" href="` + w.A.URL + s.Path + `">
<meta property="og:site_name" content="Anadolu Postası"><meta property="og:title" content="` + esc + `">
<meta property="article:published_time" content="` + w.at(s).Format(time.RFC3339) + `">` + crumbsLD(s) + `
</head><body>
<div class="cookie-banner">Sitemizde çerezler kullanılmaktadır. Detaylı bilgi için çerez politikamızı okuyun. <button>Kabul Et</button></div>
<header><nav class="menu"><a href="/">Ana Sayfa</a> <a href="/gundem/">Gündem</a> <a href="/ekonomi/">Ekonomi</a> <a href="/spor/">Spor</a></nav></header>
<div class="breaking">Son Dakika: Borsa İstanbul güne yükselişle başladı</div>
<main><article class="news-detail"><h1>` + esc + `</h1>
<div class="share">Paylaş <a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a></div>
<div class="news-content">` + paras(s) + `</div>
<div class="ad-slot">Reklam Alanı</div>
</article>
<aside class="related"><h3>İlgili Haberler</h3><ul><li><a href="/gundem/baska-bir-haber-1">Kayseri'de yeni park açıldı</a></li><li><a href="/ekonomi/baska-bir-haber-2">Altın fiyatları geriledi</a></li></ul></aside></main>
<section class="comments"><h3>Yorum Yaz</h3><form><textarea name="c"></textarea><button>Gönder</button></form><p>Yorum yapabilmek için giriş yapın.</p></section>
<footer>© 2026 Anadolu Postası. Tüm hakları saklıdır.</footer></body></html>`
}

// pageB is an older table layout in windows-1254, declared only in the page.
func (w *Web) pageB(s story) []byte {
	esc := html.EscapeString(s.Title)
	page := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1254">
<title>` + esc + ` | Karadeniz Gazetesi</title><meta name="description" content="` + html.EscapeString(s.Paras[0]) + `">` + crumbsLD(s) + `
</head><body><table width="100%"><tr><td class="ust">KARADENİZ GAZETESİ - Bölgenin sesi | Künye | İletişim | Abone Ol</td></tr>
<tr><td><div class="manset-bandi">Son Dakika Haberleri</div></td></tr>
<tr><td><div id="haber-detay"><h1>` + esc + `</h1><span class="tarih">` + w.at(s).In(time.FixedZone("TRT", 3*3600)).Format("02.01.2006 15:04") + `</span>
<div id="haber-metni">` + paras(s) + `</div></div>
<div class="reklam">REKLAM</div><div class="paylas">Bu haberi paylaş: Facebook Twitter</div>
<div class="diger"><b>Diğer Haberler</b><br><a href="/haber/1">Rize'de çay kampanyası</a><br><a href="/haber/2">Ordu'da fındık hasadı</a></div>
</td></tr><tr><td class="alt">Karadeniz Gazetesi © Her hakkı saklıdır. İzinsiz kullanılamaz.</td></tr></table></body></html>`
	out, err := charmap.Windows1254.NewEncoder().String(page)
	if err != nil {
		panic(err)
	}
	return []byte(out)
}

// pageC is a blog-like theme with a sidebar and a newsletter box.
func (w *Web) pageC(s story) string {
	esc := html.EscapeString(s.Title)
	return `<!DOCTYPE html><html lang="tr"><head><meta charset="UTF-8"><title>` + esc + `</title>
<meta property="og:site_name" content="Ege Haber"><meta property="article:published_time" content="` + w.at(s).Format(time.RFC3339) + `">
</head><body><div class="site-header"><a class="logo" href="/">Ege Haber</a><ul class="nav"><li><a href="/son-dakika">Son Dakika</a></li><li><a href="/kunye">Künye</a></li></ul></div>
<div class="container"><div class="post"><h1 class="entry-title">` + esc + `</h1>
<div class="entry-content">` + paras(s) + `</div>
<div class="post-tags">Etiketler: haber, ege</div></div>
<div class="sidebar"><div class="widget"><h4>Çok Okunanlar</h4><ol><li><a href="/haber/1">Bornova'da trafik düzenlemesi</a></li><li><a href="/haber/2">Çeşme'de festival</a></li></ol></div>
<div class="newsletter">Bültenimize abone olun! E-posta adresinizi yazın.</div></div></div>
<div class="footer">Ege Haber © 2026</div></body></html>`
}

func (w *Web) outletB() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /atom.xml", func(rw http.ResponseWriter, _ *http.Request) {
		rw.Header().Set("Content-Type", "application/atom+xml")
		fmt.Fprint(rw, w.atom())
	})
	for _, s := range []story{bTram, bSlide} {
		mux.HandleFunc("GET "+s.Path, func(rw http.ResponseWriter, _ *http.Request) {
			rw.Header().Set("Content-Type", "text/html") // charset only in the page
			rw.Write(w.pageB(s))
		})
	}
	return mux
}

func (w *Web) outletC() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /feed.json", func(rw http.ResponseWriter, _ *http.Request) {
		rw.Header().Set("Content-Type", "application/feed+json")
		fmt.Fprint(rw, w.jsonFeed())
	})
	mux.HandleFunc("GET /sitemap.xml", func(rw http.ResponseWriter, _ *http.Request) {
		rw.Header().Set("Content-Type", "application/xml")
		fmt.Fprintf(rw, `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>%s/sitemap-news.xml</loc></sitemap><sitemap><loc>%s/sitemap-pages.xml</loc></sitemap></sitemapindex>`, w.C.URL, w.C.URL)
	})
	mux.HandleFunc("GET /sitemap-news.xml", func(rw http.ResponseWriter, _ *http.Request) {
		rw.Header().Set("Content-Type", "application/xml")
		fmt.Fprintf(rw, `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>%s%s</loc><news:news><news:publication><news:name>Ege Haber</news:name><news:language>tr</news:language></news:publication>
<news:publication_date>%s</news:publication_date><news:title>%s</news:title></news:news></url></urlset>`,
			w.C.URL, cDrill.Path, w.at(cDrill).Format(time.RFC3339), html.EscapeString(cDrill.Title))
	})
	mux.HandleFunc("GET /sitemap-pages.xml", func(rw http.ResponseWriter, _ *http.Request) {
		rw.Header().Set("Content-Type", "application/xml")
		fmt.Fprintf(rw, `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>%s%s</loc><lastmod>%s</lastmod></url></urlset>`, w.C.URL, cSlide.Path, w.at(cSlide).Format("2006-01-02"))
	})
	mux.HandleFunc("GET /son-dakika", func(rw http.ResponseWriter, _ *http.Request) {
		rw.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(rw, `<html><body><h1>Son Dakika</h1><ul class="news-list">
<li><a href="%s">%s</a></li><li><a href="%s">%s</a></li></ul><a href="/kunye">Künye</a></body></html>`,
			cListed.Path, html.EscapeString(cListed.Title), cDrill.Path, html.EscapeString(cDrill.Title))
	})
	for _, s := range []story{cSlide, cFootball, cDrill, cListed} {
		mux.HandleFunc("GET "+s.Path, func(rw http.ResponseWriter, _ *http.Request) {
			rw.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(rw, w.pageC(s))
		})
	}
	return mux
}
