package syndication

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"time"
)

// Namespaces the RSS document declares for its extension elements.
const (
	nsAtom    = "http://www.w3.org/2005/Atom"
	nsContent = "http://purl.org/rss/1.0/modules/content/"
	nsDC      = "http://purl.org/dc/elements/1.1/"
	nsMedia   = "http://search.yahoo.com/mrss/"
)

// encoding/xml cannot emit chosen prefixes for namespaced names, so the
// RSS structs spell prefixed names literally and declare them on <rss>.
type rssDoc struct {
	XMLName   xml.Name   `xml:"rss"`
	Version   string     `xml:"version,attr"`
	NSAtom    string     `xml:"xmlns:atom,attr"`
	NSContent string     `xml:"xmlns:content,attr"`
	NSDC      string     `xml:"xmlns:dc,attr"`
	NSMedia   string     `xml:"xmlns:media,attr"`
	Channel   rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title         string    `xml:"title"`
	Link          string    `xml:"link"`
	Description   string    `xml:"description"`
	Language      string    `xml:"language,omitempty"`
	LastBuildDate string    `xml:"lastBuildDate,omitempty"`
	Self          *rssSelf  `xml:"atom:link,omitempty"`
	Items         []rssItem `xml:"item"`
}

type rssSelf struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type rssItem struct {
	Title       string        `xml:"title,omitempty"`
	Link        string        `xml:"link,omitempty"`
	GUID        *rssGUID      `xml:"guid,omitempty"`
	Description string        `xml:"description,omitempty"`
	Content     *cdata        `xml:"content:encoded,omitempty"`
	Creator     string        `xml:"dc:creator,omitempty"`
	Category    string        `xml:"category,omitempty"`
	PubDate     string        `xml:"pubDate,omitempty"`
	Enclosure   *rssEnclosure `xml:"enclosure,omitempty"`
	Media       *rssMedia     `xml:"media:content,omitempty"`
}

type rssGUID struct {
	IsPermaLink bool   `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

// cdata is emitted as a CDATA section; encoding/xml splits any "]]>" in the
// text across two sections, so arbitrary HTML stays well-formed.
type cdata struct {
	Text string `xml:",cdata"`
}

type rssEnclosure struct {
	URL    string `xml:"url,attr"`
	Length string `xml:"length,attr"`
	Type   string `xml:"type,attr"`
}

type rssMedia struct {
	URL    string `xml:"url,attr"`
	Medium string `xml:"medium,attr"`
	Type   string `xml:"type,attr"`
}

// RSS renders an RSS 2.0 document. pubDate appears only for items whose
// publication date is known.
func RSS(ch Channel, items []Item) ([]byte, error) {
	doc := rssDoc{
		Version:   "2.0",
		NSAtom:    nsAtom,
		NSContent: nsContent,
		NSDC:      nsDC,
		NSMedia:   nsMedia,
		Channel: rssChannel{
			Title:       clean(ch.Title),
			Link:        clean(ch.Link),
			Description: clean(ch.Description),
			Language:    clean(ch.Language),
		},
	}
	if doc.Channel.Description == "" {
		doc.Channel.Description = doc.Channel.Title // required by RSS 2.0
	}
	if u := feedUpdated(ch, items); !u.IsZero() {
		doc.Channel.LastBuildDate = u.Format(time.RFC1123Z)
	}
	if ch.FeedURL != "" {
		doc.Channel.Self = &rssSelf{Href: clean(ch.FeedURL), Rel: "self", Type: "application/rss+xml"}
	}
	doc.Channel.Items = make([]rssItem, 0, len(items))
	for _, it := range items {
		doc.Channel.Items = append(doc.Channel.Items, newRSSItem(it))
	}
	return marshalXML(doc)
}

func newRSSItem(it Item) rssItem {
	ri := rssItem{
		Title:       clean(it.Title),
		Link:        clean(it.Link),
		Description: clean(it.Summary),
		Creator:     clean(it.Author),
		Category:    clean(it.Category),
	}
	if guid := clean(it.ID); guid != "" {
		ri.GUID = &rssGUID{Value: guid, IsPermaLink: guid == ri.Link && isAbsoluteHTTP(guid)}
	} else if ri.Link != "" {
		ri.GUID = &rssGUID{Value: ri.Link, IsPermaLink: isAbsoluteHTTP(ri.Link)}
	}
	if html := cleanHTML(it.ContentHTML); html != "" {
		ri.Content = &cdata{Text: html}
	}
	if it.Published != nil {
		ri.PubDate = it.Published.Format(time.RFC1123Z)
	}
	if img := clean(it.Image); img != "" {
		typ := imageType(img)
		// The length is unknown without fetching the image; 0 is the
		// conventional placeholder readers accept.
		ri.Enclosure = &rssEnclosure{URL: img, Length: "0", Type: typ}
		ri.Media = &rssMedia{URL: img, Medium: "image", Type: typ}
	}
	return ri
}

// isAbsoluteHTTP reports whether s is an http(s) URL, the only kind of guid a
// reader may treat as a permalink.
func isAbsoluteHTTP(s string) bool {
	return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")
}

// marshalXML renders v indented, behind the XML declaration.
func marshalXML(v any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(xmlHeader)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("syndication: unable to encode xml: %w", err)
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}
