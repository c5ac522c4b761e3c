package extract

import (
	"bytes"
	"strings"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"

	"manset/internal/news"
)

// CheckSelector reports whether css is a selector ApplySelector accepts.
func CheckSelector(css string) error {
	if _, err := cascadia.ParseGroup(css); err != nil {
		return news.Errorf(news.EINVALID, "Geçersiz CSS seçici %q: %v", css, err)
	}
	return nil
}

// ApplySelector replaces the body of x with the elements of the page that a
// CSS selector picks, for the rare source whose layout defeats the general
// extractor. Metadata stays as extracted. A selector that matches nothing
// keeps the extractor's body, so a redesigned site degrades, not breaks.
func ApplySelector(x news.Extracted, body []byte, contentType, selector string) (news.Extracted, error) {
	sel, err := cascadia.ParseGroup(selector)
	if err != nil {
		return x, news.Errorf(news.EINVALID, "geçersiz CSS seçici %q: %v", selector, err)
	}
	body, err = gunzip(body)
	if err != nil {
		return x, err
	}
	text, err := Decode(body, contentType)
	if err != nil {
		return x, err
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return x, news.Errorf(news.EINVALID, "sayfa ayrıştırılamadı: %v", err)
	}
	nodes := cascadia.QueryAll(doc, sel)
	var paras []string
	var raw bytes.Buffer
	for _, n := range nodes {
		paras = append(paras, nodeParagraphs(n)...)
		_ = html.Render(&raw, n)
	}
	if len(paras) == 0 {
		return x, nil
	}
	x.Text = strings.Join(paras, "\n\n")
	x.HTML = policy().Sanitize(raw.String())
	return x, nil
}

// selectorBlocks end a paragraph in nodeParagraphs.
var selectorBlocks = map[string]bool{"p": true, "div": true, "br": true, "li": true, "h1": true,
	"h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "blockquote": true, "tr": true, "figcaption": true}

// nodeParagraphs returns the visible text of n split into paragraphs at
// block elements, skipping scripts, styles and forms.
func nodeParagraphs(n *html.Node) []string {
	var paras []string
	var cur strings.Builder
	flush := func() {
		if s := strings.Join(strings.Fields(cur.String()), " "); s != "" {
			paras = append(paras, s)
		}
		cur.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "noscript", "form", "iframe", "button":
				return
			}
		}
		block := n.Type == html.ElementNode && selectorBlocks[n.Data]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(n)
	flush()
	return paras
}
