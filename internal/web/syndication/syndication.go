// Package syndication renders Manşet's outgoing feeds (RSS 2.0, Atom 1.0,
// JSON Feed 1.1) and sitemaps (sitemaps.org and Google News) as bytes. It
// knows nothing about HTTP or the store: the web package maps articles to
// Items and serves the result with the matching Content-Type constant.
package syndication

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Content types to serve each rendered document with.
const (
	ContentTypeRSS  = "application/rss+xml; charset=utf-8"
	ContentTypeAtom = "application/atom+xml; charset=utf-8"
	ContentTypeJSON = "application/feed+json; charset=utf-8"
	ContentTypeXML  = "application/xml; charset=utf-8"
)

// Channel describes the feed as a whole. Link is the site's home page,
// FeedURL the address the feed itself is served from (rel=self).
type Channel struct {
	Title, Link, FeedURL, Description, Language string
	// Updated is the feed's last change; when zero the newest item date is used.
	Updated time.Time
}

// Item is one article in a feed. Published is nil when the publication date is
// unknown: feeds then omit it rather than invent one. ContentHTML is trusted,
// already sanitised HTML; every other field is plain text.
type Item struct {
	ID, Title, Link, Summary, ContentHTML, Author, Category, Image string
	Published                                                      *time.Time
	Updated                                                        time.Time
}

// URL is one sitemap entry. Zero LastMod, empty ChangeFreq and zero Priority
// are left out of the output.
type URL struct {
	Loc        string
	LastMod    time.Time
	ChangeFreq string
	Priority   float64
}

// xmlHeader starts every XML document we render.
const xmlHeader = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"

// clean returns s with invalid UTF-8 and every character XML 1.0 forbids
// removed, so one stray control byte in an imported article cannot make the
// whole feed unparseable for every subscriber.
func clean(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !(r == utf8.RuneError && size == 1) && isXMLChar(r) {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// isClean reports whether clean would return s unchanged; the common case
// then costs no allocation.
func isClean(s string) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || !isXMLChar(r) {
			return false
		}
		i += size
	}
	return true
}

// isXMLChar implements the Char production of XML 1.0 (fifth edition), minus
// DEL and the C1 controls, which XML discourages and which in our sources only
// ever come from text decoded with the wrong charset.
func isXMLChar(r rune) bool {
	switch {
	case r == 0x09 || r == 0x0A || r == 0x0D:
		return true
	case r >= 0x7F && r <= 0x9F:
		return false
	case r >= 0x20 && r <= 0xD7FF:
		return true
	case r >= 0xE000 && r <= 0xFFFD:
		return true
	case r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

// cleanHTML is clean plus line-ending normalisation: XML parsers turn a bare
// CR inside CDATA into LF anyway, so emitting LF keeps round-trips exact.
func cleanHTML(s string) string {
	s = clean(s)
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// feedUpdated is ch.Updated, or the newest date among items when that is zero.
// It may still be zero for an empty, undated feed.
func feedUpdated(ch Channel, items []Item) time.Time {
	if !ch.Updated.IsZero() {
		return ch.Updated
	}
	var newest time.Time
	for _, it := range items {
		if d := itemUpdated(it); d.After(newest) {
			newest = d
		}
	}
	return newest
}

// itemUpdated is the item's modification date, falling back to its
// publication date; zero when neither is known.
func itemUpdated(it Item) time.Time {
	if !it.Updated.IsZero() {
		return it.Updated
	}
	if it.Published != nil {
		return *it.Published
	}
	return time.Time{}
}

// imageType guesses an image's MIME type from its extension; enclosures must
// carry one and we do not fetch the image to find out.
func imageType(link string) string {
	p := strings.ToLower(link)
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	switch {
	case strings.HasSuffix(p, ".png"):
		return "image/png"
	case strings.HasSuffix(p, ".gif"):
		return "image/gif"
	case strings.HasSuffix(p, ".webp"):
		return "image/webp"
	case strings.HasSuffix(p, ".avif"):
		return "image/avif"
	case strings.HasSuffix(p, ".svg"):
		return "image/svg+xml"
	}
	return "image/jpeg"
}
