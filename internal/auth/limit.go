package auth

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"manset/internal/news"
)

// Rule is a rate limit: Burst requests at once, then one per Every.
type Rule struct {
	Every time.Duration
	Burst int
}

// Limiter applies one Rule per key (an IP, an e-mail), remembering at most
// a bounded number of keys so that a flood of new keys cannot grow memory
// without end.
type Limiter struct {
	rule    Rule
	maxKeys int
	now     func() time.Time

	// shared, when set, counts in the database under name+":"+key so that
	// every node takes from one bucket; the local buckets then serve only
	// while the database does not answer.
	shared Buckets
	name   string
	log    *slog.Logger

	mu   sync.Mutex
	keys map[string]*limitEntry
}

type limitEntry struct {
	lim  *rate.Limiter
	seen time.Time
}

// Buckets are token buckets shared by every node of a site (the store's
// TakeRateToken). Without them each process counts on its own.
type Buckets interface {
	TakeRateToken(ctx context.Context, key string, every time.Duration, burst int, now time.Time) (bool, error)
}

// Shared makes l count in b under name, so a client cannot multiply the
// limit by spreading requests over nodes; log reports a failing database
// (l then falls back to its own buckets). A nil b leaves l local.
func (l *Limiter) Shared(b Buckets, name string, log *slog.Logger) *Limiter {
	if b == nil {
		return l
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	l.shared, l.name, l.log = b, name, log
	return l
}

// NewLimiter returns a limiter of rule keeping at most maxKeys keys; now
// is the clock (nil for time.Now).
func NewLimiter(rule Rule, maxKeys int, now func() time.Time) *Limiter {
	if now == nil {
		now = time.Now
	}
	return &Limiter{rule: rule, maxKeys: max(maxKeys, 1), now: now, keys: make(map[string]*limitEntry)}
}

// Allow takes one request for key; over the limit it returns ERATELIMIT.
func (l *Limiter) Allow(ctx context.Context, key string) error {
	if l.shared != nil {
		ok, err := l.shared.TakeRateToken(ctx, l.name+":"+key, l.rule.Every, l.rule.Burst, l.now())
		if err == nil {
			if !ok {
				return errRateLimited()
			}
			return nil
		}
		l.log.Warn("auth: shared rate limit unavailable, counting locally", slog.String("limit", l.name), slog.Any("err", err))
	}
	return l.allowLocal(key)
}

// allowLocal takes one request for key from this process's buckets.
func (l *Limiter) allowLocal(key string) error {
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	e, ok := l.keys[key]
	if !ok {
		if len(l.keys) >= l.maxKeys {
			l.evict(now)
		}
		e = &limitEntry{lim: rate.NewLimiter(rate.Every(l.rule.Every), l.rule.Burst)}
		l.keys[key] = e
	}
	e.seen = now
	if !e.lim.AllowN(now, 1) {
		return errRateLimited()
	}
	return nil
}

func errRateLimited() error {
	return news.E(news.ERATELIMIT, "auth.too_many_attempts")
}

// evict forgets keys idle long enough to have a full bucket again, which
// loses nothing; if none are, it drops a quarter of the keys, whichever
// the map yields first: under a flood of keys, some limits reset early.
func (l *Limiter) evict(now time.Time) {
	refill := l.rule.Every * time.Duration(l.rule.Burst)
	for k, e := range l.keys {
		if now.Sub(e.seen) >= refill {
			delete(l.keys, k)
		}
	}
	if len(l.keys) < l.maxKeys {
		return
	}
	drop := max(len(l.keys)/4, 1)
	for k := range l.keys {
		if drop == 0 {
			break
		}
		delete(l.keys, k)
		drop--
	}
}

// Len returns how many keys the limiter remembers.
func (l *Limiter) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.keys)
}
