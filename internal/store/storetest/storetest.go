// Package storetest is the contract test suite of store.Store. Every engine
// runs the same tests from its own _test.go:
//
//	func TestStore(t *testing.T) { storetest.Run(t, openTestDB) }
//
// Times are compared to the millisecond, the precision every engine keeps.
package storetest

import (
	"context"
	"errors"
	"testing"
	"time"

	"manset/internal/news"
	"manset/internal/store"
)

// Opener returns a new, empty store for one test. Run closes it when the
// test ends.
type Opener func(t *testing.T) store.Store

// Run runs the whole contract suite against stores made by open.
func Run(t *testing.T, open Opener) {
	t.Run("Categories", func(t *testing.T) { runCategories(t, open) })
	t.Run("Articles", func(t *testing.T) {
		runArticles(t, open)
		runArticleLists(t, open)
		runArticleWrites(t, open)
	})
	t.Run("Settings", func(t *testing.T) { runSettings(t, open) })
	t.Run("Sources", func(t *testing.T) { runSources(t, open) })
	t.Run("Stories", func(t *testing.T) { runStories(t, open) })
	t.Run("Users", func(t *testing.T) { runUsers(t, open) })
	t.Run("Sessions", func(t *testing.T) { runSessions(t, open) })
	t.Run("Reactions", func(t *testing.T) { runReactions(t, open) })
	t.Run("Comments", func(t *testing.T) { runComments(t, open) })
	t.Run("Newsroom", func(t *testing.T) { runNewsroom(t, open) })
	t.Run("Search", func(t *testing.T) { runSearch(t, open) })
	t.Run("Aggregation", func(t *testing.T) { runAggregation(t, open) })
	t.Run("Changes", func(t *testing.T) { runChanges(t, open) })
	t.Run("RateLimits", func(t *testing.T) { runRateLimits(t, open) })
	t.Run("Leases", func(t *testing.T) { runLeases(t, open) })
}

// fresh opens a store that is closed when t ends.
func fresh(t *testing.T, open Opener) store.Store {
	t.Helper()
	s := open(t)
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

// ctx is the context of a test: cancelled when the test ends.
func ctx(t *testing.T) context.Context { return t.Context() }

// wantCode fails t unless err carries the domain error code want and a
// message that can be shown to a reader.
func wantCode(t *testing.T, err error, want string) {
	t.Helper()
	if got := news.ErrorCode(err); got != want {
		t.Fatalf("error code = %q (%v), want %q", got, err, want)
	}
	var e *news.Error
	if !errors.As(err, &e) || e.Key == "" {
		t.Errorf("error %v has no user-safe message", err)
	}
}

// must fails t on a non-nil error.
func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// at returns a fixed UTC time, minutes after a base, for ordering tests.
func at(minutes int) time.Time {
	return time.Date(2024, 3, 15, 9, 0, 0, 0, time.UTC).Add(time.Duration(minutes) * time.Minute)
}

func ptr[T any](v T) *T { return &v }

// article creates an article with the given title and options applied.
func article(t *testing.T, s store.Store, title string, opts ...func(*news.Article)) news.Article {
	t.Helper()
	a := news.Article{Title: title, BodyText: title + " gövde metni.", Status: news.StatusPublished}
	for _, o := range opts {
		o(&a)
	}
	must(t, s.CreateArticle(ctx(t), &a))
	return a
}

func publishedAt(m int) func(*news.Article) {
	return func(a *news.Article) { a.PublishedAt = ptr(at(m)) }
}

func inCategory(id int64) func(*news.Article) {
	return func(a *news.Article) { a.CategoryID = id }
}

// titles returns the titles of list, in order.
func titles(list []news.Article) []string {
	out := make([]string, len(list))
	for i, a := range list {
		out[i] = a.Title
	}
	return out
}

// version reads the content version.
func version(t *testing.T, s store.Store) int64 {
	t.Helper()
	v, err := s.ContentVersion(ctx(t))
	must(t, err)
	return v
}

// subtest is one named test run on a fresh store.
type subtest struct {
	name string
	fn   func(t *testing.T, s store.Store)
}

// run runs each subtest on its own fresh store.
func run(t *testing.T, open Opener, tests []subtest) {
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, fresh(t, open)) })
	}
}
