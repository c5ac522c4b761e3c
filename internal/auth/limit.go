package auth

import (
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

	mu   sync.Mutex
	keys map[string]*limitEntry
}

type limitEntry struct {
	lim  *rate.Limiter
	seen time.Time
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
func (l *Limiter) Allow(key string) error {
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
		return news.E(news.ERATELIMIT, "auth.too_many_attempts")
	}
	return nil
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
