package turkish

import "strings"

// NormalizeTokens returns the index terms of s in order, one per word, as
// Stem makes them. The same function serves indexing and querying, so a
// query term matches a document term exactly when their stems meet.
func NormalizeTokens(s string) []string {
	return normalize(s, false)
}

// NormalizeContentTokens is NormalizeTokens without stop words. BM25 already
// down-weights function words, so ranking code usually wants NormalizeTokens;
// this variant suits short keyword lists (follow-up questions, highlights).
func NormalizeContentTokens(s string) []string {
	return normalize(s, true)
}

// NormalizeText returns the index terms of s joined by single spaces, for a
// full-text column (SQLite FTS5 or a PostgreSQL "simple" tsvector) that
// must never apply its own language rules.
func NormalizeText(s string) string {
	return strings.Join(NormalizeTokens(s), " ")
}

func normalize(s string, dropStopWords bool) []string {
	words := Tokenize(s)
	out := make([]string, 0, len(words))
	for _, w := range words {
		if dropStopWords && IsStopWord(cutSuffix(Lower(w))) {
			continue
		}
		if t := Stem(w); t != "" {
			out = append(out, t)
		}
	}
	return out
}
