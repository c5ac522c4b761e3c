package extract

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"

	"manset/internal/turkish"
)

// scoreBlocks marks each block as article text (positive) or chrome
// (negative). articleBody is the JSON-LD articleBody with white space
// collapsed, or "".
// Without hints, class names are ignored (the fallback for pages whose
// wrappers carry misleading names).
func scoreBlocks(blocks []block, articleBody string, hints bool) {
	var card *html.Node // the element around the last linked headline
	for i := range blocks {
		b := &blocks[i]
		h := b.hint
		if !hints {
			b.hint = 0
		}
		b.score = blockScore(b)
		b.hint = h
		switch {
		case b.heading > 0 && 2*b.links > b.runes:
			// A headline that is a link introduces another story; the
			// text beside it in the same card is that story's summary.
			b.score, card = -20, nil
			if p := b.owner.Parent; p != nil && elementChildren(p) <= 4 && !longUnder(blocks[i+1:], p) {
				card = p
			}
		case b.heading > 0:
			card = nil
		case card != nil && isInside(b.owner, card):
			if b.score > 0 && b.runes < 400 {
				b.score = -b.score / 2
			}
		}
		if articleBody != "" && b.runes >= 30 && b.heading == 0 && inArticleBody(articleBody, b.text) {
			b.score = 2 * float64(b.runes)
		}
	}
}

// cardText is the most text a card of another story holds after its
// headline; more is the post itself under its own linked title, as blog
// themes print it.
const cardText = 600

// longUnder reports whether the blocks at the start of rest that lie
// under p hold more than cardText runes.
func longUnder(rest []block, p *html.Node) bool {
	n := 0
	for i := range rest {
		if !isInside(rest[i].owner, p) {
			return false
		}
		if n += rest[i].runes; n > cardText {
			return true
		}
	}
	return false
}

func blockScore(b *block) float64 {
	l := float64(b.runes)
	ld := float64(b.links) / l
	var s float64
	switch {
	case b.heading > 0 || b.caption:
		return 0
	case ld > 0.5:
		s = -l
	case b.lead >= 20 && (float64(b.lead) >= 0.5*l || truncated(b.text)):
		// A headline link followed by a cut summary: a teaser of another
		// story.
		s = -l / 2
	case b.runes >= 80 || (b.runes >= 25 && endsSentence(b.text)):
		s = l * (1 - ld)
	default:
		s = -min(l, 30) / 2
	}
	switch {
	case b.hint < -1:
		s = -abs(s)
	case b.hint < 0 && s > 0:
		s /= 4
	case b.hint < 0:
		s *= 2
	case b.hint > 0 && s > 0:
		s *= 1.5
	}
	return s
}

// inArticleBody reports whether the block text appears in the JSON-LD
// articleBody; a prefix is enough and keeps it cheap.
func inArticleBody(body, text string) bool {
	if len(text) > 60 {
		text = text[:60]
		for !utf8.ValidString(text) {
			text = text[:len(text)-1]
		}
	}
	if i := strings.IndexByte(text, '\n'); i > 0 {
		text = text[:i]
	}
	return strings.Contains(body, text)
}

// truncated reports text cut off with an ellipsis, as teasers are.
func truncated(s string) bool {
	s = strings.TrimRight(s, " ])")
	return strings.HasSuffix(s, "...") || strings.HasSuffix(s, "…")
}

// endsSentence reports whether s ends like a sentence (allowing closing
// quotes and brackets after the mark).
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'”’»)]* ")
	if s == "" {
		return false
	}
	switch s[len(s)-1] {
	case '.', '!', '?', ':', ';':
		return true
	}
	return strings.HasSuffix(s, "…")
}

// bestSpan returns the block-level element whose blocks add up to the
// highest score: it takes in the article and leaves out the chrome around
// it. Ties go to the deepest element.
func bestSpan(spans []span, blocks []block) span {
	prefix := make([]float64, len(blocks)+1)
	for i := range blocks {
		prefix[i+1] = prefix[i] + blocks[i].score
	}
	best, bestScore := span{}, 0.0
	for _, sp := range spans {
		if s := prefix[sp.end] - prefix[sp.start]; s > bestScore {
			best, bestScore = sp, s
		}
	}
	return best
}

