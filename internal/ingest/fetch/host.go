package fetch

import (
	"context"
	"net"
	"net/url"
	"strings"
	"time"
)

const (
	// maxBackoff caps both Retry-After and our own exponential backoff: a
	// host that asks for a day off is asked again in an hour.
	maxBackoff = time.Hour
	// backoffBase is the wait after the first failure; it doubles after
	// each further failure in a row.
	backoffBase = 5 * time.Second
)

// host is the politeness state of one scheme://host:port. Its fields are
// guarded by the turn token: only the holder reads or writes them.
type host struct {
	turn     chan struct{} // capacity 1: holding the token is holding the host
	next     time.Time     // the earliest start of the next request
	failures int           // 429, 5xx or network errors in a row
	robots   *robotsRules

	// users and lastUsed are guarded by Fetcher.mu: how many callers
	// hold this state, and when the last one let go.
	users    int
	lastUsed time.Time
}

// maxHosts is how many hosts' state the fetcher keeps before it forgets
// the ones idle for longer than hostIdle. A server that follows links to
// many hosts would otherwise grow without bound.
var maxHosts = 4096

// hostIdle is how long an unused host's state is worth keeping: longer
// than any backoff (maxBackoff), so forgetting it never shortens a wait
// the host asked for; robots.txt is simply fetched again.
const hostIdle = 2 * maxBackoff

// host returns the state for u's host, creating it on first use. Every
// call must be paired with release.
func (f *Fetcher) host(u *url.URL) *host {
	key := hostKey(u)
	f.mu.Lock()
	defer f.mu.Unlock()
	h := f.hosts[key]
	if h == nil {
		if len(f.hosts) >= maxHosts {
			f.forgetIdle()
		}
		h = &host{turn: make(chan struct{}, 1)}
		f.hosts[key] = h
	}
	h.users++
	return h
}

// release lets go of a host state got from host.
func (f *Fetcher) release(h *host) {
	f.mu.Lock()
	h.users--
	h.lastUsed = f.cfg.Now()
	f.mu.Unlock()
}

// forgetIdle drops the state of hosts nobody holds that were last used
// more than hostIdle ago. f.mu is held.
func (f *Fetcher) forgetIdle() {
	cutoff := f.cfg.Now().Add(-hostIdle)
	for key, h := range f.hosts {
		if h.users == 0 && h.lastUsed.Before(cutoff) {
			delete(f.hosts, key)
		}
	}
}

// hostKey names the politeness unit: scheme, lower-cased host and port, so
// that example.com and EXAMPLE.com:443 share one queue.
func hostKey(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[u.Scheme]
	}
	name := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	return u.Scheme + "://" + net.JoinHostPort(name, port)
}

// lock waits for the host's turn, or until ctx is done.
func (h *host) lock(ctx context.Context) error {
	select {
	case h.turn <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (h *host) unlock() { <-h.turn }

// waitTurn sleeps until the host may be asked again. When the wait would
// outlast ctx's deadline it fails at once, with the wait as RetryAfter,
// rather than sleeping only to time out.
func (f *Fetcher) waitTurn(ctx context.Context, h *host, u *url.URL) error {
	d := h.next.Sub(f.cfg.Now())
	if d <= 0 {
		return nil
	}
	if dl, ok := ctx.Deadline(); ok && f.cfg.Now().Add(d).After(dl) {
		return backingOff(u, d)
	}
	return f.wait(ctx, d)
}

// settle schedules the host's next request after one that failed or not,
// with the server's Retry-After, if any.
func (f *Fetcher) settle(h *host, failed bool, retryAfter time.Duration) {
	delay := f.cfg.HostDelay
	if h.robots != nil && h.robots.crawlDelay > delay {
		delay = min(h.robots.crawlDelay, maxBackoff)
	}
	if failed {
		h.failures++
		delay = max(delay, backoff(h.failures), min(retryAfter, maxBackoff))
	} else {
		h.failures = 0
	}
	h.next = f.cfg.Now().Add(delay)
}

// backoff is the exponential wait after n failures in a row.
func backoff(n int) time.Duration {
	if n <= 0 {
		return 0
	}
	d := backoffBase
	for i := 1; i < n && d < maxBackoff; i++ {
		d *= 2
	}
	return min(d, maxBackoff)
}
