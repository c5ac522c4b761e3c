package web

import (
	"context"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"manset/internal/turkish"
)

// UI locales. Turkish is the site's language and the default; English is
// offered for the reader chrome only (articles stay in their language).
const (
	localeTR = "tr"
	localeEN = "en"
)

// langCookie remembers a reader's explicit choice (?lang=) for a year.
const (
	langCookie    = "lang"
	langCookieAge = 365 * 24 * 60 * 60
)

// hdrVaryHTML is the Vary of HTML pages: their bytes depend on the locale,
// which comes from the lang cookie.
var hdrVaryHTML = []string{"Accept-Encoding, Cookie"}

type localeCtxKey struct{}

// localeInfo is what withLocale leaves in the request context.
type localeInfo struct {
	loc string
	// switchTR and switchEN are the footer links to this page in each
	// locale, keeping the query parameters that choose what it shows.
	switchTR, switchEN string
}

// localeFrom returns the request's UI locale; tr when none was decided.
func localeFrom(ctx context.Context) string {
	if l, ok := ctx.Value(localeCtxKey{}).(*localeInfo); ok {
		return l.loc
	}
	return localeTR
}

// langSwitch returns the footer's links to the page in Turkish and English.
func langSwitch(ctx context.Context) (tr, en string) {
	if l, ok := ctx.Value(localeCtxKey{}).(*localeInfo); ok {
		return l.switchTR, l.switchEN
	}
	return "?lang=tr", "?lang=en"
}

// switchParams are, by path prefix, the query parameters a language switch
// keeps: those that pick what the page shows. Others are dropped, so a
// cached page (keyed without them) never carries a visitor's stray ones.
var switchParams = []struct {
	prefix string
	keys   []string
}{
	{"/ara", []string{"q", "kategori", "sayfa"}},
	{"/kategori/", []string{"sayfa"}},
}

// switchURL is the relative link to r's page in loc.
func switchURL(r *http.Request, loc string) string {
	keep := url.Values{}
	for _, sp := range switchParams {
		if !strings.HasPrefix(r.URL.Path, sp.prefix) {
			continue
		}
		q := r.URL.Query()
		for _, k := range sp.keys {
			if v := q.Get(k); v != "" {
				keep.Set(k, v)
			}
		}
	}
	keep.Set("lang", loc)
	return "?" + keep.Encode()
}

// validLocale returns the locale v names ("en", "EN", "en-GB"...), or "".
func validLocale(v string) string {
	v = strings.ToLower(strings.TrimSpace(v))
	v, _, _ = strings.Cut(v, "-")
	switch v {
	case localeTR, localeEN:
		return v
	}
	return ""
}

// negotiateLocale decides the locale of r: ?lang= first, then the cookie,
// else Turkish. fromQuery tells whether the query chose it, so the
// caller remembers that choice in the cookie.
func negotiateLocale(r *http.Request) (loc string, fromQuery bool) {
	if loc, fromQuery = chosenLocale(r); loc != "" {
		return loc, fromQuery
	}
	// Accept-Language does not switch the site: it is a Turkish site whose
	// readers often browse with English-language browsers, and a reader who
	// wants English says so once with the footer switch. (The JSON API
	// does honour it; see apiLocale.)
	return localeTR, false
}

// chosenLocale is the locale the reader chose for r with ?lang= or the
// cookie, or "" when neither names one.
func chosenLocale(r *http.Request) (loc string, fromQuery bool) {
	if l := validLocale(r.URL.Query().Get("lang")); l != "" {
		return l, true
	}
	if c, err := r.Cookie(langCookie); err == nil {
		return validLocale(c.Value), false
	}
	return "", false
}

