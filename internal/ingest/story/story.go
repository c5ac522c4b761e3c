// Package story groups articles that report the same event, from one or
// many outlets, into stories: a new article joins the story of the most
// similar recent article when their titles and leads are close enough.
// It has no storage; the caller fetches the candidates and saves the result.
package story

import (
	"math"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"manset/internal/turkish"
)

// Doc is what clustering needs of an article.
type Doc struct {
	ID      int64
	Title   string
	Lead    string // the summary, or the first paragraph when there is none
	Time    time.Time
	StoryID int64 // 0 when the article is in no story yet
}

// Term weights beyond IDF. Names and numbers tell one event from another
// ("Mersin", "1.850", "Valdoria") where common words tell only the topic.
const (
	properNounBoost = 2.0
	numberBoost     = 1.5
)

// vector is a weighted bag of stems.
type vector map[string]float64

// Similarity is the cosine similarity of a and b's titles and leads over
// Turkish stems, names and numbers weighted up, without IDF weights.
func Similarity(a, b Doc) float64 {
	var s *Stats
	return s.Similarity(a, b)
}

// Similarity is the cosine similarity of a and b's titles and leads over
// Turkish stems weighted by IDF from s (uniform when s is nil), with names
// and numbers weighted up.
func (s *Stats) Similarity(a, b Doc) float64 {
	return cosine(s.vectorOf(a), s.vectorOf(b))
}

func (s *Stats) vectorOf(d Doc) vector {
	tf := map[string]float64{}
	boost := map[string]float64{}
	for _, t := range terms(d.Title + "\n" + d.Lead) {
		tf[t.stem]++
		boost[t.stem] = max(boost[t.stem], t.boost)
	}
	v := make(vector, len(tf))
	for stem, n := range tf {
		v[stem] = (1 + math.Log(n)) * boost[stem] * s.IDF(stem)
	}
	return v
}

func cosine(a, b vector) float64 {
	var dot, na, nb float64
	for t, x := range a {
		na += x * x
		dot += x * b[t]
	}
	for _, y := range b {
		nb += y * y
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}

// term is one content word of a text: its stem and how much it counts.
type term struct {
	stem  string
	boost float64
}

// terms returns the content words of text, stop words dropped. A word
// capitalised inside a sentence is taken for a name; in text written all
// in capitals no word is.
func terms(text string) []term {
	if t, ok := termMemo.get(text); ok {
		return t
	}
	t := computeTerms(text)
	termMemo.put(text, t)
	return t
}

func computeTerms(text string) []term {
	shouting := mostlyUpper(text)
	var out []term
	for _, sentence := range turkish.SplitSentences(text) {
		for i, w := range turkish.Tokenize(sentence) {
			lower := turkish.Lower(cutApostrophe(w))
			if turkish.IsStopWord(lower) {
				continue
			}
			// One-letter stems ("g" of "gün") and one-digit numbers
			// match too much to tell events apart.
			stem := turkish.Stem(w)
			if utf8.RuneCountInString(stem) < 2 {
				continue
			}
			boost := 1.0
			first, _ := utf8.DecodeRuneInString(w)
			switch {
			case unicode.IsDigit(first):
				boost = numberBoost
			case i > 0 && !shouting && unicode.IsUpper(first):
				boost = properNounBoost
			}
			out = append(out, term{stem, boost})
		}
	}
	return out
}

func cutApostrophe(w string) string {
	if i := strings.IndexAny(w, "'’"); i >= 0 {
		return w[:i]
	}
	return w
}

// mostlyUpper reports whether most letters of s are capitals, as in a
// headline written in capitals, where case says nothing about names.
func mostlyUpper(s string) bool {
	upper, letters := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters > 0 && upper*2 > letters
}
