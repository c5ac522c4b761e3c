package fetch

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	"manset/internal/news"
)

// accept lists what the ingest pipeline can read: pages and feeds.
const accept = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml," +
	"application/feed+json,application/xml;q=0.9,application/json;q=0.8,*/*;q=0.5"

// fetchHop makes one request for u in the host's turn, after robots.txt
// agrees. It returns the response, or the next URL for a redirect.
func (f *Fetcher) fetchHop(ctx context.Context, u *url.URL, r Request) (*Response, *url.URL, error) {
	h := f.host(u)
	defer f.release(h)
	if err := h.lock(ctx); err != nil {
		return nil, nil, err
	}
	defer h.unlock()
	rules, err := f.robots(ctx, h, u)
	if err != nil {
		return nil, nil, err
	}
	if !rules.allows(u) {
		return nil, nil, rules.refusal(u, f.cfg.Now())
	}
	if err := f.waitTurn(ctx, h, u); err != nil {
		return nil, nil, err
	}
	return f.get(ctx, h, u, r)
}

// get sends the GET and reads the answer; the caller holds the host.
func (f *Fetcher) get(ctx context.Context, h *host, u *url.URL, r Request) (*Response, *url.URL, error) {
	ctx, cancel := context.WithTimeout(ctx, f.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, nil, news.WrapError(news.EINVALID, "fetch.bad_url", err, u.Redacted())
	}
	f.setHeaders(req)
	if r.ETag != "" {
		req.Header.Set("If-None-Match", r.ETag)
	}
	if r.LastModified != "" {
		req.Header.Set("If-Modified-Since", r.LastModified)
	}
	start := f.cfg.Now()
	resp, err := f.client.Do(req)
	if err != nil {
		err = networkError(u, err)
		f.settle(h, isFailure(err), 0)
		return nil, nil, err
	}
	defer resp.Body.Close()
	ra, _ := parseRetryAfter(resp.Header.Get("Retry-After"), f.cfg.Now())
	out, next, err := f.answer(u, resp, ra)
	f.settle(h, failedStatus(resp.StatusCode) || isFailure(err), ra)
	if failedStatus(resp.StatusCode) {
		err = statusError(u, resp.StatusCode, h.next.Sub(f.cfg.Now()))
	}
	f.log.Debug("fetch", slog.String("url", u.String()), slog.Int("status", resp.StatusCode),
		slog.Duration("took", f.cfg.Now().Sub(start)), slog.Any("err", err))
	return out, next, err
}

func (f *Fetcher) setHeaders(req *http.Request) {
	req.Header.Set("User-Agent", f.cfg.UserAgent)
	req.Header.Set("Accept", accept)
	req.Header.Set("Accept-Language", "tr,en;q=0.5")
	// Set explicitly so the transport does not decompress on its own,
	// uncapped; readBody decompresses under the cap.
	req.Header.Set("Accept-Encoding", "gzip, deflate")
}

// answer interprets a response: a body, a 304, a redirect, or an error.
func (f *Fetcher) answer(u *url.URL, resp *http.Response, ra time.Duration) (*Response, *url.URL, error) {
	out := &Response{
		URL: u.String(), Status: resp.StatusCode, RetryAfter: ra,
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
	}
	switch code := resp.StatusCode; {
	case code >= 200 && code < 300:
		body, err := readBody(resp, f.cfg.MaxBody)
		if err != nil {
			return nil, nil, err
		}
		out.Body = body
		return out, nil, nil
	case code == http.StatusNotModified:
		out.NotModified = true
		return out, nil, nil
	case isRedirect(code):
		drain(resp.Body)
		loc := resp.Header.Get("Location")
		if loc == "" {
			return nil, nil, news.E(news.EINVALID, "fetch.redirect_no_target", code, u.Redacted())
		}
		next, err := u.Parse(loc)
		if err != nil {
			return nil, nil, news.WrapError(news.EINVALID, "fetch.bad_redirect", err, u.Redacted())
		}
		return nil, next, nil
	default:
		drain(resp.Body)
		return nil, nil, statusError(u, code, ra)
	}
}

func isRedirect(code int) bool {
	switch code {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

// failedStatus tells the statuses that mean "the host is struggling".
func failedStatus(code int) bool {
	return code == http.StatusTooManyRequests || code >= 500
}

// isFailure tells errors that should slow us down on the host (it did not
// answer, or answered late) from those that are the page's or ours (a 404,
// the guard, a too-large body, a cancelled context).
func isFailure(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) {
		return false
	}
	switch news.ErrorCode(err) {
	case news.EINTERNAL, news.ERATELIMIT:
		return true
	}
	return false
}

// drain reads a little of an unwanted body so the connection can be reused.
func drain(r io.Reader) {
	_, _ = io.CopyN(io.Discard, r, 64<<10)
}
