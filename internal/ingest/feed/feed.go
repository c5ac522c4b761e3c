// Package feed reads news feeds (RSS 2.0, Atom, JSON Feed) into plain items,
// and finds article links on listing pages. It does no fetching and no
// sanitising: callers give it bytes and clean the HTML it returns.
package feed

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	ext "github.com/mmcdole/gofeed/extensions"

	"manset/internal/charset"
	"manset/internal/news"
)

// MaxFeedSize is the largest feed body Parse accepts.
const MaxFeedSize = 32 << 20

// Item is one entry of a feed. Dates are nil when the feed does not give
// them; ContentHTML and Summary are the feed's HTML, not yet sanitised.
type Item struct {
	URL         string
	GUID        string
	Title       string
	Summary     string
	ContentHTML string
	Author      string
	Image       string
	Categories  []string
	Published   *time.Time
	Updated     *time.Time
}

// Parse reads an RSS, Atom or JSON feed. Relative links are resolved
// against feedURL (after any xml:base). A body in a legacy charset
// (windows-1254, ISO-8859-9, ...) is decoded first. For Atom entries without
// <published>, Published is the entry's <updated>, as feed readers do.
func Parse(body []byte, feedURL string) (title string, items []Item, err error) {
	if len(body) > MaxFeedSize {
		return "", nil, news.E(news.ETOOLARGE, "feed.too_large", MaxFeedSize>>20)
	}
	f, err := parseFeed(toUTF8(body))
	if err != nil {
		return "", nil, err
	}
	base, _ := url.Parse(strings.TrimSpace(feedURL))
	items = make([]Item, 0, len(f.Items))
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		items = append(items, convertItem(it, base))
	}
	return strings.TrimSpace(f.Title), items, nil
}

// parseFeed runs gofeed and turns its failures, including panics on hostile
// input in a library we do not control, into EINVALID errors.
func parseFeed(body []byte) (f *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, news.E(news.EINVALID, "feed.broken", r)
		}
	}()
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, news.E(news.EINVALID, "feed.empty")
	}
	f, err = gofeed.NewParser().Parse(bytes.NewReader(body))
	if err == gofeed.ErrFeedTypeNotDetected {
		return nil, news.WrapError(news.EINVALID, "feed.unknown_format", err)
	}
	if err != nil {
		return nil, news.WrapError(news.EINVALID, "feed.unreadable", err, shortErr(err))
	}
	return f, nil
}

// shortErr keeps a parser message readable and bounded.
func shortErr(err error) string {
	msg := strings.ToValidUTF8(err.Error(), "?")
	if len(msg) > 200 {
		msg = msg[:200] + "…"
	}
	return msg
}

var prologEncodingRE = regexp.MustCompile(`^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:\-]+)["']`)

// toUTF8 returns body as UTF-8 with its XML prolog saying so. gofeed's own
// charset reader would handle a declared charset, but not the common case of
// Turkish bytes under no declaration or a false "UTF-8" one.
func toUTF8(body []byte) []byte {
	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	head := body
	if len(head) > 512 {
		head = head[:512]
	}
	label := ""
	if m := prologEncodingRE.FindSubmatch(head); m != nil {
		label = strings.ToLower(string(m[1]))
	}
	isUTF8Label := label == "" || label == "utf-8" || label == "utf8"
	if isUTF8Label && utf8.Valid(body) && !bytes.HasPrefix(body, []byte("\xff\xfe")) && !bytes.HasPrefix(body, []byte("\xfe\xff")) {
		return body
	}
	ct := ""
	if !isUTF8Label {
		ct = "text/xml; charset=" + label
	}
	out := []byte(charset.Decode(body, ct))
	if m := prologEncodingRE.FindSubmatchIndex(out); m != nil {
		out = append(append(append([]byte{}, out[:m[2]]...), "utf-8"...), out[m[3]:]...)
	}
	return out
}

func convertItem(it *gofeed.Item, base *url.URL) Item {
	out := Item{
		GUID:        strings.TrimSpace(it.GUID),
		Title:       strings.TrimSpace(it.Title),
		Summary:     strings.TrimSpace(it.Description),
		ContentHTML: strings.TrimSpace(it.Content),
		Author:      itemAuthor(it),
		Categories:  cleanList(it.Categories),
		Published:   it.PublishedParsed,
		Updated:     it.UpdatedParsed,
	}
	out.URL = resolve(base, itemLink(it))
	out.Image = resolve(base, itemImage(it))
	return out
}

// itemLink prefers the item's link; a GUID that is a web address stands in
// when there is none, as RSS allows.
func itemLink(it *gofeed.Item) string {
	if l := strings.TrimSpace(it.Link); l != "" {
		return l
	}
	for _, l := range it.Links {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	g := strings.TrimSpace(it.GUID)
	if strings.HasPrefix(g, "http://") || strings.HasPrefix(g, "https://") {
		return g
	}
	return ""
}

func itemAuthor(it *gofeed.Item) string {
	for _, p := range it.Authors {
		if p == nil {
			continue
		}
		if n := strings.TrimSpace(p.Name); n != "" {
			return n
		}
		if e := strings.TrimSpace(p.Email); e != "" {
			return e
		}
	}
	return ""
}

// itemImage looks, in order, at the item image, image enclosures, and Media
// RSS content and thumbnails.
func itemImage(it *gofeed.Item) string {
	if it.Image != nil && strings.TrimSpace(it.Image.URL) != "" {
		return strings.TrimSpace(it.Image.URL)
	}
	for _, e := range it.Enclosures {
		if e != nil && strings.HasPrefix(strings.ToLower(e.Type), "image/") && strings.TrimSpace(e.URL) != "" {
			return strings.TrimSpace(e.URL)
		}
	}
	media := it.Extensions["media"]
	for _, name := range []string{"content", "thumbnail", "group"} {
		if u := mediaURL(media[name]); u != "" {
			return u
		}
	}
	return ""
}

// mediaURL finds the first url attribute in Media RSS elements, looking one
// level into <media:group>.
func mediaURL(exts []ext.Extension) string {
	for _, e := range exts {
		medium := e.Attrs["medium"]
		typ := e.Attrs["type"]
		isImage := medium == "image" || strings.HasPrefix(typ, "image/") || (medium == "" && typ == "")
		if u := strings.TrimSpace(e.Attrs["url"]); u != "" && isImage {
			return u
		}
		for _, children := range e.Children {
			if u := mediaURL(children); u != "" {
				return u
			}
		}
	}
	return ""
}

// resolve makes ref absolute against base; a reference that does not parse
// is dropped rather than passed on half-broken.
func resolve(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil && base.Scheme != "" {
		u = base.ResolveReference(u)
	}
	return u.String()
}

// cleanList trims entries and drops empty and repeated ones, keeping order.
func cleanList(in []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range in {
		s = strings.TrimSpace(s)
		if s == "" || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	return out
}

// String describes an item briefly, for logs and test failures.
func (it Item) String() string {
	return fmt.Sprintf("%q <%s>", it.Title, it.URL)
}