// withLocale decides each request's locale, keeps it in the context and,
// when the reader picked one with ?lang= on a page, remembers it in a
// cookie; an API call's ?lang= is for that call alone.
func (s *Server) withLocale(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		loc, chosen := negotiateLocale(r)
		if chosen && !isAPI(r) {
			http.SetCookie(w, &http.Cookie{Name: langCookie, Value: loc, Path: "/",
				MaxAge: langCookieAge, HttpOnly: true, Secure: s.secureCookies,
				SameSite: http.SameSiteLaxMode})
		}
		info := &localeInfo{loc: loc, switchTR: switchURL(r, localeTR), switchEN: switchURL(r, localeEN)}
		h.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), localeCtxKey{}, info)))
	})
}

// localeKey is the page-cache key of k in locale loc. Turkish keeps the
// bare key, so code that drops a page by path drops the Turkish copy, and
// pageCache.delete drops the others by suffix.
func localeKey(k, loc string) string {
	if loc == localeTR || loc == "" {
		return k
	}
	return k + "\x00" + loc
}

// otherLocales are the non-default locales, whose cached copies
// pageCache.delete also drops.
var otherLocales = []string{localeEN}

// translate returns msg, a Turkish UI text, in loc. Unknown texts (names,
// article content, outlets, and engine messages, which handlers localize
// themselves with localizeErr) come back unchanged.
func translate(loc, msg string) string {
	if loc != localeEN || msg == "" {
		return msg
	}
	if en, ok := catalogEN[msg]; ok {
		return en
	}
	return translatePattern(msg)
}

// translatePattern translates the few UI texts built around a name, such
// as page titles ("Spor Haberleri", "faiz – Arama").
func translatePattern(msg string) string {
	if head, n, ok := cutLast(msg, " – Sayfa "); ok {
		return translatePattern(head) + " – Page " + n
	}
	if name, ok := strings.CutSuffix(msg, " Haberleri"); ok {
		return name + " news"
	}
	if q, ok := strings.CutSuffix(msg, " – Arama"); ok {
		return q + " – Search"
	}
	if rest, ok := strings.CutPrefix(msg, "KAI: "); ok {
		return "KAI: " + rest
	}
	return msg
}

// cutLast splits s around the last sep.
func cutLast(s, sep string) (before, after string, found bool) {
	if i := strings.LastIndex(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

// englishMonths are month names for English dates; time.Month.String is
// locale-free too, but spelling them here keeps the format explicit.
var englishMonths = [...]string{"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

// formatDate formats t in Istanbul time as "1 Kasım 2024 13:04" or, in
// English, "1 November 2024 13:04".
func formatDate(loc string, t time.Time) string {
	if loc != localeEN {
		return turkish.FormatDate(t)
	}
	t = t.In(turkish.Istanbul)
	return strconv.Itoa(t.Day()) + " " + englishMonths[t.Month()-1] + " " +
		strconv.Itoa(t.Year()) + " " + t.Format("15:04")
}

// localeFuncs are the template functions that differ by locale; parsing
// uses the Turkish ones and the English set is cloned with these swapped.
func localeFuncs(loc string) template.FuncMap {
	return template.FuncMap{
		"t":    func(msg string) string { return translate(loc, msg) },
		"lang": func() string { return loc },
		"date": func(t time.Time) string { return formatDate(loc, t) },
	}
}

// localize builds the English page set by cloning every parsed page with
// the English functions. It must run before any page is executed, since
// html/template cannot clone an executed template.
func (t *templates) localize() {
	t.en = make(map[string]*template.Template, len(t.pages))
	for name, tp := range t.pages {
		c := template.Must(tp.Clone())
		t.en[name] = c.Funcs(localeFuncs(localeEN))
	}
}

// page returns the named page template for loc.
func (t *templates) page(name, loc string) *template.Template {
	if loc == localeEN {
		if p := t.en[name]; p != nil {
			return p
		}
	}
	return t.pages[name]
}

// localeKeys are the keys of key's copies in the non-default locales.
func localeKeys(key string) []string {
	out := make([]string, 0, len(otherLocales))
	for _, l := range otherLocales {
		out = append(out, localeKey(key, l))
	}
	return out
}
