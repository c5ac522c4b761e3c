package news

import "time"

// SearchQuery asks a store for articles whose search index matches. Terms
// are already normalised with turkish.NormalizeTokens, the same function
// that fills the index, so an engine only compares them as opaque words.
type SearchQuery struct {
	// All must all match. Each entry is a phrase: terms that must appear
	// next to each other in this order; a plain word is a one-term phrase.
	All [][]string
	// Any, when set, needs at least one of its phrases to match as well;
	// a query of Any alone finds articles sharing some words with a text
	// ("related news"), best scored by how many and how rare.
	Any [][]string
	// None must not match; each entry is a phrase as in All.
	None [][]string
	// CategoryID, when set, keeps articles in that category or below it.
	CategoryID *int64
	// VisibleAt keeps only what readers may see at that time (published, or
	// scheduled whose time has come).
	VisibleAt time.Time
	// Weights scale a match in each field for the text score.
	Weights SearchWeights
	// Limit caps the hits returned; when more articles match, the newest
	// ones are returned (news search favours recent copy).
	Limit int
}

// SearchWeights are the relative weights of a match in each indexed field.
type SearchWeights struct {
	Title, Summary, Body float64
}

// SearchHit is one matching article as the index sees it.
type SearchHit struct {
	ID int64
	// Score is the text relevance: BM25 with the query's field weights, or,
	// when a term is too common for BM25 to be cheap, the summed weights of
	// the fields the query matches in. Higher is better; scores compare only
	// within one query.
	Score     float64
	DisplayAt time.Time
}