// isInside reports whether n is c or lies under c.
func isInside(n, c *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == c {
			return true
		}
	}
	return false
}

// selectBlocks marks the blocks of the chosen element that are article
// text, dropping the chrome that sits inside it.
func selectBlocks(blocks []block, sp span) {
	// After the title of a related-stories or comments section only the
	// region that holds the best paragraph goes on: an inline "Related"
	// box inside the body does not end the article, a list of other
	// posts after it does.
	kept, stopped := 0, false
	var main *block
	for i := sp.start; i < sp.end; i++ {
		b := &blocks[i]
		if kept >= 200 && endsArticle(b) {
			stopped = true
		}
		b.keep = keepBlock(b, sp.node)
		if stopped && main != nil && b.keep {
			// Back in the article's region: the section was an inline box.
			stopped = !sameRegion(b, main)
			b.keep = !stopped
		}
		if b.keep {
			kept += b.runes
			if main == nil || b.score > main.score {
				main = b
			}
		}
	}
	// Titles, bylines, dates and tags sit at the edges: trim what is not
	// clearly text there.
	for i := sp.start; i < sp.end; i++ {
		b := &blocks[i]
		if b.keep && b.score > 0 {
			break
		}
		b.keep = false
	}
	for i := sp.end - 1; i >= sp.start; i-- {
		b := &blocks[i]
		if b.keep && b.score > 0 {
			break
		}
		b.keep = false
	}
}

// endsArticle reports the title of a comments or related-stories section:
// nothing after it belongs to the article.
func endsArticle(b *block) bool {
	if b.runes > 80 || endsSentence(b.text) {
		return false
	}
	return b.runes <= 60 && isStopTitle(b.text)
}

// stopTitles start the titles of sections that follow an article.
var stopTitles = []string{
	"ilgili haber", "benzer haber", "diğer haber", "bunlar da ilgini", "ilginizi çek",
	"yorumlar", "yorum yap", "yorum yaz", "related", "you may also like",
	"you might also like", "more from", "recommended", "read next", "more stories",
	"comments", "leave a reply", "leave a comment", "most popular", "most read",
	"en çok okunan", "son dakika", "popüler", "also read", "read more",
}

func isStopTitle(s string) bool {
	l := turkish.Lower(s)
	for _, t := range stopTitles {
		if strings.HasPrefix(l, t) {
			return true
		}
	}
	return false
}

// sameRegion reports blocks whose closest hinted containers look alike:
// the same element, or elements with the same class and id.
func sameRegion(a, b *block) bool {
	if a.hintAt == b.hintAt {
		return true
	}
	if a.hintAt == nil || b.hintAt == nil {
		return false
	}
	return firstWord(attr(a.hintAt, "class")) == firstWord(attr(b.hintAt, "class")) && attr(a.hintAt, "id") == attr(b.hintAt, "id")
}

func keepBlock(b *block, container *html.Node) bool {
	switch {
	case b.heading == 1, b.caption:
		return false
	case b.hint < 0 && b.hintAt != container && isInside(b.hintAt, container):
		return false
	case float64(b.links) > 0.5*float64(b.runes):
		return false
	case b.runes < 40 && isJunkLine(b.text):
		return false
	case strings.HasPrefix(b.text, "<") && strings.HasSuffix(b.text, ">"):
		// Markup shown as text: the contents of a <noscript>.
		return false
	}
	return true
}

// junkLines are short lines of page chrome found inside article bodies.
var junkLines = []string{
	"reklam", "advertisement", "paylaş", "tweet", "share", "yorum yap",
	"yorumlar", "devamı için tıklayın", "haberin devamı", "ilgili haberler",
	"son dakika", "abone ol", "subscribe", "read more", "continue reading",
	"related", "sponsored", "click here", "tıklayın", "facebook", "twitter",
	"whatsapp", "e-posta", "email", "print", "yazdır", "kaydet",
}

func isJunkLine(s string) bool {
	l := turkish.Lower(s)
	for _, j := range junkLines {
		if strings.Contains(l, j) {
			return true
		}
	}
	return false
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func firstWord(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, " \t\n"); i > 0 {
		return s[:i]
	}
	return s
}

// elementChildren counts the child elements of n.
func elementChildren(n *html.Node) int {
	c := 0
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		if k.Type == html.ElementNode {
			c++
		}
	}
	return c
}
