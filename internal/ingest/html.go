package ingest

import (
	"strings"
	"sync"

	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"
)

// bodyPolicy allows the formatting an article body needs and nothing that
// runs: no scripts, styles, event handlers or javascript: links.
var bodyPolicy = sync.OnceValue(func() *bluemonday.Policy {
	p := bluemonday.UGCPolicy()
	p.RequireNoFollowOnLinks(true)
	p.AllowElements("figure", "figcaption")
	return p
})

func sanitizeHTML(s string) string { return bodyPolicy().Sanitize(s) }

// blockTags end a paragraph when converting HTML to text.
var blockTags = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "blockquote": true, "figcaption": true, "tr": true,
}

// textFromHTML turns a body fragment into paragraphs separated by blank lines.
func textFromHTML(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return strings.TrimSpace(b.String())
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			if n := string(name); n == "script" || n == "style" {
				skip++
			} else if blockTags[n] {
				b.WriteString("\n\n")
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if n := string(name); n == "script" || n == "style" {
				skip = max(0, skip-1)
			} else if blockTags[n] {
				b.WriteString("\n\n")
			}
		}
	}
}
