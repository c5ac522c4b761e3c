package web

import (
	"net/http"
	"strconv"
	"strings"
)

// apiLocale decides the language of r's JSON messages: ?lang= and the lang
// cookie first, as for pages, then Accept-Language, else Turkish. Unlike
// pages, the API honours the header: an API client states its language
// there, and our own scripts send the page's language in it.
func apiLocale(r *http.Request) string {
	if loc, _ := chosenLocale(r); loc != "" {
		return loc
	}
	return acceptLocale(r.Header.Get("Accept-Language"))
}

// langPref is how much an Accept-Language header wants one of our
// locales: its q-value, and the position that breaks ties in favour of
// the tag listed first.
type langPref struct {
	q   float64
	pos int
}

// acceptLocale returns the locale the Accept-Language value v prefers
// among ours: the highest q-value wins ("en-GB" counts as "en"), "*" gives
// its q to a locale not named, q=0 refuses, and equal q-values go to the
// tag listed first. With nothing acceptable it is Turkish.
func acceptLocale(v string) string {
	prefs := map[string]langPref{}
	star, hasStar := langPref{}, false
	for i, part := range strings.Split(v, ",") {
		tag, params, _ := strings.Cut(part, ";")
		q, ok := qValue(params)
		if !ok {
			continue
		}
		tag = strings.TrimSpace(tag)
		if tag == "*" {
			star, hasStar = langPref{q, i}, true
			continue
		}
		loc := validLocale(tag)
		if p, seen := prefs[loc]; loc == "" || (seen && p.q >= q) {
			continue
		}
		prefs[loc] = langPref{q, i}
	}
	best, bestPref := localeTR, langPref{q: 0}
	for _, loc := range []string{localeTR, localeEN} {
		p, ok := prefs[loc]
		if !ok && hasStar {
			p, ok = star, true
		}
		if ok && (p.q > bestPref.q || (p.q == bestPref.q && p.q > 0 && p.pos < bestPref.pos)) {
			best, bestPref = loc, p
		}
	}
	return best
}

// qValue reads the q parameter of one Accept-Language entry ("q=0.8";
// 1 when absent). ok is false for a malformed or out-of-range value, which
// drops the entry.
func qValue(params string) (q float64, ok bool) {
	q = 1
	for p := range strings.SplitSeq(params, ";") {
		name, val, _ := strings.Cut(strings.TrimSpace(p), "=")
		if !strings.EqualFold(strings.TrimSpace(name), "q") {
			continue
		}
		f, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
		if err != nil || f < 0 || f > 1 {
			return 0, false
		}
		q = f
	}
	return q, true
}
