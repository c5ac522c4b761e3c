package extract

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A block is one run of inline text between block-level boundaries: what a
// reader sees as a paragraph, heading, list item or table cell.
type block struct {
	owner   *html.Node   // nearest block-level ancestor
	roots   []*html.Node // top-level inline nodes, for the HTML rendering
	text    string       // white space collapsed
	runes   int
	links   int        // runes inside <a>
	lead    int        // runes of the links the block starts with
	hint    int        // nearest non-zero class hint among ancestors
	hintAt  *html.Node // the ancestor that gave hint
	heading int        // 1..6 for h1..h6
	listed  bool       // inside li, dt or dd
	quote   bool       // inside blockquote
	caption bool       // inside figcaption or caption
	pre     bool
	score   float64 // positive for article text, negative for chrome
	keep    bool
}

// segmenter walks the body and cuts it into blocks.
type segmenter struct {
	blocks []block
	cur    strings.Builder
	curRaw bool // cur holds some non-space text
	links  int
	lead   int  // link runes before any plain text
	plain  bool // plain (non-link) text seen in the current block
	roots  []*html.Node
	// owner state for the block being built
	owner                       *html.Node
	hint, heading               int
	listed, quote, caption, pre bool
	linkDepth                   int
	textBlock                   map[*html.Node]int32
	spans                       []span
	hintNode                    *html.Node
	hints                       map[string]int // class hints by class and id
}

type walkState struct {
	hint, heading               int
	listed, quote, caption, pre bool
	hintNode                    *html.Node
}

// A span is the range of blocks that a block-level element holds: blocks
// come in document order, so every subtree is a contiguous range.
type span struct {
	node       *html.Node
	start, end int32
}

func segment(body *html.Node) *segmenter {
	s := &segmenter{textBlock: make(map[*html.Node]int32, 256), hints: make(map[string]int, 64)}
	s.owner = body
	s.walk(body, walkState{}, true)
	s.flush()
	return s
}

func (s *segmenter) walk(n *html.Node, st walkState, top bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			s.addText(c, top)
		case html.ElementNode:
			s.element(c, st, top)
		}
	}
}

func (s *segmenter) element(c *html.Node, st walkState, top bool) {
	if skipped(c) {
		return
	}
	if c.DataAtom == atom.Br {
		s.lineBreak()
		return
	}
	if !blockLevel(c) {
		if top {
			s.roots = append(s.roots, c)
		}
		if c.DataAtom == atom.A {
			s.linkDepth++
			s.walk(c, st, false)
			s.linkDepth--
			return
		}
		s.walk(c, st, false)
		return
	}
	s.flush()
	start := len(s.blocks)
	inner := st
	// Inside comments or related stories, a "content" class means the
	// comment's content: the strong hint holds for the whole subtree.
	if h := hintOf(c, s.hints); h != 0 && st.hint != -2 {
		inner.hint = h
		inner.hintNode = c
	}
	switch c.DataAtom {
	case atom.Li, atom.Dt, atom.Dd:
		inner.listed = true
	case atom.Blockquote:
		inner.quote = true
	case atom.Figcaption, atom.Caption:
		inner.caption = true
	case atom.Pre:
		inner.pre = true
	}
	if h := headingLevel(c); h > 0 {
		inner.heading = h
	}
	prevOwner, prevState := s.owner, s.state()
	s.setState(c, inner)
	s.walk(c, inner, true)
	s.flush()
	if end := len(s.blocks); end > start {
		s.spans = append(s.spans, span{c, int32(start), int32(end)})
	}
	s.owner = prevOwner
	s.setState(prevOwner, prevState)
}

func (s *segmenter) state() walkState {
	return walkState{s.hint, s.heading, s.listed, s.quote, s.caption, s.pre, s.hintNode}
}

func (s *segmenter) setState(owner *html.Node, st walkState) {
	s.owner = owner
	s.hint, s.heading, s.listed, s.quote, s.caption, s.pre = st.hint, st.heading, st.listed, st.quote, st.caption, st.pre
	s.hintNode = st.hintNode
}

func (s *segmenter) addText(c *html.Node, top bool) {
	if top {
		s.roots = append(s.roots, c)
	}
	s.textBlock[c] = int32(len(s.blocks))
	d := c.Data
	if !s.curRaw && strings.TrimFunc(d, isSpace) != "" {
		s.curRaw = true
	}
	s.cur.WriteString(d)
	t := strings.TrimFunc(d, isSpace)
	if s.linkDepth > 0 {
		n := utf8.RuneCountInString(t)
		s.links += n
		if !s.plain {
			s.lead += n
		}
	} else if t != "" {
		s.plain = true
	}
}

// lineBreak handles <br>: one keeps the line inside the paragraph, two in a
// row (with nothing between) end the paragraph.
func (s *segmenter) lineBreak() {
	if t := strings.TrimRightFunc(s.cur.String(), isSpace); strings.HasSuffix(t, brMark) {
		s.flush()
		return
	}
	s.cur.WriteString(brMark)
}

func (s *segmenter) flush() {
	if !s.curRaw {
		s.cur.Reset()
		s.roots = s.roots[:0]
		s.links, s.lead, s.plain = 0, 0, false
		return
	}
	text := collapseLines(s.cur.String())
	b := block{
		owner: s.owner, text: text, runes: utf8.RuneCountInString(text),
		links: s.links, lead: s.lead, hint: s.hint, heading: s.heading, listed: s.listed,
		quote: s.quote, caption: s.caption, pre: s.pre, hintAt: s.hintNode,
	}
	b.roots = append([]*html.Node(nil), s.roots...)
	if b.links > b.runes {
		b.links = b.runes
	}
	s.blocks = append(s.blocks, b)
	s.cur.Reset()
	s.curRaw = false
	s.roots = s.roots[:0]
	s.links, s.lead, s.plain = 0, 0, false
}

// brMark stands for <br> while a block is built; the parser never leaves a
// NUL in text.
const brMark = "\x00"

// collapseLines collapses white space in each line of s (lines come from
// <br>) and drops empty lines.
func collapseLines(s string) string {
	if !strings.Contains(s, brMark) {
		return collapseSpace(s)
	}
	var out []string
	for _, l := range strings.Split(s, brMark) {
		if l = collapseSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
