package fetch

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	"github.com/temoto/robotstxt"

	"manset/internal/news"
)

const (
	robotsTTL = time.Hour
	// robotsRetryTTL is how long a robots.txt that answered 429 or 5xx
	// keeps the host closed before we ask again.
	robotsRetryTTL = 10 * time.Minute
	// robotsMaxBytes is how much of a robots.txt we read, like Google's
	// 500 KiB: rules past it are ignored.
	robotsMaxBytes = 512 << 10
)

// robotsRules is what one host's robots.txt says to us.
type robotsRules struct {
	group       *robotstxt.Group // nil: everything allowed
	crawlDelay  time.Duration
	unavailable *StatusError // robots.txt answered 429/5xx: nothing allowed for now
	expires     time.Time
}

// allows reports whether u may be fetched. Rules match the path and query,
// as they were written on the site.
func (r *robotsRules) allows(u *url.URL) bool {
	if r.unavailable != nil {
		return false
	}
	if r.group == nil {
		return true
	}
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	if p == "/robots.txt" {
		return true
	}
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return r.group.Test(p)
}

// refusal explains why allows said no.
func (r *robotsRules) refusal(u *url.URL, now time.Time) error {
	if se := r.unavailable; se != nil {
		wait := r.expires.Sub(now)
		cause := &StatusError{URL: se.URL, Status: se.Status, RetryAfter: wait}
		return news.WrapError(news.ERATELIMIT, "fetch.robots_unavailable", cause, se.Status, wait.Round(time.Second), u.Host)
	}
	return news.E(news.EFORBIDDEN, "fetch.robots_disallow", u.Redacted())
}

// robots returns the host's robots.txt rules, fetching them in the host's
// turn when they are missing or stale. The caller holds the host.
func (f *Fetcher) robots(ctx context.Context, h *host, u *url.URL) (*robotsRules, error) {
	now := f.cfg.Now()
	if h.robots != nil && now.Before(h.robots.expires) {
		return h.robots, nil
	}
	if err := f.waitTurn(ctx, h, u); err != nil {
		return nil, err
	}
	robotsURL := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	rules, ra, err := f.fetchRobots(ctx, robotsURL)
	if err != nil {
		f.settle(h, isFailure(err), 0)
		return nil, err
	}
	h.robots = rules
	f.settle(h, rules.unavailable != nil, ra)
	return rules, nil
}

// fetchRobots downloads and parses robots.txt. A missing file (any 4xx but
// 429) allows everything; 429 and 5xx close the host for robotsRetryTTL.
func (f *Fetcher) fetchRobots(ctx context.Context, robotsURL *url.URL) (*robotsRules, time.Duration, error) {
	ctx, cancel := context.WithTimeout(ctx, f.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, robotsURL.String(), nil)
	if err != nil {
		return nil, 0, news.WrapError(news.EINVALID, "fetch.bad_url", err, robotsURL.Host)
	}
	f.setHeaders(req)
	resp, err := f.robotsClient().Do(req)
	if err != nil {
		return nil, 0, networkError(robotsURL, err)
	}
	defer resp.Body.Close()
	now := f.cfg.Now()
	ra, _ := parseRetryAfter(resp.Header.Get("Retry-After"), now)
	code := resp.StatusCode
	switch {
	case failedStatus(code):
		ttl := max(robotsRetryTTL, min(ra, maxBackoff))
		se := &StatusError{URL: robotsURL.String(), Status: code, RetryAfter: ttl}
		return &robotsRules{unavailable: se, expires: now.Add(ttl)}, ra, nil
	case code < 200 || code >= 300:
		return &robotsRules{expires: now.Add(robotsTTL)}, ra, nil
	}
	body, err := readRobots(resp)
	if err != nil {
		return nil, 0, err
	}
	rules := &robotsRules{expires: now.Add(robotsTTL)}
	data, err := robotstxt.FromBytes(body)
	if err != nil {
		// A robots.txt we cannot parse says nothing we could obey.
		f.log.Warn("fetch: unreadable robots.txt", slog.String("url", robotsURL.String()), slog.Any("err", err))
		return rules, ra, nil
	}
	rules.group = data.FindGroup(robotsAgent)
	rules.crawlDelay = rules.group.CrawlDelay
	return rules, ra, nil
}

// readRobots reads at most robotsMaxBytes of the decompressed body.
func readRobots(resp *http.Response) ([]byte, error) {
	r, err := decoder(resp)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(io.LimitReader(r, robotsMaxBytes))
	if err != nil {
		return nil, bodyError(err)
	}
	return body, nil
}

// robotsClient follows robots.txt redirects itself (as crawlers do, up to
// five), each hop checked by the same URL rules and dial guard.
func (f *Fetcher) robotsClient() *http.Client {
	return &http.Client{
		Transport: f.client.Transport,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= DefaultMaxRedirects {
				return errors.New("robots.txt: too many redirects")
			}
			return f.checkParsedURL(req.URL)
		},
	}
}
