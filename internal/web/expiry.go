package web

import (
	"context"
	"time"

	"manset/internal/news"
)

// Page lifetimes in the cache, on top of invalidation by ContentVersion.
// Time alone changes pages when a scheduled article comes due, which no
// write announces: lists check often and also stop at the next due time.
const (
	listTTL    = 30 * time.Second
	articleTTL = 5 * time.Minute
)

// expiry returns when a page rendered now should leave the cache: after ttl
// or when the next scheduled article becomes visible, whichever is first.
func (s *Server) expiry(ctx context.Context, now time.Time, ttl time.Duration) time.Time {
	exp := now.Add(ttl)
	if due, ok := s.nextScheduled(ctx, now); ok && due.Before(exp) {
		exp = due
	}
	return exp
}

// nextScheduled returns the earliest publish time after now among
// scheduled articles. Errors only shorten nothing: the TTL still applies.
func (s *Server) nextScheduled(ctx context.Context, now time.Time) (time.Time, bool) {
	status := news.StatusScheduled
	after := now.Add(time.Nanosecond)
	list, _, err := s.store.ListArticles(ctx, news.ArticleFilter{Lean: true, Status: &status, Since: &after, Limit: 200})
	if err != nil {
		return time.Time{}, false
	}
	var next time.Time
	for _, a := range list {
		if a.PublishedAt != nil && a.PublishedAt.After(now) && (next.IsZero() || a.PublishedAt.Before(next)) {
			next = *a.PublishedAt
		}
	}
	return next, !next.IsZero()
}
