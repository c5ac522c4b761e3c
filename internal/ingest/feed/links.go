package feed

import (
	"bytes"
	"net/url"
	"path"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxLinks bounds what one listing page can yield.
const maxLinks = 5000

// nonArticleSegments are path parts that mark listing, taxonomy, account
// and utility pages rather than articles (English and Turkish).
var nonArticleSegments = map[string]bool{
	"tag": true, "tags": true, "etiket": true, "etiketler": true,
	"category": true, "categories": true, "kategori": true, "kategoriler": true,
	"author": true, "authors": true, "yazar": true, "yazarlar": true,
	"page": true, "sayfa": true, "login": true, "logout": true, "giris": true, "giris-yap": true,
	"uye-ol": true, "register": true, "kayit": true, "search": true, "arama": true,
	"feed": true, "rss": true, "wp-login.php": true, "wp-admin": true, "iletisim": true,
	"contact": true, "kunye": true, "hakkimizda": true, "about": true,
}

// skippedExtensions are files, not articles.
var skippedExtensions = map[string]bool{
	".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true, ".svg": true,
	".css": true, ".js": true, ".pdf": true, ".xml": true, ".rss": true, ".zip": true,
	".mp4": true, ".mp3": true, ".ico": true,
}

// DiscoverLinks returns the links on a listing (section) page that look like
// articles: on the page's host, and either at least two path segments deep,
// or carrying a numeric id, or a slug with three or more dashes. Taxonomy,
// pagination, account and fragment links are left out. Links are absolute,
// without fragments, de-duplicated, in page order.
func DiscoverLinks(htmlBody []byte, pageURL string) []string {
	base, err := url.Parse(strings.TrimSpace(pageURL))
	if err != nil || base.Host == "" {
		return nil
	}
	var out []string
	seen := map[string]bool{base.String(): true}
	z := html.NewTokenizer(bytes.NewReader(htmlBody))
	for len(out) < maxLinks {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		if !hasAttr {
			continue
		}
		switch atom.Lookup(name) {
		case atom.Base:
			if b := attr(z, "href"); b != "" {
				if u, err := base.Parse(b); err == nil {
					base = u
				}
			}
		case atom.A:
			if u := articleURL(base, attr(z, "href")); u != "" && !seen[u] {
				seen[u] = true
				out = append(out, u)
			}
		}
	}
	return out
}

// attr returns the named attribute of the current tag. It must run before
// the tokenizer moves on.
func attr(z *html.Tokenizer, key string) string {
	for {
		k, v, more := z.TagAttr()
		if string(k) == key {
			return strings.TrimSpace(string(v))
		}
		if !more {
			return ""
		}
	}
}

// articleURL resolves href and returns it when it looks like an article on
// base's site, else "".
func articleURL(base *url.URL, href string) string {
	if href == "" || strings.HasPrefix(href, "#") {
		return ""
	}
	u, err := base.Parse(href)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || !sameSite(u.Hostname(), base.Hostname()) {
		return ""
	}
	u.Fragment, u.RawFragment = "", ""
	if u.Query().Has("page") || u.Query().Has("sayfa") {
		return ""
	}
	if !articlePath(u.Path) {
		return ""
	}
	return u.String()
}

// sameSite compares hosts ignoring case and a leading "www.".
func sameSite(a, b string) bool {
	a = strings.TrimPrefix(strings.ToLower(a), "www.")
	b = strings.TrimPrefix(strings.ToLower(b), "www.")
	return a != "" && a == b
}

func articlePath(p string) bool {
	if skippedExtensions[strings.ToLower(path.Ext(p))] {
		return false
	}
	var segs []string
	for _, s := range strings.Split(p, "/") {
		if s == "" {
			continue
		}
		if nonArticleSegments[strings.ToLower(s)] {
			return false
		}
		segs = append(segs, s)
	}
	if len(segs) == 0 {
		return false
	}
	if len(segs) >= 2 {
		return true
	}
	last := segs[len(segs)-1]
	return hasNumericID(last) || strings.Count(last, "-") >= 3
}

// hasNumericID reports a run of at least four digits, as in
// "/haber-123456" or "/123456.html".
func hasNumericID(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			run++
			if run >= 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}
