package textdump

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"manset/internal/turkish"
)

// kind is what a line of the dump turned out to be.
type kind int

const (
	kindText   kind = iota // not classified as anything else: prose or a heading
	kindSoft               // chrome the article may continue past (share bar, ad slot, menu)
	kindHard               // chrome that ends the article (comments, reactions, related lists)
	kindCrumb              // a breadcrumb item
	kindTitle              // the title or a copy of it
	kindDate               // a publication or update date
	kindByline             // "Muhabir: ...", "Kaynak: AA"
	kindDup                // a later copy of a prose line
)

// line is one non-empty line of the dump with the features the classifier uses.
type line struct {
	text    string
	key     string // folded words joined by single spaces, for comparison and lexicons
	words   int
	last    rune // last significant rune, closing quotes and brackets skipped
	letters bool // has at least one letter
	stops   int  // stop words among the words
	capital int  // words starting with an upper-case letter
	count   int  // how many lines of the dump have the same key
	kind    kind
}

// newLine computes the features of one trimmed, non-empty line.
func newLine(text string) *line {
	l := &line{text: text}
	tokens := turkish.Tokenize(text)
	folded := make([]string, 0, len(tokens))
	for _, t := range tokens {
		f := turkish.Fold(t)
		folded = append(folded, f)
		if turkish.IsStopWord(turkish.Lower(t)) {
			l.stops++
		}
		if r, _ := utf8.DecodeRuneInString(t); unicode.IsUpper(r) {
			l.capital++
		}
	}
	l.key = strings.Join(folded, " ")
	l.words = len(tokens)
	l.last = lastSignificant(text)
	l.letters = strings.IndexFunc(text, unicode.IsLetter) >= 0
	return l
}

// lastSignificant returns the last rune of s that is not a closing quote,
// bracket or space, so `dedi."` ends in '.'.
func lastSignificant(s string) rune {
	for s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		if !strings.ContainsRune(`"'”’»)]* `, r) {
			return r
		}
		s = s[:len(s)-size]
	}
	return 0
}

// final reports whether the line ends like a sentence.
func (l *line) final() bool {
	return strings.ContainsRune(".!?…:;", l.last)
}

// prose reports whether the line reads like article text: a sentence of
// several words, or a long run of mostly lower-case words with function
// words in it whose final stop was lost (many spots have none).
func (l *line) prose() bool {
	switch {
	case l.final() && l.words >= 6, l.words >= 25:
		return true
	}
	return l.words >= 15 && l.stops > 0 && l.capital*10 <= l.words*3
}

// headlineLike reports whether the line could be a title or a headline:
// a few words, not ending in a full stop, not only numbers.
func (l *line) headlineLike() bool {
	return l.letters && l.words >= 2 && l.words <= 30 && !strings.ContainsRune(".:;", l.last)
}

// short reports whether the line is short enough for single chrome words to
// decide its class. Short sentences ("Görüntüler paylaşıldı.") keep their
// chance: only lexicon phrases can mark them.
func (l *line) short() bool {
	return l.words <= 6 && !(l.final() && l.words >= 4)
}

// chrome reports whether the line has been classified as page chrome.
func (l *line) chrome() bool { return l.kind == kindSoft || l.kind == kindHard }

// splitLines normalises the dump and returns its non-empty trimmed lines.
func splitLines(text string) []*line {
	var out []*line
	for raw := range strings.SplitSeq(text, "\n") {
		t := strings.TrimFunc(raw, func(r rune) bool { return unicode.IsSpace(r) || r == '\ufeff' })
		t = strings.Join(strings.FieldsFunc(t, unicode.IsSpace), " ")
		if t != "" {
			out = append(out, newLine(t))
		}
	}
	counts := make(map[string]int, len(out))
	for _, l := range out {
		counts[l.identity()]++
	}
	for _, l := range out {
		l.count = counts[l.identity()]
	}
	return out
}

// identity is the key used to detect repeated lines; lines without words
// (counters, separators) are compared as written.
func (l *line) identity() string {
	if l.key == "" {
		return "\x00" + l.text
	}
	return l.key
}
