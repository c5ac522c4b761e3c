package kai

import (
	"regexp"
	"slices"
	"strings"

	"manset/internal/turkish"
)

// coverThreshold is the share of the question's content words (idf
// weighted, see coverage) below which the article is taken not to cover
// the question. Calibrated on TQuAD train (every 4th question, asked of its
// own article and of an unrelated one): at 0.35, 92.7% of answerable
// questions count as covered and 3.2% of questions asked of the wrong
// article do; at 0.5 it was 80.3% and 0.6%. A wrongly covered answer only
// quotes a sentence, so the threshold leans towards answering.
const coverThreshold = 0.35

// pickMargin is how far (in model score units) below the best sentence a
// second or third sentence may score and still be quoted.
const pickMargin = 1.0

// covered reports whether the best sentences match enough of the question.
// At least one content word (not a stop or question word) must match.
func (r *ranking) covered() bool {
	return !r.untyped && r.coverage() >= coverThreshold
}

// coverage is the best idf-weighted share of the question's content words
// found, by stem, snowball stem or exact form, around one of the top three
// sentences: in the sentence, its neighbours in the paragraph, or the
// article title (which questions name and sentences leave implicit).
func (r *ranking) coverage() float64 {
	if len(r.sents) == 0 || len(r.q.content) == 0 {
		return 0
	}
	idf := idfs(r.doc.sents, r.q.terms, termOf)
	best := 0.0
	for _, s := range r.sents[:min(3, len(r.sents))] {
		best = max(best, contentCoverage(r.context(s), r.q, idf))
	}
	return best
}

// context returns the tokens of s, its paragraph neighbours and its title.
func (r *ranking) context(s *sentence) []token {
	toks := append([]token(nil), s.toks...)
	para := r.doc.paras[s.para]
	for _, n := range []int{s.inPara - 1, s.inPara + 1} {
		if n >= 0 && n < len(para) {
			toks = append(toks, para[n].toks...)
		}
	}
	return append(toks, r.titles[s.Article]...)
}

func contentCoverage(toks []token, qu *query, idf map[string]float64) float64 {
	terms, alts, surfs := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, t := range toks {
		terms[t.term], alts[t.alt], surfs[t.surface] = true, true, true
	}
	seen := map[string]bool{}
	var got, all float64
	for _, t := range qu.content {
		if seen[t.term] {
			continue
		}
		seen[t.term] = true
		w := max(idf[t.term], 0.1)
		all += w
		if terms[t.term] || alts[t.alt] || surfs[t.surface] || rootOfOne(t.surface, toks) {
			got += w
		}
	}
	return ratio(got, all)
}

// rootOfOne reports whether a question word of four letters or more is
// the start of a word in toks: the bare root "saat" of "saatle", "okul" of
// "okulda", which the stemmers miss when a loanword breaks vowel harmony
// or a short root meets a long suffix.
func rootOfOne(word string, toks []token) bool {
	if len(word) < 4 {
		return false
	}
	for _, t := range toks {
		if strings.HasPrefix(t.surface, word) {
			return true
		}
	}
	return false
}

// pick returns the best sentence and up to two more that score nearly as
// well, skipping repeats of a sentence already picked (articles and their
// story siblings often share sentences).
func (r *ranking) pick() []*sentence {
	out := []*sentence{r.sents[0]}
	for _, s := range r.sents[1:] {
		if len(out) == 3 || s.Score < r.sents[0].Score-pickMargin {
			break
		}
		if !slices.ContainsFunc(out, func(p *sentence) bool { return p.Text == s.Text }) {
			out = append(out, s)
		}
	}
	return out
}

