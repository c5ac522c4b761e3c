// Package store defines the contract every storage engine of Manşet
// implements (SQLite now, PostgreSQL later) and the helpers they share. The
// contract is tested once, in storetest, and run against each engine.
//
// Services do not depend on Store as a whole: each declares the few methods
// it needs. Store exists so that cmd/manset and storetest can name the full set.
package store

import (
	"context"
	"time"

	"manset/internal/news"
)

// Store is the full storage contract.
type Store interface {
	Categories
	Articles
	Settings
	Sources
	Stories
	Users
	Sessions
	Reactions
	Comments
	Audit
	Revisions
	Stats
	Search
	Aggregation
	Changes
	RateLimits
	Leases
	// Ready reports whether the database answers and holds the schema this
	// binary knows (for /readyz).
	Ready(ctx context.Context) error
	Close() error
}

// Leases give a duty (the fetch scheduler) to one process at a time: the
// holder renews its lease; when it dies, another takes over once the lease
// runs out.
type Leases interface {
	// AcquireLease takes the lease name for holder until now+ttl, or renews
	// it; it reports false while another holder's lease is live.
	AcquireLease(ctx context.Context, name, holder string, ttl time.Duration, now time.Time) (bool, error)
	// LeaseHolder returns who holds name at now, or "".
	LeaseHolder(ctx context.Context, name string, now time.Time) (string, error)
	// ReleaseLease gives the lease up if holder has it.
	ReleaseLease(ctx context.Context, name, holder string) error
}

// RateLimits keeps token buckets in the database, so that every node
// counts the same requests and a client cannot multiply a limit by the
// number of nodes.
type RateLimits interface {
	// TakeRateToken takes one token from the bucket named key, which holds
	// at most burst tokens and gains one every every, as of now. It reports
	// whether a token was there; a new key starts full.
	TakeRateToken(ctx context.Context, key string, every time.Duration, burst int, now time.Time) (bool, error)
	// PurgeRateBuckets forgets buckets untouched since before, which are
	// full again by then.
	PurgeRateBuckets(ctx context.Context, before time.Time) (int, error)
}

// Changes tells every process which content a write touched, so that page
// caches drop only the pages that show it.
type Changes interface {
	// WatchContent calls changed, in commit order, with the ids of the
	// articles each committed write touched — by this process or any other
	// on the same database — until ctx ends. A list that is empty or holds
	// 0 means "drop everything": a site-wide write (category, setting,
	// source), or changes the watcher may have missed (start, reconnect,
	// a pruned log). Engines without notifications look every poll.
	WatchContent(ctx context.Context, poll time.Duration, changed func(articleIDs []int64))
}

// Categories stores the category tree.
type Categories interface {
	// CreateCategory inserts c, giving it a unique slug from its name when
	// c.Slug is empty. A duplicate slug is ECONFLICT.
	CreateCategory(ctx context.Context, c *news.Category) error
	// EnsureCategoryPath returns the category at the end of the named path
	// (e.g. "Haberler", "Dünya"), creating any missing ones. Names match
	// Turkish-case-insensitively among siblings.
	EnsureCategoryPath(ctx context.Context, names ...string) (news.Category, error)
	// Category returns one category with its Ancestors filled.
	Category(ctx context.Context, id int64) (news.Category, error)
	CategoryBySlug(ctx context.Context, slug string) (news.Category, error)
	// ListCategories returns every category, parents before children,
	// siblings by Position then name, each with Ancestors filled.
	ListCategories(ctx context.Context) ([]news.Category, error)
	UpdateCategory(ctx context.Context, c *news.Category) error
	DeleteCategory(ctx context.Context, id int64) error
}

