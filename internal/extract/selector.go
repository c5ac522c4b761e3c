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
		return news.E(news.EINVALID, "selector.invalid", css, err)
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
		return x, news.E(news.EINVALID, "selector.invalid", selector, err)
	}
	body, err = gunzip(body)
	if err != nil {
		return x, err
	}
	text, err := decode(body, contentType)
	if err != nil {
		return x, err
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return x, news.E(news.EINVALID, "page.unparsable", err)
	}
	var raw bytes.Buffer
	for _, n := range cascadia.QueryAll(doc, sel) {
		_ = html.Render(&raw, n)
	}
	text = FragmentText(raw.String())
	if text == "" {
		return x, nil
	}
	x.Text = text
	x.HTML = policy().Sanitize(raw.String())
	return x, nil
}