// highlight returns the phrase of s most likely to answer the question,
// by question type, or "" when none stands out.
func (r *ranking) highlight(s *sentence) string {
	var spans []span
	switch {
	case r.q.typ == qDate:
		return dateHighlight(s, r.q)
	case r.q.vague:
		// the title's names answer a vague question
		spans = answerSpans(r.q.typ, s, &query{})
		if r.q.speech {
			spans = speakerFirst(s, spans)
		}
	default:
		spans = answerSpans(r.q.typ, s, r.q)
	}
	if len(spans) == 0 {
		return ""
	}
	if r.q.typ == qNumber {
		spans = countedFirst(s, spans, r.q)
	}
	return s.Text[spans[0].start:spans[0].end]
}

// dateHighlight returns the strongest day phrase of s ("22 Kasım pazar
// sabahı"), or the full date (FindDates) that contains it, or else the
// longest date-like word.
func dateHighlight(s *sentence, qu *query) string {
	full := dateSpans(s, qu, true)
	if d := bestDate(eventDate(s)); d.strength > 0 {
		for _, m := range full {
			if m.start <= d.start && d.start < m.end && hasFullDate(s.Text[m.start:m.end]) {
				return s.Text[m.start:m.end]
			}
		}
		return s.Text[d.start:d.end]
	}
	if len(full) == 0 {
		return ""
	}
	// full dates found by FindDates come first; among the rest prefer
	// the longest ("5 Mart 2024" over "Mart")
	best := full[0]
	for _, sp := range full[1:] {
		if sp.end-sp.start > best.end-best.start && !hasFullDate(s.Text[best.start:best.end]) {
			best = sp
		}
	}
	return s.Text[best.start:best.end]
}

// speakerFirst moves to the front the name that a comma follows: Turkish
// reports name the speaker so ("Cengiz Uğurlu, takımının ... söyledi").
func speakerFirst(s *sentence, spans []span) []span {
	for i, sp := range spans {
		if sp.end < len(s.Text) && s.Text[sp.end] == ',' {
			out := append([]span{sp}, spans[:i]...)
			return append(out, spans[i+1:]...)
		}
	}
	return spans
}

// countedFirst moves to the front the number followed most closely (within
// two words) by a word of the question: "kaç kişi" is answered by "1,2
// milyon kişi", "kaç büyüklüğünde" by "6,1 büyüklüğünde", not by the
// "11.47'de" before it. A time of day answers only "saat kaçta".
func countedFirst(s *sentence, spans []span, qu *query) []span {
	isClock := func(sp span) bool { return clockTime.MatchString(s.Text[sp.start:sp.end]) }
	if qu.clock {
		return append(filterSpans(spans, isClock, true), filterSpans(spans, isClock, false)...)
	}
	best, bestGap := -1, 3 // a counted noun at most two words after the number
	for i, sp := range spans {
		if isClock(sp) {
			continue // "11.47'de" is when, not how many
		}
		gap, n := -1, 0
		for _, t := range s.toks {
			if t.start < sp.start || hasDigit(t.word) && t.end <= sp.end {
				continue // before the number, or the number itself
			}
			if qu.mentions(t) {
				gap = n
				break
			}
			if n++; n >= bestGap {
				break
			}
		}
		if gap >= 0 && gap < bestGap {
			best, bestGap = i, gap
		}
	}
	if best < 0 {
		// no counted noun: any number but a time of day comes first
		return append(filterSpans(spans, isClock, false), filterSpans(spans, isClock, true)...)
	}
	out := append([]span{spans[best]}, spans[:best]...)
	return append(out, spans[best+1:]...)
}

// filterSpans returns the spans for which keep says want, in order.
func filterSpans(spans []span, keep func(span) bool, want bool) []span {
	var out []span
	for _, sp := range spans {
		if keep(sp) == want {
			out = append(out, sp)
		}
	}
	return out
}

// clockTime matches a time of day ("11.47'de", "14:30").
var clockTime = regexp.MustCompile(`^([01]?\d|2[0-3])[.:][0-5]\d\b`)

func hasFullDate(s string) bool { return len(turkish.FindDates(s)) > 0 }
