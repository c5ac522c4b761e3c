package extract

import (
	"cmp"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"manset/internal/news"
)

// meta is what the page says about itself outside the article text.
type meta struct {
	pageURL    string
	base       *url.URL // for resolving relative links; nil when unknown
	props      map[string]string
	title      string
	h1         string
	lang       string
	canonical  string
	relAuthor  string
	byline     string
	times      []string // <time datetime> values, in page order
	pubProp    string   // itemprop="datePublished"
	modProp    string   // itemprop="dateModified"
	breadcrumb []string
	ld         ldInfo
	// section is the first path segment of the page URL and sectionName
	// the text of a link to it, which keeps the Turkish letters a URL
	// loses ("/gundem" -> "Gündem").
	section, sectionName string
}

// readMeta walks the whole page once for metadata.
func readMeta(doc *html.Node, pageURL string) *meta {
	m := &meta{pageURL: strings.TrimSpace(pageURL), props: make(map[string]string, 32)}
	if u, err := url.Parse(pageURL); err == nil && u.IsAbs() {
		m.base = u
		m.section = urlSegment(u)
	}
	m.walk(doc)
	if href := attrBaseHref(doc); href != "" {
		if m.base != nil {
			if u, err := m.base.Parse(href); err == nil {
				m.base = u
			}
		} else if u, err := url.Parse(href); err == nil && u.IsAbs() {
			m.base = u
		}
	}
	return m
}

func attrBaseHref(doc *html.Node) string {
	if b := findFirst(doc, func(n *html.Node) bool { return n.DataAtom == atom.Base }); b != nil {
		return attr(b, "href")
	}
	return ""
}

func (m *meta) walk(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if m.element(c) {
			m.walk(c)
		}
	}
}

// element reads one element and reports whether to look inside it.
func (m *meta) element(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Html:
		m.lang = attr(n, "lang")
	case atom.Meta:
		m.readMetaTag(n)
		return false
	case atom.Link:
		m.readLink(n)
		return false
	case atom.Title:
		if m.title == "" {
			m.title = textOf(n)
		}
		return false
	case atom.Script:
		if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
			m.ld.add(n.FirstChild.Data)
		}
		return false
	case atom.Style, atom.Svg, atom.Noscript:
		return false
	case atom.H1:
		if m.h1 == "" {
			m.h1 = textOf(n)
		}
		return false
	case atom.Time:
		m.readTime(n)
	case atom.A:
		if m.relAuthor == "" && strings.Contains(attr(n, "rel"), "author") {
			m.relAuthor = textOf(n)
		}
		if m.section != "" && m.sectionName == "" && linksToSection(attr(n, "href"), m.section) {
			if t := textOf(n); t != "" && len(t) <= 40 {
				m.sectionName = t
			}
		}
	}
	m.readItemprop(n)
	return m.readRegion(n)
}

func (m *meta) readMetaTag(n *html.Node) {
	key := attr(n, "property")
	if key == "" {
		key = attr(n, "name")
	}
	if key == "" {
		key = attr(n, "itemprop")
	}
	if key == "" {
		key = attr(n, "http-equiv")
	}
	if key == "" {
		return
	}
	key = strings.ToLower(key)
	val := strings.TrimSpace(attr(n, "content"))
	if val == "" {
		return
	}
	if _, ok := m.props[key]; !ok {
		m.props[key] = val
	}
}

func (m *meta) readLink(n *html.Node) {
	rel := strings.ToLower(attr(n, "rel"))
	switch {
	case rel == "canonical" && m.canonical == "":
		m.canonical = strings.TrimSpace(attr(n, "href"))
	case rel == "author" && m.relAuthor == "":
		if t := attr(n, "title"); t != "" {
			m.relAuthor = t
		}
	}
}

func (m *meta) readTime(n *html.Node) {
	v := attr(n, "datetime")
	if v == "" {
		v = attr(n, "content")
	}
	if v == "" {
		v = textOf(n)
	}
	if v != "" {
		m.times = append(m.times, v)
	}
}

