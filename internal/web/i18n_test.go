package web

import (
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestFormatDateEnglish(t *testing.T) {
	// 10:04 UTC is 13:04 in Istanbul.
	d := time.Date(2024, 11, 1, 10, 4, 0, 0, time.UTC)
	if got := formatDate(localeEN, d); got != "1 November 2024 13:04" {
		t.Errorf("en: %q", got)
	}
	if got := formatDate(localeTR, d); got != "1 Kasım 2024 13:04" {
		t.Errorf("tr: %q", got)
	}
}

// tCall matches a template's {{t "..."}} literal.
var tCall = regexp.MustCompile(`\{\{t "((?:[^"\\]|\\.)*)"\}\}`)

// TestCatalogCoversTemplates fails when a template marks a text for
// translation that has no English entry, so English pages never show a
// stray Turkish label.
func TestCatalogCoversTemplates(t *testing.T) {
	files, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil || len(files) == 0 {
		t.Fatal(files, err)
	}
	seen := 0
	for _, f := range files {
		b, _ := fs.ReadFile(templateFS, f)
		for _, m := range tCall.FindAllStringSubmatch(string(b), -1) {
			seen++
			if _, ok := catalogEN[m[1]]; !ok {
				t.Errorf("%s: no English for %q", f, m[1])
			}
		}
	}
	if seen < 20 {
		t.Errorf("only %d translated texts found; is the pattern stale?", seen)
	}
}

// getLang fetches path and returns the body, after checking the status.
func getLang(t *testing.T, s *testSite, path string, header ...string) (*http.Response, string) {
	t.Helper()
	resp, body := s.get(t, path, header...)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s %v: status %d", path, header, resp.StatusCode)
	}
	return resp, body
}

func TestLocalePages(t *testing.T) {
	s := newTestSite(t, 0)
	a := s.add(t, "Dil haberi", "dunya", 5)
	pages := map[string]struct{ tr, en []string }{
		"/": {
			tr: []string{"Son Haberler", ">Ana Sayfa<", `section-title">Manşet<`},
			en: []string{"Latest news", ">Home<", `section-title">Top story<`},
		},
		"/kategori/dunya": {
			tr: []string{"<title>Dünya Haberleri – ", ">Ana Sayfa<"},
			en: []string{"<title>Dünya news – ", ">Home<"},
		},
		"/haber/" + a.Slug: {
			tr: []string{">Paylaş<", "Bağlantıyı kopyala", "Yorum yaz", "E-posta adresiniz yayınlanmayacak"},
			en: []string{">Share<", "Copy link", "Leave a comment", "Your e-mail address will not be published. Required fields are marked *"},
		},
		"/ara?q=dil": {
			tr: []string{"<h1>Arama</h1>"},
			en: []string{"<h1>Search</h1>"},
		},
	}
	for path, want := range pages {
		t.Run(path, func(t *testing.T) {
			for _, v := range []struct {
				name   string
				header []string
				lang   string
			}{
				{"default", nil, "tr"},
				{"accept-tr", []string{"Accept-Language", "tr-TR,tr;q=0.9,en;q=0.8"}, "tr"},
				{"accept-en-stays-turkish", []string{"Accept-Language", "en-US,en;q=0.9"}, "tr"},
				{"query", nil, "en"},
				{"cookie-en", []string{"Cookie", "lang=en"}, "en"},
				{"cookie-tr-beats-accept", []string{"Cookie", "lang=tr", "Accept-Language", "en"}, "tr"},
			} {
				p := path
				if v.name == "query" {
					p += map[bool]string{true: "&", false: "?"}[strings.Contains(p, "?")] + "lang=en"
				}
				_, body := getLang(t, s, p, v.header...)
				wants, other := want.tr, want.en
				if v.lang == "en" {
					wants, other = want.en, want.tr
				}
				mustContain(t, body, `<html lang="`+v.lang+`">`)
				mustContain(t, body, wants...)
				mustNotContain(t, body, other...)
			}
		})
	}
}

// TestLocaleCache checks that each locale gets its own cached bytes: a
// page cached in English is not served to a Turkish reader, nor the other
// way round, in either order.
func TestLocaleCache(t *testing.T) {
	s := newTestSite(t, 0)
	s.add(t, "Önbellek dili", "dunya", 5)
	for _, path := range []string{"/", "/kategori/dunya"} {
		for round := 0; round < 2; round++ {
			_, en := getLang(t, s, path, "Cookie", "lang=en")
			_, tr := getLang(t, s, path)
			_, trAccept := getLang(t, s, path, "Accept-Language", "en")
			mustContain(t, en, `<html lang="en">`, ">Home<")
			mustContain(t, trAccept, `<html lang="tr">`, ">Ana Sayfa<")
			mustContain(t, tr, `<html lang="tr">`, ">Ana Sayfa<")
			mustNotContain(t, tr, ">Home<")
			mustNotContain(t, en, ">Ana Sayfa<")
		}
	}
	if n := s.srv.pages.len(); n != 4 {
		t.Errorf("%d cached pages, want 4 (two paths × two locales)", n)
	}
}