// Articles stores articles.
type Articles interface {
	// CreateArticle validates and inserts a, assigning ID, a unique slug
	// (from the title when a.Slug is empty: "yoldas-putinden-...", with
	// "-2", "-3" on collision), ImportedAt and UpdatedAt.
	CreateArticle(ctx context.Context, a *news.Article) error
	// UpdateArticle replaces the stored fields of a.ID and bumps UpdatedAt.
	UpdateArticle(ctx context.Context, a *news.Article) error
	DeleteArticle(ctx context.Context, id int64) error
	// Article returns one article with Category (and its Ancestors) and
	// source name filled. Unknown id is ENOTFOUND.
	Article(ctx context.Context, id int64) (news.Article, error)
	ArticleBySlug(ctx context.Context, slug string) (news.Article, error)
	// FindDuplicate returns an article with the same canonical URL or the
	// same content hash (either may be empty and is then ignored), or
	// ENOTFOUND.
	FindDuplicate(ctx context.Context, canonicalURL, contentHash string) (news.Article, error)
	// ListArticles returns articles matching f, newest display time first,
	// and the total number matching (ignoring Limit, Offset and Before).
	ListArticles(ctx context.Context, f news.ArticleFilter) ([]news.Article, int, error)
	// ContentVersion changes whenever any article, category or setting
	// changes, in any process; page caches poll it to invalidate.
	ContentVersion(ctx context.Context) (int64, error)
}

// Settings stores site settings (name, disclaimer, ad slots...) as strings.
type Settings interface {
	// Setting returns the value of key, or "" when unset.
	Setting(ctx context.Context, key string) (string, error)
	SetSetting(ctx context.Context, key, value string) error
	// AllSettings returns every set key.
	AllSettings(ctx context.Context) (map[string]string, error)
}

// Sources stores the outlets news is taken from.
type Sources interface {
	CreateSource(ctx context.Context, s *news.Source) error
	Source(ctx context.Context, id int64) (news.Source, error)
	// SourceByName returns the source with that exact name, or ENOTFOUND.
	SourceByName(ctx context.Context, name string) (news.Source, error)
	ListSources(ctx context.Context) ([]news.Source, error)
	UpdateSource(ctx context.Context, s *news.Source) error
	DeleteSource(ctx context.Context, id int64) error
}

// Stories stores the clusters that group articles about one event.
type Stories interface {
	// CreateStory inserts s, setting FirstSeen and UpdatedAt when zero.
	CreateStory(ctx context.Context, s *news.Story) error
	// Story returns one story; unknown id is ENOTFOUND.
	Story(ctx context.Context, id int64) (news.Story, error)
	// UpdateStory replaces a story's title and first-seen time (when an
	// earlier report joins it) and bumps UpdatedAt.
	UpdateStory(ctx context.Context, s *news.Story) error
}

// Search is the full-text index over article titles, summaries and bodies.
// It holds turkish.NormalizeText of each field and is updated in the same
// transaction as the article it indexes.
type Search interface {
	// SearchArticles returns the visible articles matching q, best text
	// score first, at most q.Limit of them (the newest matches when more
	// match), and how many match in all: exact while fewer than q.Limit
	// hits come back, estimated otherwise. A query without terms in All is
	// EINVALID.
	SearchArticles(ctx context.Context, q news.SearchQuery) ([]news.SearchHit, int, error)
	// RecentArticleTexts returns the title, summary and body text of up to
	// limit of the newest articles visible at visibleAt, joined by blank
	// lines; search builds its "did you mean" vocabulary from them.
	RecentArticleTexts(ctx context.Context, visibleAt time.Time, limit int) ([]string, error)
}

// Aggregation stores what the aggregator needs beyond articles: the
// SimHashes of recent articles, every outlet that carried an article, and
// story membership.
type Aggregation interface {
	// RecentSimHashes returns the SimHash of every article imported at or
	// after since that has one, oldest first.
	RecentSimHashes(ctx context.Context, since time.Time) ([]news.HashRef, error)
	// AddArticleSource records that an outlet carried the article at
	// s.ArticleID under s.URL; a URL already recorded for the article is
	// left as it is. Unknown article is ENOTFOUND.
	AddArticleSource(ctx context.Context, s news.ArticleSource) error
	// ArticleSources returns the outlets recorded for an article, earliest
	// publication first (unknown times last, by when we saw them).
	ArticleSources(ctx context.Context, articleID int64) ([]news.ArticleSource, error)
	// SetArticleStory puts an article in a story (0 takes it out) without
	// making a revision, and bumps the story's UpdatedAt.
	SetArticleStory(ctx context.Context, articleID, storyID int64) error
}
