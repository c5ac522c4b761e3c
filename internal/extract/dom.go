package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// attr returns the value of the attribute key of n, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// skipped reports whether an element never holds article text: scripts,
// styles, form controls, embedded objects and hidden elements.
func skipped(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg,
		atom.Iframe, atom.Object, atom.Embed, atom.Canvas, atom.Input,
		atom.Select, atom.Textarea, atom.Button, atom.Option, atom.Head,
		atom.Math, atom.Audio, atom.Video, atom.Map, atom.Dialog, atom.Label:
		return true
	}
	if n.DataAtom == 0 && n.Data == "amp-ad" {
		return true
	}
	return hidden(n)
}

// hidden reports whether the page hides n from readers.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "style":
			if strings.Contains(a.Val, "none") || strings.Contains(a.Val, "hidden") {
				s := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
				if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
					return true
				}
			}
		}
	}
	return false
}

// blockLevel reports whether an element starts a new paragraph of text.
func blockLevel(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Main, atom.Aside,
		atom.Header, atom.Footer, atom.Nav, atom.H1, atom.H2, atom.H3, atom.H4,
		atom.H5, atom.H6, atom.Ul, atom.Ol, atom.Li, atom.Dl, atom.Dt, atom.Dd,
		atom.Blockquote, atom.Pre, atom.Table, atom.Tr, atom.Td, atom.Th,
		atom.Thead, atom.Tbody, atom.Tfoot, atom.Caption, atom.Figure,
		atom.Figcaption, atom.Form, atom.Fieldset, atom.Address, atom.Hr,
		atom.Body, atom.Html, atom.Details, atom.Summary, atom.Center, atom.Menu:
		return true
	}
	return false
}

// headingLevel returns 1..6 for h1..h6 and 0 otherwise.
func headingLevel(n *html.Node) int {
	switch n.DataAtom {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	case atom.H5:
		return 5
	case atom.H6:
		return 6
	}
	return 0
}

// textOf returns the whitespace-collapsed text under n, skipping scripts and
// hidden elements.
func textOf(n *html.Node) string {
	var b strings.Builder
	appendText(&b, n)
	return collapseSpace(b.String())
}

func appendText(b *strings.Builder, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		b.WriteString(n.Data)
		return
	case html.ElementNode:
		if skipped(n) {
			return
		}
		if blockLevel(n) || n.DataAtom == atom.Br {
			b.WriteByte(' ')
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		appendText(b, c)
	}
}

// collapseSpace trims s and turns every run of white space into one space.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if isSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// isSpace reports white space, including the no-break and zero-width spaces
// that pages use for layout.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', 0xA0, 0x200B, 0x200C, 0x200D,
		0x2060, 0xFEFF, 0x2009, 0x200A, 0x202F, 0x3000, 0x1680, 0x2028, 0x2029:
		return true
	}
	return r >= 0x2000 && r <= 0x2008
}

// findFirst returns the first element under n (depth first) for which ok
// is true.
func findFirst(n *html.Node, ok func(*html.Node) bool) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if ok(c) {
			return c
		}
		if f := findFirst(c, ok); f != nil {
			return f
		}
	}
	return nil
}
