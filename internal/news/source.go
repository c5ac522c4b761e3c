package news

import (
	"net/url"
	"strings"
	"time"
)

// SourceKind says how a source is read.
type SourceKind string

// Source kinds.
const (
	SourceFeed    SourceKind = "feed"    // RSS, Atom or JSON Feed
	SourceSitemap SourceKind = "sitemap" // sitemap or Google News sitemap
	SourcePage    SourceKind = "page"    // one article page
	SourceListing SourceKind = "listing" // a section page whose article links are followed
	SourceFile    SourceKind = "file"    // files given to `manset import`
)

// Valid reports whether k is a kind that can be added as a fetched source.
func (k SourceKind) Valid() bool {
	switch k {
	case SourceFeed, SourceSitemap, SourcePage, SourceListing, SourceFile:
		return true
	}
	return false
}

// Source is an outlet or agency Manşet takes news from.
type Source struct {
	ID           int64
	Name         string
	Kind         SourceKind
	URL          string // what is fetched
	HomeURL      string // the outlet's home page, linked on articles
	CategorySlug string // default category for its items
	Interval     time.Duration
	Review       bool   // items wait for an editor instead of publishing at once
	FullText     string // "full" or "excerpt"
	Selector     string // optional CSS selector for the article body

	// Fetch state.
	ETag         string
	LastModified string
	LastFetchAt  *time.Time
	NextFetchAt  *time.Time
	ItemsFound   int
	LastError    string
	CreatedAt    time.Time
}

// Validate checks a source's fields and fills defaults.
func (s *Source) Validate() error {
	s.Name = strings.TrimSpace(s.Name)
	if s.Name == "" {
		return E(EINVALID, "source.name_required")
	}
	if !s.Kind.Valid() {
		return E(EINVALID, "source.unknown_kind", s.Kind)
	}
	if s.Kind != SourceFile {
		u, err := url.Parse(s.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return E(EINVALID, "source.bad_url", s.URL)
		}
	}
	if s.Interval == 0 {
		s.Interval = 15 * time.Minute
	}
	if s.Interval < time.Minute {
		return E(EINVALID, "source.interval_too_short")
	}
	if s.FullText == "" {
		s.FullText = "full"
	}
	if s.FullText != "full" && s.FullText != "excerpt" {
		return E(EINVALID, "source.bad_full_text")
	}
	return nil
}

// Story groups articles from several outlets about the same event.
type Story struct {
	ID        int64
	Title     string
	FirstSeen time.Time
	UpdatedAt time.Time
}

// HomeURL is an outlet's home page guessed from one of its URLs (a feed,
// an article): "https://host/", or "" when raw has no host.
func HomeURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	return u.Scheme + "://" + u.Host + "/"
}
