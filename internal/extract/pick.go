package extract

import (
	"cmp"
	"net/url"
	"strings"
	"unicode"

	"manset/internal/turkish"
)

// titleSeparators split "Headline - Site Name" in <title> and og:title.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " » ", " / "}

// pickTitle prefers og:title, then the JSON-LD headline, the first h1 and
// <title>, and drops a " - Site Name" suffix.
func (m *meta) pickTitle(site string) string {
	for _, t := range []string{m.prop("og:title"), m.ld.headline, m.h1, m.prop("twitter:title"), m.title} {
		if t = collapseSpace(htmlUnescape(t)); t != "" {
			return stripSiteSuffix(t, site)
		}
	}
	return ""
}

func htmlUnescape(s string) string {
	if strings.IndexByte(s, '&') < 0 {
		return s
	}
	return strings.NewReplacer("&amp;", "&", "&quot;", `"`, "&#39;", "'", "&apos;", "'", "&lt;", "<", "&gt;", ">").Replace(s)
}

// stripSiteSuffix removes a trailing (or leading) segment that names the
// site, or a short last segment that looks like one.
func stripSiteSuffix(t, site string) string {
	for _, sep := range titleSeparators {
		i := strings.LastIndex(t, sep)
		if i <= 0 {
			continue
		}
		head, tail := strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+len(sep):])
		if site != "" && sameText(tail, site) {
			return head
		}
		if site != "" && sameText(head, site) {
			return tail
		}
		if len(strings.Fields(tail)) <= 3 && len(tail)*3 < len(head) && looksLikeSiteName(tail) {
			return head
		}
	}
	return t
}

func sameText(a, b string) bool {
	return turkish.Fold(strings.TrimSpace(a)) == turkish.Fold(strings.TrimSpace(b))
}

// looksLikeSiteName reports a short segment made of capitalised words or a
// domain, like "Haber Gündem" or "example.com".
func looksLikeSiteName(s string) bool {
	if strings.Contains(s, ".") && !strings.Contains(s, " ") {
		return true
	}
	for _, w := range strings.Fields(s) {
		r := []rune(w)
		if len(r) == 0 || !(unicode.IsUpper(r[0]) || unicode.IsDigit(r[0])) {
			return false
		}
	}
	return true
}

// pickAuthor prefers JSON-LD authors, then meta tags, rel=author and
// byline elements.
func (m *meta) pickAuthor() string {
	if len(m.ld.authors) > 0 {
		return strings.Join(dedupe(m.ld.authors), ", ")
	}
	for _, a := range []string{m.prop("author"), m.prop("article:author"), m.prop("dc.creator"), m.prop("sailthru.author"), m.prop("parsely-author"), m.relAuthor, m.byline} {
		a = cleanAuthor(a)
		if a != "" {
			return a
		}
	}
	return ""
}

// cleanAuthor drops URLs and "By"/"Yazar:" labels from an author string.
func cleanAuthor(a string) string {
	a = collapseSpace(a)
	if a == "" || strings.HasPrefix(a, "http") || strings.Contains(a, "/") && !strings.Contains(a, " ") {
		return ""
	}
	for _, p := range []string{"Yazar:", "Yazan:", "Muhabir:", "Haber:", "By ", "by ", "Editör:"} {
		a = strings.TrimSpace(strings.TrimPrefix(a, p))
	}
	if len(a) > 100 {
		return ""
	}
	return a
}

func dedupe(xs []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// pickLang returns the page language as a two-letter code from the html
// lang attribute, og:locale or Content-Language; "" when none says.
func (m *meta) pickLang() string {
	for _, l := range []string{m.lang, m.prop("og:locale"), m.prop("content-language"), m.prop("language")} {
		l = strings.ToLower(strings.TrimSpace(l))
		if i := strings.IndexAny(l, "-_"); i > 0 {
			l = l[:i]
		}
		if len(l) == 2 || len(l) == 3 {
			return l
		}
	}
	return ""
}

// homeNames are breadcrumb roots that stand for the home page.
var homeNames = map[string]bool{
	"ana sayfa": true, "anasayfa": true, "home": true, "homepage": true,
	"home page": true, "giriş": true, "başlangıç": true,
}

// pickBreadcrumb returns the breadcrumb from JSON-LD or the page, without
// the home link and the article title.
func (m *meta) pickBreadcrumb(title string) []string {
	items := m.ld.breadcrumb
	if len(items) == 0 {
		items = m.breadcrumb
	}
	var out []string
	for i, it := range items {
		it = collapseSpace(it)
		if it == "" || (i == 0 && homeNames[turkish.Lower(it)]) {
			continue
		}
		if sameText(it, title) || (i == len(items)-1 && len(items) > 1 && len([]rune(it)) > 60) {
			continue
		}
		out = append(out, it)
	}
	return out
}

// pickCategory returns the section: JSON-LD articleSection, article:section,
// the breadcrumb's last item, or the first segment of the URL path.
func (m *meta) pickCategory(crumbs []string) string {
	if c := cmp.Or(m.ld.section, m.prop("article:section")); c != "" {
		return collapseSpace(c)
	}
	if len(crumbs) > 0 {
		return crumbs[len(crumbs)-1]
	}
	if m.sectionName != "" {
		return m.sectionName
	}
	return urlSection(cmp.Or(m.pageURL, m.canonical))
}

// linksToSection reports an href whose path is just /section or
// /section/.
func linksToSection(href, section string) bool {
	if i := strings.Index(href, "://"); i >= 0 {
		rest := href[i+3:]
		j := strings.IndexByte(rest, '/')
		if j < 0 {
			return false
		}
		href = rest[j:]
	}
	href = strings.TrimSuffix(href, "/")
	return href == "/"+section
}

// urlSegment returns the first path segment of u when the path has more
// than one and the first looks like a section name.
func urlSegment(u *url.URL) string {
	segs := strings.FieldsFunc(u.Path, func(r rune) bool { return r == '/' })
	if len(segs) < 2 {
		return ""
	}
	s := segs[0]
	if len(s) < 3 || len(s) > 30 || strings.ContainsAny(s, ".0123456789") {
		return ""
	}
	switch s {
	case "haber", "haberler", "news", "article", "articles", "amp", "tr", "en", "post", "posts", "blog":
		return ""
	}
	return s
}

// urlSection returns "Dünya"-like section names from paths such as
// /dunya/some-headline-123: the first segment when the path has more.
func urlSection(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	s := urlSegment(u)
	if s == "" {
		return ""
	}
	return turkish.Title(strings.ReplaceAll(s, "-", " "))
}
