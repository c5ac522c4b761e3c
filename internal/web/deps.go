package web

import (
	"context"
	"time"

	"manset/internal/auth"
	"manset/internal/kai"
	"manset/internal/news"
	"manset/internal/search"
)

// ReaderStore is what the reader site reads (and the one write it makes:
// batched page views). Every engine implements it; cmd/manset passes the
// store itself.
type ReaderStore interface {
	ListArticles(ctx context.Context, f news.ArticleFilter) ([]news.Article, int, error)
	Article(ctx context.Context, id int64) (news.Article, error)
	ArticleBySlug(ctx context.Context, slug string) (news.Article, error)
	ListCategories(ctx context.Context) ([]news.Category, error)
	CategoryBySlug(ctx context.Context, slug string) (news.Category, error)
	AllSettings(ctx context.Context) (map[string]string, error)
	// ContentVersion answers health checks: the database is reachable.
	ContentVersion(ctx context.Context) (int64, error)
	// Ready answers /readyz: the database answers and its schema is current.
	Ready(ctx context.Context) error
	// WatchContent reports writes made by any process, so cached pages
	// that show what changed are dropped.
	WatchContent(ctx context.Context, poll time.Duration, changed func(articleIDs []int64))
	// SearchArticles finds related news by shared headline words.
	SearchArticles(ctx context.Context, q news.SearchQuery) ([]news.SearchHit, int, error)
	// ArticleSources lists the outlets that carried an article (story box).
	ArticleSources(ctx context.Context, articleID int64) ([]news.ArticleSource, error)
	// AddViews records page views counted in memory.
	AddViews(ctx context.Context, day time.Time, counts map[int64]int) error
}

// Deps are the capabilities the site is built from. cmd/manset builds each
// one from the configured engine, so a store that lacks a method fails to
// compile instead of turning a feature off at run time. Only Reader is
// required; a nil optional dependency leaves its feature out (tests use
// that to serve a site without accounts or search).
type Deps struct {
	Reader ReaderStore
	// Engage stores reactions and comments; nil turns both off.
	Engage EngageStore
	// Newsroom backs /admin; nil serves no admin.
	Newsroom NewsroomStore
	// Search serves /ara and /api/v1/search; nil keeps "Arama yakında".
	Search *search.Service
	// Auth runs accounts and sessions; nil turns accounts off.
	Auth *auth.Service
	// KAI answers readers' questions; nil means the extractive engine.
	KAI kai.Engine
	// Buckets hold the rate limits in the database so that every node
	// counts together; nil counts in this process only (one node).
	Buckets auth.Buckets
	// FetchSource fetches one source now (the admin's "Şimdi çek"); it runs
	// in the background. Nil hides the button.
	FetchSource func(ctx context.Context, id int64) error
}
