package search

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"manset/internal/turkish"
)

// snippetWords is how many words a snippet shows; snippetLead is how many
// of them come before the first match, for context.
const (
	snippetWords = 32
	snippetLead  = 6
)

// span is one word of a text: its byte range and whether it matches.
type span struct {
	start, end int
	term       string // the matching query term, "" when none
}

// marker decides which words of a text match a query's terms.
type marker struct {
	terms    map[string]bool
	prefixes map[string]bool // first two runes of each term
}

func newMarker(terms map[string]bool) *marker {
	m := &marker{terms: terms, prefixes: map[string]bool{}}
	for t := range terms {
		m.prefixes[firstRunes(t, 2)] = true
	}
	return m
}

// match returns the query term word stems to, or "". Stemming costs about
// a microsecond a word, so words whose folded start matches no term's are
// skipped; a stem keeps the word's first two letters in practice
// ("kitabı" -> "kitap").
func (m *marker) match(word string) string {
	if len(m.terms) == 0 || !m.prefixes[turkish.Fold(turkish.Lower(firstRunes(word, 2)))] {
		return ""
	}
	if t := turkish.Stem(word); m.terms[t] {
		return t
	}
	return ""
}

func firstRunes(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// words splits text into words with their byte offsets and marks matches.
func (m *marker) words(text string) []span {
	var out []span
	pos := 0
	for _, w := range turkish.Tokenize(text) {
		i := strings.Index(text[pos:], w)
		if i < 0 {
			break // cannot happen: tokens are substrings, in order
		}
		s := span{start: pos + i, end: pos + i + len(w)}
		s.term = m.match(w)
		out = append(out, s)
		pos = s.end
	}
	return out
}

// Highlight returns text HTML-escaped, with matching words in <mark>.
func (m *marker) Highlight(text string) string {
	return render(text, m.words(text), 0, -1)
}

// Snippet returns the best window of about snippetWords words of text,
// HTML-escaped, cut at word boundaries, matches in <mark> and "…" where
// text was cut. The best window holds the most distinct query terms, then
// the most matches; with no match it is the start of the text.
func (m *marker) Snippet(text string) string {
	ws := m.words(text)
	if len(ws) == 0 {
		return ""
	}
	from := bestWindow(ws)
	to := min(len(ws), from+snippetWords)
	return render(text, ws, from, to)
}

// bestWindow returns the first word of the best window.
func bestWindow(ws []span) int {
	best, bestScore := 0, -1
	for i, w := range ws {
		if w.term == "" {
			continue
		}
		// lead in a few words, but show a whole short text from its start
		from := max(0, min(i-snippetLead, len(ws)-snippetWords))
		if s := windowScore(ws[from:min(len(ws), from+snippetWords)]); s > bestScore {
			best, bestScore = from, s
		}
	}
	return best
}

func windowScore(ws []span) int {
	distinct := map[string]bool{}
	n := 0
	for _, w := range ws {
		if w.term != "" {
			distinct[w.term] = true
			n++
		}
	}
	return len(distinct)*1000 + n
}

// render writes words from..to of text (to < 0: through the end) with the
// original punctuation between them, whitespace runs collapsed.
func render(text string, ws []span, from, to int) string {
	if len(ws) == 0 {
		return html.EscapeString(collapse(text))
	}
	var b strings.Builder
	start, end := ws[from].start, len(text)
	if from > 0 {
		b.WriteString("… ")
	}
	if from == 0 {
		start = 0
	}
	if to >= 0 && to < len(ws) {
		// keep the punctuation right after the last word ("yağmur,")
		end = ws[to-1].end + leadingPunct(text[ws[to-1].end:ws[to].start])
	} else {
		to = len(ws)
	}
	pos := start
	for _, w := range ws[from:to] {
		if w.term == "" {
			continue
		}
		b.WriteString(html.EscapeString(collapse(text[pos:w.start])))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(text[w.start:w.end]))
		b.WriteString("</mark>")
		pos = w.end
	}
	b.WriteString(html.EscapeString(collapse(text[pos:end])))
	if to < len(ws) {
		b.WriteString(" …")
	}
	return strings.TrimSpace(b.String())
}

// leadingPunct is the length of the non-space prefix of s.
func leadingPunct(s string) int {
	if i := strings.IndexAny(s, " \t\r\n"); i >= 0 {
		return i
	}
	return len(s)
}

// collapse turns every whitespace run into one space.
func collapse(s string) string {
	if !strings.ContainsAny(s, "\t\r\n\u00a0") && !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}