func TestLocaleCookieAndVary(t *testing.T) {
	s := newTestSite(t, 0)
	resp, _ := getLang(t, s, "/?lang=en")
	var lang *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == "lang" {
			lang = c
		}
	}
	if lang == nil || lang.Value != "en" || lang.Path != "/" || lang.MaxAge <= 0 {
		t.Fatalf("?lang=en set cookie %+v", lang)
	}
	if v := resp.Header.Get("Vary"); !strings.Contains(v, "Cookie") || !strings.Contains(v, "Accept-Encoding") {
		t.Errorf("HTML Vary %q", v)
	}
	// The cookie alone keeps English on the next page, without ?lang.
	_, body := getLang(t, s, "/kategori/dunya", "Cookie", lang.Name+"="+lang.Value)
	mustContain(t, body, `<html lang="en">`)
	// ?lang=tr switches back and rewrites the cookie.
	resp, body = getLang(t, s, "/?lang=tr", "Cookie", "lang=en")
	mustContain(t, body, `<html lang="tr">`, "Son Haberler")
	if c := resp.Cookies(); len(c) == 0 || c[0].Value != "tr" {
		t.Errorf("?lang=tr cookies %v", c)
	}
	// No choice, no cookie; feeds keep the plain Vary.
	resp, _ = getLang(t, s, "/", "Accept-Language", "en")
	if len(resp.Cookies()) != 0 {
		t.Errorf("Accept-Language alone set %v", resp.Cookies())
	}
	resp, _ = getLang(t, s, "/rss.xml")
	if v := resp.Header.Get("Vary"); v != "Accept-Encoding" {
		t.Errorf("feed Vary %q", v)
	}
}

func TestLocaleSwitchAndErrors(t *testing.T) {
	s := newTestSite(t, 0)
	_, tr := getLang(t, s, "/")
	mustContain(t, tr, `href="?lang=en"`, `aria-current="true" lang="tr">Türkçe`)
	_, en := getLang(t, s, "/?lang=en")
	mustContain(t, en, `href="?lang=tr"`, `aria-current="true" lang="en">English`)

	resp, body := s.get(t, "/yok-boyle-bir-sayfa", "Cookie", "lang=en")
	if resp.StatusCode != http.StatusNotFound {
		t.Fatalf("status %d", resp.StatusCode)
	}
	mustContain(t, body, `<html lang="en">`, "Page not found", "Back to the home page")
	_, body = s.get(t, "/yok-boyle-bir-sayfa")
	mustContain(t, body, `<html lang="tr">`, "Sayfa bulunamadı")
}

func TestArticleDatesEnglish(t *testing.T) {
	s := newTestSite(t, 0)
	// The clock is 2026-03-10 12:00 UTC; five minutes earlier is 14:55 in Istanbul.
	a := s.add(t, "Tarih dili", "dunya", 5)
	_, en := getLang(t, s, "/haber/"+a.Slug+"?lang=en")
	mustContain(t, en, "Published: <time", ">10 March 2026 14:55</time>")
	_, tr := getLang(t, s, "/haber/"+a.Slug)
	mustContain(t, tr, "Yayımlanma: <time", ">10 Mart 2026 14:55</time>")
}

func TestDropArticlePageDropsEveryLocale(t *testing.T) {
	s := newTestSite(t, 0)
	a := s.add(t, "Tepki dili", "dunya", 5)
	getLang(t, s, "/haber/"+a.Slug)
	getLang(t, s, "/haber/"+a.Slug, "Cookie", "lang=en")
	if n := s.srv.pages.len(); n != 2 {
		t.Fatalf("%d cached pages, want 2", n)
	}
	s.srv.dropArticlePage(a.Slug)
	if n := s.srv.pages.len(); n != 0 {
		t.Errorf("%d cached pages left after drop", n)
	}
}

