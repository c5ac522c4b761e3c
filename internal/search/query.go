// Package search answers reader queries over the store's full-text index:
// it parses queries (words, "quoted phrases", -excluded words), normalises
// every term exactly as the index does (turkish.NormalizeTokens), ranks
// hits by BM25 with a title boost and a recency decay, cuts highlighted
// snippets from the original text, and suggests the Turkish spelling of
// ASCII-typed words ("isik" -> "ışık").
package search

import (
	"strings"
	"unicode/utf8"

	"manset/internal/turkish"
)

// Limits that keep one query cheap whatever a reader types.
const (
	maxQueryRunes = 256
	maxTerms      = 16
)

// Query is a parsed search query.
type Query struct {
	// Text is the query as typed, trimmed and cut to a sane length.
	Text string
	// All are the normalised phrases that must all match; a plain word is a
	// one-term phrase. None are the phrases that must not match.
	All, None [][]string
	// Words are the plain positive words as typed, for "did you mean".
	Words []string
	// Marks are the normalised terms to highlight in titles and snippets.
	Marks map[string]bool
}

// Empty reports whether q has nothing to search for.
func (q Query) Empty() bool { return len(q.All) == 0 }

// chunk is one piece of a query: a word or a quoted phrase, maybe negated.
type chunk struct {
	text    string
	phrase  bool
	exclude bool
}

// ParseQuery splits s into words, "quoted phrases" and -exclusions and
// normalises each. Stop words ("ve", "bir") are dropped from plain words
// when other words remain, since they match nearly every article; inside
// phrases they stay, as the index keeps them for adjacency.
func ParseQuery(s string) Query {
	s = strings.TrimSpace(strings.ToValidUTF8(s, " "))
	if utf8.RuneCountInString(s) > maxQueryRunes {
		s = string([]rune(s)[:maxQueryRunes])
	}
	q := Query{Text: s, Marks: map[string]bool{}}
	var stops [][]string
	var stopWords []string
	for _, c := range splitChunks(s) {
		terms := turkish.NormalizeTokens(c.text)
		if len(terms) == 0 {
			continue
		}
		switch {
		case c.exclude:
			q.None = append(q.None, phrases(terms, c.phrase)...)
		case c.phrase:
			q.All = append(q.All, terms)
			markAll(q.Marks, terms)
		default:
			for _, w := range turkish.Tokenize(c.text) {
				t := turkish.Stem(w)
				if isStop(w) {
					stops, stopWords = append(stops, []string{t}), append(stopWords, w)
					continue
				}
				q.All, q.Words = append(q.All, []string{t}), append(q.Words, w)
				q.Marks[t] = true
			}
		}
	}
	if len(q.All) == 0 {
		q.All, q.Words = stops, stopWords
		for _, p := range stops {
			markAll(q.Marks, p)
		}
	}
	q.All, q.None = capTerms(q.All), capTerms(q.None)
	return q
}

// splitChunks cuts s at spaces outside quotes. A '-' that starts a chunk
// excludes it; an unclosed quote runs to the end.
func splitChunks(s string) []chunk {
	var out []chunk
	for s = strings.TrimLeft(s, " \t\r\n"); s != ""; s = strings.TrimLeft(s, " \t\r\n") {
		var c chunk
		if len(s) > 1 && s[0] == '-' {
			c.exclude, s = true, s[1:]
		}
		if s[0] == '"' {
			end := strings.IndexByte(s[1:], '"')
			if end < 0 {
				end = len(s) - 1
			}
			c.text, c.phrase = s[1:1+end], true
			s = s[min(len(s), end+2):]
		} else {
			end := strings.IndexAny(s, " \t\r\n")
			if end < 0 {
				end = len(s)
			}
			c.text, s = s[:end], s[end:]
		}
		out = append(out, c)
	}
	return out
}

// phrases returns terms as one phrase, or as one-term phrases each.
func phrases(terms []string, asPhrase bool) [][]string {
	if asPhrase {
		return [][]string{terms}
	}
	out := make([][]string, len(terms))
	for i, t := range terms {
		out[i] = []string{t}
	}
	return out
}

func markAll(marks map[string]bool, terms []string) {
	for _, t := range terms {
		marks[t] = true
	}
}

// isStop reports whether the word, as typed, is a stop word.
func isStop(w string) bool {
	l := turkish.Lower(w)
	if i := strings.IndexAny(l, "'’"); i > 0 {
		l = l[:i]
	}
	return turkish.IsStopWord(l)
}

// capTerms keeps phrases while their terms add up to maxTerms.
func capTerms(ps [][]string) [][]string {
	n := 0
	for i, p := range ps {
		if n += len(p); n > maxTerms {
			if i == 0 {
				return [][]string{p[:maxTerms]}
			}
			return ps[:i]
		}
	}
	return ps
}
