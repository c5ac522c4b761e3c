package search

import (
	"context"
	"math"
	"slices"
	"time"

	"manset/internal/news"
)

// Store is what search needs from storage.
type Store interface {
	SearchArticles(ctx context.Context, q news.SearchQuery) ([]news.SearchHit, int, error)
	RecentArticleTexts(ctx context.Context, visibleAt time.Time, limit int) ([]string, error)
	Article(ctx context.Context, id int64) (news.Article, error)
}

// Ranking policy. A title match counts four body matches, a summary match
// two. Recency multiplies the text score by up to 2: by 1+2^(-age/halfLife),
// so a week-old article keeps 1.5 and very old ones tend to 1. Equal text
// therefore ranks newer first, while a clearly better match still wins.
var weights = news.SearchWeights{Title: 4, Summary: 2, Body: 1}

const (
	defaultHalfLife   = 7 * 24 * time.Hour
	defaultCandidates = 500 // hits ranked per query; deeper pages are not served
	defaultPerPage    = 10
	maxPerPage        = 100
)

// Options tune a Service; zero values take the defaults.
type Options struct {
	Now        func() time.Time
	HalfLife   time.Duration // of the recency boost
	Candidates int           // newest matches ranked per query
	// VocabularyArticles is how many recent articles "did you mean" learns
	// spellings from, and VocabularyTTL how long that vocabulary is kept.
	VocabularyArticles int
	VocabularyTTL      time.Duration
}

// Service answers search requests.
type Service struct {
	store Store
	opts  Options
	vocab *vocabulary
}

// New returns a Service over st.
func New(st Store, opts Options) *Service {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.HalfLife <= 0 {
		opts.HalfLife = defaultHalfLife
	}
	if opts.Candidates <= 0 {
		opts.Candidates = defaultCandidates
	}
	s := &Service{store: st, opts: opts}
	s.vocab = newVocabulary(st, opts)
	return s
}

// Request is one search: the query as typed, an optional category (its
// descendants included) and a 1-based page.
type Request struct {
	Query      string
	CategoryID *int64
	Page       int
	PerPage    int
}

// Result is one page of results.
type Result struct {
	Query Query
	Hits  []Hit
	// Total is how many articles match; Estimated says it was extrapolated
	// because more matched than are ranked.
	Total     int
	Estimated bool
	Page      int
	Pages     int // pages that can be served (ranking stops at Candidates)
	// Suggestion is the query with ASCII-typed words in their usual Turkish
	// spelling ("isik" -> "ışık"), or "" when there is nothing to suggest.
	Suggestion string
}

// Hit is one found article with its title and snippet as safe HTML:
// escaped, query words in <mark>.
type Hit struct {
	Article   news.Article
	Score     float64
	TitleHTML string
	Snippet   string
}

// Search runs r. An empty query gives an empty result, not an error.
func (s *Service) Search(ctx context.Context, r Request) (Result, error) {
	per := r.PerPage
	if per <= 0 {
		per = defaultPerPage
	}
	per = min(per, maxPerPage)
	res := Result{Query: ParseQuery(r.Query), Page: max(1, r.Page)}
	if res.Query.Empty() {
		return res, nil
	}
	now := s.opts.Now()
	hits, total, err := s.store.SearchArticles(ctx, news.SearchQuery{
		All: res.Query.All, None: res.Query.None, CategoryID: r.CategoryID,
		VisibleAt: now, Weights: weights, Limit: s.opts.Candidates,
	})
	if err != nil {
		return res, err
	}
	res.Total, res.Estimated = total, len(hits) >= s.opts.Candidates
	res.Pages = (len(hits) + per - 1) / per
	s.rank(hits, now)
	if from := (res.Page - 1) * per; from < len(hits) {
		if res.Hits, err = s.load(ctx, res.Query, hits[from:min(len(hits), from+per)]); err != nil {
			return res, err
		}
	}
	res.Suggestion = s.vocab.suggest(ctx, res.Query, now)
	return res, nil
}

// rank orders hits by text score times the recency boost, newest first
// among equals.
func (s *Service) rank(hits []news.SearchHit, now time.Time) {
	half := s.opts.HalfLife.Hours()
	for i := range hits {
		age := max(0, now.Sub(hits[i].DisplayAt).Hours())
		hits[i].Score *= 1 + math.Exp2(-age/half)
	}
	slices.SortStableFunc(hits, func(a, b news.SearchHit) int {
		switch {
		case a.Score != b.Score:
			return cmpDesc(a.Score, b.Score)
		case !a.DisplayAt.Equal(b.DisplayAt):
			return b.DisplayAt.Compare(a.DisplayAt)
		}
		return cmpDesc(a.ID, b.ID)
	})
}

func cmpDesc[T int64 | float64](a, b T) int {
	switch {
	case a > b:
		return -1
	case a < b:
		return 1
	}
	return 0
}

// load reads the page's articles and cuts their snippets. An article
// deleted since the index was read is skipped.
func (s *Service) load(ctx context.Context, q Query, hits []news.SearchHit) ([]Hit, error) {
	m := newMarker(q.Marks)
	out := make([]Hit, 0, len(hits))
	for _, h := range hits {
		a, err := s.store.Article(ctx, h.ID)
		if news.ErrorCode(err) == news.ENOTFOUND {
			continue
		}
		if err != nil {
			return nil, err
		}
		text := a.Summary
		if a.BodyText != "" {
			text += "\n\n" + a.BodyText
		}
		out = append(out, Hit{Article: a, Score: h.Score, TitleHTML: m.Highlight(a.Title), Snippet: m.Snippet(text)})
	}
	return out, nil
}
