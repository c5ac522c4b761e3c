package web

import (
	"html"
	"regexp"
	"strings"

	"github.com/microcosm-cc/bluemonday"

	"manset/internal/extract"
)

// adminBodyPolicy is the formatting an article body may keep: paragraphs,
// bold and italic, links, lists, subheadings and quotes. Everything else
// (scripts, event handlers, styles, javascript: links) is removed.
var adminBodyPolicy = func() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements("p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "h2", "h3", "h4", "blockquote")
	p.AllowAttrs("href").OnElements("a")
	p.AllowURLSchemes("http", "https", "mailto")
	p.AllowRelativeURLs(true)
	p.RequireParseableURLs(true)
	p.RequireNoReferrerOnFullyQualifiedLinks(false)
	return p
}()

// blankLines separates paragraphs in what an editor types.
var blankLines = regexp.MustCompile(`\r?\n[ \t]*\r?\n`)

// adminTag finds markup in a chunk; text like "3 < 5" or "<satır>" is not
// markup and is escaped instead (either way nothing unsafe gets through).
var adminTag = regexp.MustCompile(`</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>|<!--`)

// adminBlockStart matches chunks that already start with block markup.
var adminBlockStart = regexp.MustCompile(`(?i)^\s*</?(p|ul|ol|li|h[1-6]|blockquote|div|br)\b`)

// sanitizeBody turns what an editor typed into stored HTML and plain text.
// Text without tags becomes escaped paragraphs; HTML is cut down to the
// allowed subset, and loose text between blank lines gets its own <p>.
func sanitizeBody(in string) (bodyHTML, bodyText string) {
	in = strings.TrimSpace(strings.ReplaceAll(in, "\r\n", "\n"))
	if in == "" {
		return "", ""
	}
	var b strings.Builder
	for _, chunk := range blankLines.Split(in, -1) {
		chunk = strings.TrimSpace(chunk)
		if chunk == "" {
			continue
		}
		if !adminTag.MatchString(chunk) {
			b.WriteString("<p>" + html.EscapeString(strings.Join(strings.Fields(chunk), " ")) + "</p>\n")
		} else if adminBlockStart.MatchString(chunk) {
			b.WriteString(chunk + "\n")
		} else {
			b.WriteString("<p>" + chunk + "</p>\n")
		}
	}
	bodyHTML = strings.TrimSpace(adminBodyPolicy.Sanitize(b.String()))
	return bodyHTML, extract.FragmentText(bodyHTML)
}