// readItemprop takes microdata dates and authors from any element.
func (m *meta) readItemprop(n *html.Node) {
	ip := attr(n, "itemprop")
	if ip == "" {
		return
	}
	val := attr(n, "datetime")
	if val == "" {
		val = attr(n, "content")
	}
	switch ip {
	case "datePublished":
		if m.pubProp == "" {
			m.pubProp = orText(val, n)
		}
	case "dateModified":
		if m.modProp == "" {
			m.modProp = orText(val, n)
		}
	case "author":
		if m.byline == "" {
			m.byline = orText(val, n)
		}
	}
}

func orText(v string, n *html.Node) string {
	if v != "" {
		return v
	}
	return textOf(n)
}

// readRegion reads breadcrumb trails and bylines marked by class names,
// and reports whether to look inside the element.
func (m *meta) readRegion(n *html.Node) bool {
	cls := strings.ToLower(attr(n, "class") + " " + attr(n, "id") + " " + attr(n, "aria-label"))
	switch {
	case len(m.breadcrumb) == 0 && (strings.Contains(cls, "breadcrumb") || strings.Contains(attr(n, "itemtype"), "BreadcrumbList")):
		m.breadcrumb = breadcrumbTrail(n)
		return false
	case m.byline == "" && (strings.Contains(cls, "byline") || strings.Contains(cls, "author-name") || strings.Contains(cls, "yazar")):
		if t := textOf(n); t != "" && len(t) < 120 {
			m.byline = t
		}
	}
	return true
}

// breadcrumbTrail returns the item texts of a breadcrumb element: its list
// items, or its links when it has no list.
func breadcrumbTrail(n *html.Node) []string {
	var items []string
	var collect func(*html.Node, atom.Atom)
	collect = func(p *html.Node, want atom.Atom) {
		for c := p.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipped(c) {
				continue
			}
			if c.DataAtom == want {
				if t := textOf(c); t != "" {
					items = append(items, t)
				}
				continue
			}
			collect(c, want)
		}
	}
	collect(n, atom.Li)
	if len(items) == 0 {
		collect(n, atom.A)
	}
	if len(items) == 0 {
		for _, part := range strings.FieldsFunc(textOf(n), func(r rune) bool { return strings.ContainsRune("›»>/|", r) }) {
			if p := strings.TrimSpace(part); p != "" {
				items = append(items, p)
			}
		}
	}
	return items
}

// articleBodyNorm returns the JSON-LD articleBody with white space
// collapsed, when it is long enough to guide the extraction.
func (m *meta) articleBodyNorm() string {
	b := m.ld.articleBody
	if len(b) < 400 {
		return ""
	}
	return collapseSpace(html.UnescapeString(b))
}

// prop returns the first non-empty meta content among keys.
func (m *meta) prop(keys ...string) string {
	for _, k := range keys {
		if v := m.props[k]; v != "" {
			return v
		}
	}
	return ""
}

// resolve makes ref absolute against the page URL; it returns ref as is
// when there is no base, and "" for javascript: and data: links.
func (m *meta) resolve(ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	if m.base != nil {
		u = m.base.ResolveReference(u)
	}
	return u.String()
}

// extracted fills the metadata fields of a news.Extracted.
func (m *meta) extracted() news.Extracted {
	var e news.Extracted
	e.URL = m.pageURL
	e.SiteName = cmp.Or(m.prop("og:site_name"), m.ld.publisher, m.prop("application-name"))
	e.Title = m.pickTitle(e.SiteName)
	e.CanonicalURL = m.resolve(cmp.Or(m.canonical, m.prop("og:url"), m.ld.url))
	if e.URL == "" {
		e.URL = e.CanonicalURL
	}
	e.Author = m.pickAuthor()
	e.Summary = collapseSpace(html.UnescapeString(cmp.Or(m.prop("og:description"), m.prop("description"), m.ld.description, m.prop("twitter:description"))))
	e.Image = m.resolve(cmp.Or(m.prop("og:image"), m.prop("og:image:url"), m.prop("og:image:secure_url"), m.ld.image, m.prop("twitter:image"), m.prop("twitter:image:src")))
	e.Lang = m.pickLang()
	e.Breadcrumb = m.pickBreadcrumb(e.Title)
	e.Category = m.pickCategory(e.Breadcrumb)
	e.PublishedAt, e.ModifiedAt = m.pickDates()
	return e
}
