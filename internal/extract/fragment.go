package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// fragmentBlocks end a paragraph in FragmentText.
var fragmentBlocks = map[string]bool{"p": true, "div": true, "li": true, "ul": true, "ol": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "blockquote": true,
	"figcaption": true, "br": true, "tr": true, "section": true, "article": true, "pre": true}

// fragmentSkipped hold no readable text of the article.
var fragmentSkipped = map[string]bool{"script": true, "style": true, "noscript": true,
	"template": true, "iframe": true, "form": true, "button": true}

// FragmentText returns the text of an HTML fragment (an article body, a
// feed item, a comment): one paragraph per block element, whitespace
// collapsed, paragraphs separated by a blank line. Scripts, styles, forms
// and buttons are left out. It is the one HTML-to-text conversion the
// importer, KAI, the newsroom and per-source selectors share.
func FragmentText(fragment string) string {
	z := html.NewTokenizer(strings.NewReader(fragment))
	var paras []string
	var cur strings.Builder
	skip := 0
	end := func() {
		if t := strings.Join(strings.Fields(cur.String()), " "); t != "" {
			paras = append(paras, t)
		}
		cur.Reset()
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			end()
			return strings.Join(paras, "\n\n")
		case html.TextToken:
			if skip == 0 {
				cur.Write(z.Text())
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			if fragmentSkipped[string(name)] {
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
			}
			if fragmentBlocks[string(name)] {
				end()
			}
		}
	}
}

// leadBlocks can hold a lead paragraph that DropLeadBlock removes.
var leadBlocks = map[string]bool{"p": true, "h2": true, "h3": true, "h4": true, "h5": true,
	"h6": true, "blockquote": true}

// DropLeadBlock removes the first paragraph of fragment when its text (white
// space collapsed) is text, and returns fragment unchanged otherwise. Pages
// often repeat the spot as the body's first paragraph; the importer drops it
// from the text and must drop it from the HTML too, or the page shows it
// twice. Only a paragraph that comes before any other text is removed.
func DropLeadBlock(fragment, text string) string {
	want := strings.Join(strings.Fields(text), " ")
	if want == "" {
		return fragment
	}
	z := html.NewTokenizer(strings.NewReader(fragment))
	offset, start, depth := 0, -1, 0
	var tag string
	var got strings.Builder
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return fragment
		}
		raw := len(z.Raw())
		switch tt {
		case html.TextToken:
			if start < 0 && strings.TrimSpace(string(z.Text())) != "" {
				return fragment // text before the first paragraph
			}
			if start >= 0 {
				got.Write(z.Text())
			}
		case html.StartTagToken:
			name, _ := z.TagName()
			if start < 0 && leadBlocks[string(name)] {
				start, tag, depth = offset, string(name), 1
			} else if start >= 0 && string(name) == tag {
				depth++
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if start >= 0 && string(name) == tag {
				if depth--; depth == 0 {
					if strings.Join(strings.Fields(got.String()), " ") != want {
						return fragment
					}
					end := offset + raw
					return strings.TrimLeft(fragment[:start]+fragment[end:], " \t\r\n")
				}
			}
		}
		offset += raw
	}
}
