// Package ingest turns outside news into stored articles: files and folders
// given to `manset import` now, fetched sources later. Each item goes
// extract -> normalise -> dedup -> categorise -> store.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"manset/internal/news"
)

// Store is what the importer needs from storage.
type Store interface {
	EnsureCategoryPath(ctx context.Context, names ...string) (news.Category, error)
	CategoryBySlug(ctx context.Context, slug string) (news.Category, error)
	FindDuplicate(ctx context.Context, canonicalURL, contentHash string) (news.Article, error)
	CreateArticle(ctx context.Context, a *news.Article) error
	UpdateArticle(ctx context.Context, a *news.Article) error
	SourceByName(ctx context.Context, name string) (news.Source, error)
	CreateSource(ctx context.Context, s *news.Source) error

	// Near copies, outlets, categories and stories.
	Article(ctx context.Context, id int64) (news.Article, error)
	ListArticles(ctx context.Context, f news.ArticleFilter) ([]news.Article, int, error)
	ListCategories(ctx context.Context) ([]news.Category, error)
	RecentSimHashes(ctx context.Context, since time.Time) ([]news.HashRef, error)
	AddArticleSource(ctx context.Context, s news.ArticleSource) error
	CreateStory(ctx context.Context, s *news.Story) error
	Story(ctx context.Context, id int64) (news.Story, error)
	UpdateStory(ctx context.Context, s *news.Story) error
	SetArticleStory(ctx context.Context, articleID, storyID int64) error

	// Comments of WordPress exports.
	CreateComment(ctx context.Context, c *news.Comment) error
}

// Options steer one import run.
type Options struct {
	Source   string // source name to record on every article; created if missing
	Category string // category slug forced on every article
	// SourceCategory is the fetched source's default category: it decides
	// before the page's own hints (method "source"); an unknown slug is
	// ignored rather than failing every item.
	SourceCategory string
	// Status for imported articles; empty means published.
	Status news.Status
	// Selector is a source's CSS selector for the article body, for the
	// rare site the general extractor gets wrong.
	Selector string
}

// Outcome is what happened to one item.
type Outcome int

// Outcomes of importing one item.
const (
	Imported Outcome = iota // a new article was stored
	Updated                 // an existing copy was replaced by a newer version
	Skipped                 // the same article is already stored
	Failed                  // the item could not be imported
)

func (o Outcome) String() string {
	return [...]string{"imported", "updated", "skipped", "failed"}[o]
}

// Failure names an item that could not be imported and why.
type Failure struct {
	Name string
	Err  error
}

// Summary counts the outcomes of a run.
type Summary struct {
	Imported, Updated, Skipped int
	Failures                   []Failure
	ArticleIDs                 []int64 // imported or updated, in order
}

func (s *Summary) add(name string, o Outcome, id int64, err error) {
	switch o {
	case Imported:
		s.Imported++
	case Updated:
		s.Updated++
	case Skipped:
		s.Skipped++
	case Failed:
		s.Failures = append(s.Failures, Failure{Name: name, Err: err})
		return
	}
	if o != Skipped {
		s.ArticleIDs = append(s.ArticleIDs, id)
	}
}

// String prints the summary the way `manset import` shows it.
func (s *Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "imported %d, updated %d, skipped %d, failed %d\n", s.Imported, s.Updated, s.Skipped, len(s.Failures))
	for _, f := range s.Failures {
		fmt.Fprintf(&b, "  failed: %s: %s\n", f.Name, failureMessage(f.Err))
	}
	return b.String()
}

func failureMessage(err error) string {
	var e *news.Error
	if errors.As(err, &e) {
		return e.Message(news.LangTR)
	}
	return err.Error()
}

// Importer stores extracted pages and article records, deduplicating them.
type Importer struct {
	store  Store
	logger *slog.Logger
	now    func() time.Time

	near  *nearIndex
	model classifierState
	// Progress, when set, is called as files are read with the number of
	// bytes read so far (see CountBytes for the total).
	Progress func(doneBytes int64)
}

// New returns an Importer writing to st.
func New(st Store, logger *slog.Logger) *Importer {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Importer{store: st, logger: logger, now: time.Now, near: &nearIndex{}}
}
