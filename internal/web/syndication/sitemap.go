package syndication

import (
	"encoding/xml"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Limits from sitemaps.org and Google's news sitemap guidelines.
const (
	MaxSitemapURLs  = 50000
	MaxSitemapBytes = 50 << 20 // uncompressed
	MaxNewsURLs     = 1000
	maxLocLength    = 2048
)

// ErrTooManyURLs is returned when a sitemap would exceed MaxSitemapURLs or
// MaxSitemapBytes; the caller should split it behind a sitemap index.
var ErrTooManyURLs = errors.New("syndication: too many urls for one sitemap")

const (
	nsSitemap = "http://www.sitemaps.org/schemas/sitemap/0.9"
	nsNews    = "http://www.google.com/schemas/sitemap-news/0.9"
)

var changeFreqs = map[string]bool{
	"always": true, "hourly": true, "daily": true, "weekly": true,
	"monthly": true, "yearly": true, "never": true,
}

type urlSet struct {
	XMLName xml.Name   `xml:"urlset"`
	NS      string     `xml:"xmlns,attr"`
	NSNews  string     `xml:"xmlns:news,attr,omitempty"`
	URLs    []urlEntry `xml:"url"`
}

type urlEntry struct {
	Loc        string    `xml:"loc"`
	LastMod    string    `xml:"lastmod,omitempty"`
	ChangeFreq string    `xml:"changefreq,omitempty"`
	Priority   string    `xml:"priority,omitempty"`
	News       *newsNews `xml:"news:news,omitempty"`
}

type newsNews struct {
	Publication     newsPublication `xml:"news:publication"`
	PublicationDate string          `xml:"news:publication_date"`
	Title           string          `xml:"news:title"`
}

type newsPublication struct {
	Name     string `xml:"news:name"`
	Language string `xml:"news:language"`
}

// Sitemap renders a sitemaps.org urlset. Locations are percent-encoded where
// they hold non-ASCII (Turkish slugs) or characters a URI may not contain.
// It fails on an empty or over-long location, an unknown change frequency, a
// priority outside 0..1, or more than MaxSitemapURLs entries.
func Sitemap(urls []URL) ([]byte, error) {
	if len(urls) > MaxSitemapURLs {
		return nil, fmt.Errorf("%w: %d > %d", ErrTooManyURLs, len(urls), MaxSitemapURLs)
	}
	set := urlSet{NS: nsSitemap, URLs: make([]urlEntry, 0, len(urls))}
	for i, u := range urls {
		e, err := newURLEntry(u)
		if err != nil {
			return nil, fmt.Errorf("syndication: sitemap url %d: %w", i, err)
		}
		set.URLs = append(set.URLs, e)
	}
	return marshalSitemap(set)
}

func newURLEntry(u URL) (urlEntry, error) {
	loc, err := sitemapLoc(u.Loc)
	if err != nil {
		return urlEntry{}, err
	}
	e := urlEntry{Loc: loc}
	if !u.LastMod.IsZero() {
		e.LastMod = u.LastMod.Format(time.RFC3339)
	}
	if u.ChangeFreq != "" {
		if !changeFreqs[u.ChangeFreq] {
			return urlEntry{}, fmt.Errorf("unknown changefreq %q", u.ChangeFreq)
		}
		e.ChangeFreq = u.ChangeFreq
	}
	if u.Priority != 0 {
		if u.Priority < 0 || u.Priority > 1 {
			return urlEntry{}, fmt.Errorf("priority %v outside 0..1", u.Priority)
		}
		e.Priority = strconv.FormatFloat(u.Priority, 'f', -1, 64)
		if !strings.Contains(e.Priority, ".") {
			e.Priority += ".0" // "1.0", as the protocol's examples write it
		}
	}
	return e, nil
}

// NewsSitemap renders a Google News sitemap for items, in the given order.
// Items without a known publication date are skipped (Google requires one)
// and at most MaxNewsURLs entries are kept, so pass the newest first. An
// empty lang means Turkish.
func NewsSitemap(pubName, lang string, items []Item) ([]byte, error) {
	if lang == "" {
		lang = "tr"
	}
	set := urlSet{NS: nsSitemap, NSNews: nsNews}
	for _, it := range items {
		if len(set.URLs) == MaxNewsURLs {
			break
		}
		if it.Published == nil {
			continue
		}
		loc, err := sitemapLoc(it.Link)
		if err != nil {
			return nil, fmt.Errorf("syndication: news sitemap item %q: %w", it.ID, err)
		}
		set.URLs = append(set.URLs, urlEntry{Loc: loc, News: &newsNews{
			Publication:     newsPublication{Name: clean(pubName), Language: clean(lang)},
			PublicationDate: it.Published.Format(time.RFC3339),
			Title:           clean(it.Title),
		}})
	}
	return marshalSitemap(set)
}

func marshalSitemap(set urlSet) ([]byte, error) {
	out, err := marshalXML(set)
	if err != nil {
		return nil, err
	}
	if len(out) > MaxSitemapBytes {
		return nil, fmt.Errorf("%w: %d bytes > %d", ErrTooManyURLs, len(out), MaxSitemapBytes)
	}
	return out, nil
}

// sitemapLoc validates a location and percent-encodes every byte that may
// not appear literally in a URI, leaving existing %XX escapes alone.
func sitemapLoc(raw string) (string, error) {
	s := strings.TrimSpace(clean(raw))
	if s == "" {
		return "", errors.New("empty location")
	}
	if !isAbsoluteHTTP(s) {
		return "", fmt.Errorf("location %q is not an absolute http(s) URL", s)
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`"<>\^`+"`{|}", c) >= 0 {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	if b.Len() > maxLocLength {
		return "", fmt.Errorf("location longer than %d characters", maxLocLength)
	}
	return b.String(), nil
}
