// Package fetch downloads pages and feeds for ingestion, politely and
// safely: it honours robots.txt, makes one request at a time per host with a
// delay between them, backs off on 429 and 5xx, sends conditional requests,
// caps bodies after decompression, and refuses private network addresses
// after DNS resolution and on every redirect (the SSRF guard).
package fetch

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"sync"
	"syscall"
	"time"

	"manset/internal/charset"
)

// Defaults for the zero values of Config.
const (
	DefaultUserAgent    = "Manset/1.0 (haber toplayici; +https://github.com/manset)"
	DefaultMaxBody      = 20 << 20
	DefaultTimeout      = 30 * time.Second
	DefaultHostDelay    = time.Second
	DefaultMaxRedirects = 5

	// robotsAgent is the token we look for in robots.txt User-agent lines.
	robotsAgent = "Manset"
)

// Config tunes a Fetcher. Zero values take the defaults above.
type Config struct {
	UserAgent    string        // sent on every request
	AllowPrivate bool          // reach private and loopback addresses (MANSET_FETCH_ALLOW_PRIVATE=1)
	MaxBody      int64         // bytes after decompression
	Timeout      time.Duration // each request (redirect hop): connect, headers and body; not the wait for the host
	HostDelay    time.Duration // least time between two requests to one host
	MaxRedirects int           // redirects followed before giving up
	Logger       *slog.Logger
	Now          func() time.Time
	// Private, when set, replaces the SSRF guard's test of which resolved
	// addresses are refused, so end-to-end tests can keep the guard on
	// while serving outlets from loopback and mark one server private.
	Private func(netip.AddrPort) bool
}

// Fetcher downloads URLs. It is safe for concurrent use: requests to
// different hosts run in parallel, requests to one host run one at a time.
type Fetcher struct {
	cfg    Config
	client *http.Client
	log    *slog.Logger

	mu    sync.Mutex
	hosts map[string]*host

	// blocked decides which resolved addresses the SSRF guard refuses, and
	// wait sleeps between requests; tests replace both.
	blocked func(netip.AddrPort) bool
	wait    func(ctx context.Context, d time.Duration) error
}

// Request is one URL to fetch, with the validators of the copy we already
// have so the server can answer 304 Not Modified.
type Request struct {
	URL          string
	ETag         string
	LastModified string
}

// Response is a successful fetch: 2xx with a body, or 304 without one.
type Response struct {
	URL          string // final URL, after redirects
	Status       int
	NotModified  bool
	Body         []byte // decompressed, at most Config.MaxBody bytes
	ContentType  string
	ETag         string
	LastModified string
	RetryAfter   time.Duration // from a Retry-After header, if any
}

// Text returns the body as UTF-8, decoded by the charset of the
// Content-Type header, the page's own declaration, or windows-1254.
func (r *Response) Text() string {
	return charset.Decode(r.Body, r.ContentType)
}

// New returns a Fetcher for cfg.
func New(cfg Config) *Fetcher {
	if cfg.UserAgent == "" {
		cfg.UserAgent = DefaultUserAgent
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.HostDelay <= 0 {
		cfg.HostDelay = DefaultHostDelay
	}
	if cfg.MaxRedirects <= 0 {
		cfg.MaxRedirects = DefaultMaxRedirects
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	f := &Fetcher{cfg: cfg, log: cfg.Logger, hosts: map[string]*host{}, blocked: isBlocked, wait: sleep}
	if cfg.Private != nil {
		f.blocked = cfg.Private
	}
	f.client = &http.Client{
		Transport: f.transport(),
		// Redirects are followed by Fetch itself, hop by hop, so that each
		// hop gets the scheme, robots.txt and politeness checks.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	return f
}

func (f *Fetcher) transport() *http.Transport {
	dialer := &net.Dialer{
		Timeout:   10 * time.Second,
		KeepAlive: 30 * time.Second,
		// Control runs on the resolved address of every connection attempt.
		Control: func(_, address string, _ syscall.RawConn) error { return f.checkDialAddr(address) },
	}
	return &http.Transport{
		// No proxy from the environment: the guard must see the real peer.
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: min(f.cfg.Timeout, 20*time.Second),
		ExpectContinueTimeout: time.Second,
		IdleConnTimeout:       90 * time.Second,
		MaxIdleConnsPerHost:   2,
		// We decompress ourselves, under the size cap.
		DisableCompression: true,
	}
}

// sleep waits d or until ctx is done, whichever comes first.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Fetch downloads r.URL, following redirects. HTTP error statuses come back
// as errors whose cause is a *StatusError; RetryAfter(err) tells how long
// the host asked us to wait.
func (f *Fetcher) Fetch(ctx context.Context, r Request) (*Response, error) {
	u, err := f.checkURL(r.URL)
	if err != nil {
		return nil, err
	}
	for hops := 0; ; hops++ {
		resp, next, err := f.fetchHop(ctx, u, r)
		if err != nil || next == nil {
			return resp, err
		}
		if hops >= f.cfg.MaxRedirects {
			return nil, tooManyRedirects(r.URL, f.cfg.MaxRedirects)
		}
		if err := f.checkParsedURL(next); err != nil {
			return nil, err
		}
		f.log.Debug("fetch: redirect", slog.String("from", u.String()), slog.String("to", next.String()))
		u = next
	}
}

// Allowed reports whether robots.txt lets us fetch rawURL. It may fetch
// robots.txt, which counts as a request to the host.
func (f *Fetcher) Allowed(ctx context.Context, rawURL string) (bool, error) {
	u, err := f.checkURL(rawURL)
	if err != nil {
		return false, err
	}
	h := f.host(u)
	defer f.release(h)
	if err := h.lock(ctx); err != nil {
		return false, err
	}
	defer h.unlock()
	rules, err := f.robots(ctx, h, u)
	if err != nil {
		return false, err
	}
	return rules.allows(u), nil
}
