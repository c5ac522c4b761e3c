package extract

import (
	"cmp"
	"net/url"
	"strings"
	"sync"

	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// policy is the allowlist every extracted body passes through, on top of
// the allowlist renderHTML already applies.
var policy = sync.OnceValue(func() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements("p", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "figure",
		"figcaption", "strong", "em", "b", "i", "br", "pre", "table", "thead", "tbody",
		"tr", "td", "th")
	p.AllowAttrs("href").OnElements("a")
	p.AllowAttrs("src", "alt").OnElements("img")
	p.AllowURLSchemes("http", "https", "mailto")
	p.RequireParseableURLs(true)
	p.RequireNoFollowOnLinks(true)
	p.AddTargetBlankToFullyQualifiedLinks(false)
	return p
})

// Sanitize cuts an HTML body fragment down to the allowlist every stored
// article body passes through (paragraphs, headings, lists, quotes,
// figures, tables, links with rel=nofollow, images); nothing that runs.
func Sanitize(fragment string) string { return policy().Sanitize(fragment) }

// htmlWriter renders the kept blocks as clean HTML.
type htmlWriter struct {
	b     strings.Builder
	seg   *segmenter
	base  *url.URL
	block int32
	list  atom.Atom // open <ul>/<ol>, or 0
}

// renderHTML returns the kept blocks as sanitised HTML with absolute links.
func renderHTML(seg *segmenter, base *url.URL) string {
	w := &htmlWriter{seg: seg, base: base}
	for i := range seg.blocks {
		if seg.blocks[i].keep {
			w.writeBlock(int32(i))
		}
	}
	w.closeList()
	if w.b.Len() == 0 {
		return ""
	}
	return policy().Sanitize(w.b.String())
}

func (w *htmlWriter) writeBlock(i int32) {
	b := &w.seg.blocks[i]
	w.block = i
	tag := "p"
	switch {
	case b.heading >= 2:
		tag = [...]string{"h2", "h2", "h2", "h3", "h4", "h4", "h4"}[b.heading]
	case b.pre:
		tag = "pre"
	case b.listed:
		tag = "li"
	}
	if b.listed {
		w.openList(b.owner)
	} else {
		w.closeList()
	}
	if b.quote {
		w.b.WriteString("<blockquote>")
	}
	w.b.WriteString("<" + tag + ">")
	if len(b.roots) == 0 {
		w.b.WriteString(html.EscapeString(b.text))
	}
	for _, r := range b.roots {
		w.inline(r)
	}
	w.b.WriteString("</" + tag + ">")
	if b.quote {
		w.b.WriteString("</blockquote>")
	}
}

// openList opens a list for an item unless one is open.
func (w *htmlWriter) openList(owner *html.Node) {
	kind := atom.Ul
	for p := owner; p != nil; p = p.Parent {
		if p.DataAtom == atom.Ol || p.DataAtom == atom.Ul {
			kind = p.DataAtom
			break
		}
	}
	if w.list == kind {
		return
	}
	w.closeList()
	w.list = kind
	w.b.WriteString("<" + kind.String() + ">")
}

func (w *htmlWriter) closeList() {
	if w.list != 0 {
		w.b.WriteString("</" + w.list.String() + ">")
		w.list = 0
	}
}

// inline writes an inline node of the current block, keeping only the
// allowed markup.
func (w *htmlWriter) inline(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		if blk, ok := w.seg.textBlock[n]; ok && blk == w.block {
			w.b.WriteString(html.EscapeString(n.Data))
		}
		return
	case html.ElementNode:
	default:
		return
	}
	if skipped(n) || blockLevel(n) {
		return
	}
	switch n.DataAtom {
	case atom.Br:
		w.b.WriteString("<br>")
		return
	case atom.Img:
		w.image(n)
		return
	case atom.A:
		if href := w.resolve(attr(n, "href")); href != "" {
			w.b.WriteString(`<a href="` + html.EscapeString(href) + `" rel="nofollow">`)
			w.children(n)
			w.b.WriteString("</a>")
			return
		}
	case atom.Strong, atom.Em, atom.B, atom.I:
		w.b.WriteString("<" + n.Data + ">")
		w.children(n)
		w.b.WriteString("</" + n.Data + ">")
		return
	}
	w.children(n)
}

func (w *htmlWriter) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.inline(c)
	}
}

func (w *htmlWriter) image(n *html.Node) {
	src := attr(n, "src")
	if src == "" || strings.HasPrefix(src, "data:") {
		src = cmp.Or(attr(n, "data-src"), attr(n, "data-original"), attr(n, "data-lazy-src"))
	}
	if src = w.resolve(src); src == "" {
		return
	}
	w.b.WriteString(`<img src="` + html.EscapeString(src) + `" alt="` + html.EscapeString(attr(n, "alt")) + `">`)
}

// resolve makes a link absolute; it drops javascript:, data: and other
// schemes.
func (w *htmlWriter) resolve(ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || strings.HasPrefix(ref, "#") {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if w.base != nil {
		u = w.base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "mailto" {
		if w.base != nil || u.Scheme != "" {
			return ""
		}
	}
	return u.String()
}
