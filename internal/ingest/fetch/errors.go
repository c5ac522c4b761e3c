package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"manset/internal/news"
)

// StatusError is the cause of a failed fetch when the server answered with
// an error status, or (Status 0) when the host is still backing off and no
// request was sent. RetryAfter is how long the host asked us, or our
// backoff tells us, to wait before the next request.
type StatusError struct {
	URL        string
	Status     int
	RetryAfter time.Duration
}

func (e *StatusError) Error() string {
	if e.Status == 0 {
		return fmt.Sprintf("%s: host backing off for %s", e.URL, e.RetryAfter)
	}
	return fmt.Sprintf("%s: HTTP %d (retry after %s)", e.URL, e.Status, e.RetryAfter)
}

// RetryAfter returns how long to wait before fetching again after err, and
// 0 when err carries no such advice.
func RetryAfter(err error) time.Duration {
	var se *StatusError
	if errors.As(err, &se) {
		return se.RetryAfter
	}
	return 0
}

// statusError turns an HTTP error status into a domain error a reader can
// understand, keeping the status and the wait in a *StatusError.
func statusError(u *url.URL, status int, retryAfter time.Duration) error {
	cause := &StatusError{URL: u.String(), Status: status, RetryAfter: retryAfter}
	code, what := news.EINTERNAL, news.T("fetch.server_error")
	switch {
	case status == http.StatusTooManyRequests:
		code, what = news.ERATELIMIT, news.T("fetch.server_rate_limited")
	case status == http.StatusNotFound || status == http.StatusGone:
		code, what = news.ENOTFOUND, news.T("fetch.server_not_found")
	case status == http.StatusUnauthorized || status == http.StatusForbidden:
		code, what = news.EFORBIDDEN, news.T("fetch.server_forbidden")
	case status >= 400 && status < 500:
		code, what = news.EINVALID, news.T("fetch.server_rejected")
	case status < 200 || (status >= 300 && status < 400):
		code, what = news.EUNSUPPORTED, news.T("fetch.server_unexpected")
	}
	msg := news.T("fetch.http_status", what, status, u.Redacted())
	if retryAfter > 0 {
		msg = news.T("fetch.will_retry", msg, retryAfter.Round(time.Second))
	}
	return &news.Error{Code: code, Text: msg, Err: cause}
}

// backingOff is the error for a request not sent because the host's
// backoff would outlast the caller's deadline.
func backingOff(u *url.URL, wait time.Duration) error {
	cause := &StatusError{URL: u.String(), RetryAfter: wait}
	return news.WrapError(news.ERATELIMIT, "fetch.backing_off", cause, wait.Round(time.Second), u.Host)
}

func tooManyRedirects(raw string, limit int) error {
	return news.E(news.EINVALID, "fetch.too_many_redirects", limit, raw)
}

// networkError names a failure to talk to the server. The guard's own
// refusal travels inside url.Error and net.OpError; it is returned as is.
func networkError(u *url.URL, err error) error {
	var ne *news.Error
	switch {
	case errors.As(err, &ne):
		return ne
	case errors.Is(err, context.Canceled):
		return err
	case errors.Is(err, context.DeadlineExceeded):
		return news.WrapError(news.EINTERNAL, "fetch.timeout", err, u.Host)
	}
	return news.WrapError(news.EINTERNAL, "fetch.unreachable", err, u.Host)
}

// parseRetryAfter reads a Retry-After value, either delay-seconds or an
// HTTP-date, as a wait from now. Unreadable values give ok=false; dates in
// the past give 0. Huge values are capped at maxBackoff.
func parseRetryAfter(v string, now time.Time) (d time.Duration, ok bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if isDigits(v) {
		secs, err := strconv.ParseInt(v, 10, 64)
		if err != nil || secs > int64(maxBackoff/time.Second) {
			return maxBackoff, true // only overflow fails on digits
		}
		return time.Duration(secs) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	d = t.Sub(now)
	return min(max(d, 0), maxBackoff), true
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