func TestAccountPagesEnglish(t *testing.T) {
	site := newEngageSite(t, "http://manset.example")
	c := site.client(t)
	resp, body := site.do(t, c, "GET", "/giris?lang=en", nil)
	want(t, resp, body, http.StatusOK)
	mustContain(t, body, `<html lang="en">`, "Remember me", "Forgot my password", ">Log in<")
	mustNotContain(t, body, "Beni hatırla")

	// The client's cookie jar now carries lang=en.
	resp, body = site.do(t, c, "POST", "/kayit", url.Values{"name": {"Zeynep"}, "email": {"zeynep@example.com"},
		"password": {"kisa"}})
	want(t, resp, body, http.StatusBadRequest)
	mustContain(t, body, `<html lang="en">`, "Full name", "The password must be 8 to 256 characters long.")

	// An English browser alone does not switch the Turkish site.
	resp, body = site.do(t, nil, "GET", "/giris", nil, "Accept-Language", "en-US,en;q=0.9")
	want(t, resp, body, http.StatusOK)
	mustContain(t, body, `<html lang="tr">`, "Beni hatırla")
	resp, body = site.do(t, nil, "GET", "/giris", nil, "Accept-Language", "tr")
	want(t, resp, body, http.StatusOK)
	mustContain(t, body, `<html lang="tr">`, "Beni hatırla")
}

func TestLangSwitchKeepsWhatThePageShows(t *testing.T) {
	for _, tc := range []struct{ url, en string }{
		{"/", "?lang=en"},
		{"/?q=x&utm_source=y", "?lang=en"},
		{"/kategori/dunya?sayfa=2&utm_source=y", "?lang=en&sayfa=2"},
		{"/ara?q=merkez+bankas%C4%B1&kategori=dunya&lang=tr", "?kategori=dunya&lang=en&q=merkez+bankas%C4%B1"},
	} {
		r := httptest.NewRequest("GET", tc.url, nil)
		if got := switchURL(r, localeEN); got != tc.en {
			t.Errorf("switchURL(%s) = %q, want %q", tc.url, got, tc.en)
		}
	}
}

func TestArticleEngageEnglish(t *testing.T) {
	site := newEngageSite(t, "http://manset.example")
	a := site.add(t, "Tepki ve yorum dili", "dunya", 5)
	resp, body := site.do(t, nil, "GET", "/haber/"+a.Slug+"?lang=en", nil)
	want(t, resp, body, http.StatusOK)
	mustContain(t, body, ">Liked<", ">Noteworthy<", ">Reactions<", ">Post comment<",
		"Your e-mail address will not be published. Required fields are marked *",
		"Chat with KAI about this story", ">Ask<")
	mustNotContain(t, body, ">Beğendim<", "Yorumu gönder")

	// the engine's messages come in English too
	resp, body = site.do(t, nil, "POST", "/haber/"+a.Slug+"/yorum?lang=en", url.Values{"body": {"Merhaba"}})
	want(t, resp, body, http.StatusBadRequest)
	mustContain(t, body, "The comment form is invalid. Please reload the page and try again.")
	mustNotContain(t, body, "Yorum formu geçersiz")

	resp, body = site.do(t, nil, "GET", "/haber/"+a.Slug, nil)
	want(t, resp, body, http.StatusOK)
	mustContain(t, body, ">Beğendim<", "Yorumu gönder", "KAI ile Haber Hakkında Sohbet")
}

func TestCategoryPaginationEnglish(t *testing.T) {
	s := newTestSite(t, 0)
	for i := 0; i < 25; i++ {
		s.add(t, "Sayfa haberi "+strconv.Itoa(i), "dunya", i+1)
	}
	_, body := getLang(t, s, "/kategori/dunya?sayfa=2&lang=en")
	if !strings.Contains(body, "Next page") && !strings.Contains(body, "Previous page") {
		t.Fatalf("no English pagination in:\n%.3000s", body)
	}
	mustContain(t, body, "<title>Dünya news – Page 2 – ", "Previous page", "<span>Page 2 / ")
	mustNotContain(t, body, "Önceki sayfa", "Sonraki sayfa")
}

// An English page shows the engine's messages in English, values kept,
// whichever package raised them; the Turkish page keeps Turkish.
func TestEnglishPageShowsEngineErrors(t *testing.T) {
	site := newEngageSite(t, "http://manset.example")
	form := url.Values{"name": {"Zeynep"}, "email": {"zeynep@"}, "password": {"uzun-bir-parola"}}
	resp, body := site.do(t, nil, "POST", "/kayit?lang=en", form)
	want(t, resp, body, http.StatusBadRequest)
	mustContain(t, body, `<html lang="en">`, "Enter a valid e-mail address.")
	mustNotContain(t, body, "Geçerli bir e-posta adresi girin.")

	resp, body = site.do(t, nil, "POST", "/kayit", form)
	want(t, resp, body, http.StatusBadRequest)
	mustContain(t, body, `<html lang="tr">`, "Geçerli bir e-posta adresi girin.")

	// an English browser alone leaves the page, and its errors, Turkish
	resp, body = site.do(t, nil, "POST", "/kayit", form, "Accept-Language", "en")
	want(t, resp, body, http.StatusBadRequest)
	mustContain(t, body, "Geçerli bir e-posta adresi girin.")
}
