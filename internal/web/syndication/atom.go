package syndication

import (
	"encoding/xml"
	"net/url"
	"time"
)

type atomFeed struct {
	XMLName  xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang     string      `xml:"xml:lang,attr,omitempty"`
	ID       string      `xml:"id"`
	Title    string      `xml:"title"`
	Subtitle string      `xml:"subtitle,omitempty"`
	Updated  string      `xml:"updated"`
	Links    []atomLink  `xml:"link"`
	Author   *atomPerson `xml:"author,omitempty"`
	Entries  []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

type atomEntry struct {
	ID        string        `xml:"id"`
	Title     string        `xml:"title"`
	Updated   string        `xml:"updated"`
	Published string        `xml:"published,omitempty"`
	Author    *atomPerson   `xml:"author,omitempty"`
	Summary   *atomText     `xml:"summary,omitempty"`
	Content   *atomText     `xml:"content,omitempty"`
	Links     []atomLink    `xml:"link"`
	Category  *atomCategory `xml:"category,omitempty"`
}

// Atom renders an Atom 1.0 (RFC 4287) feed. <published> appears only when
// known; <updated>, which Atom requires, falls back to the publication date
// and then to the feed's own date.
func Atom(ch Channel, items []Item) ([]byte, error) {
	updated := feedUpdated(ch, items)
	if updated.IsZero() {
		// Only an empty feed with no date lands here; Atom still needs one.
		updated = time.Unix(0, 0).UTC()
	}
	feed := atomFeed{
		Lang:     clean(ch.Language),
		ID:       atomFeedID(ch),
		Title:    clean(ch.Title),
		Subtitle: clean(ch.Description),
		Updated:  updated.Format(time.RFC3339),
		// A feed-level author satisfies RFC 4287 for entries without a byline.
		Author: &atomPerson{Name: clean(ch.Title)},
	}
	if ch.FeedURL != "" {
		feed.Links = append(feed.Links, atomLink{Rel: "self", Type: "application/atom+xml", Href: clean(ch.FeedURL)})
	}
	if ch.Link != "" {
		feed.Links = append(feed.Links, atomLink{Rel: "alternate", Type: "text/html", Href: clean(ch.Link)})
	}
	feed.Entries = make([]atomEntry, 0, len(items))
	for _, it := range items {
		feed.Entries = append(feed.Entries, newAtomEntry(it, updated))
	}
	return marshalXML(feed)
}

func newAtomEntry(it Item, feedUpdated time.Time) atomEntry {
	e := atomEntry{
		ID:    atomEntryID(it),
		Title: clean(it.Title),
	}
	updated := itemUpdated(it)
	if updated.IsZero() {
		updated = feedUpdated
	}
	e.Updated = updated.Format(time.RFC3339)
	if it.Published != nil {
		e.Published = it.Published.Format(time.RFC3339)
	}
	if a := clean(it.Author); a != "" {
		e.Author = &atomPerson{Name: a}
	}
	if s := clean(it.Summary); s != "" {
		e.Summary = &atomText{Type: "text", Text: s}
	}
	if c := cleanHTML(it.ContentHTML); c != "" {
		e.Content = &atomText{Type: "html", Text: c}
	}
	if l := clean(it.Link); l != "" {
		e.Links = append(e.Links, atomLink{Rel: "alternate", Type: "text/html", Href: l})
	}
	if img := clean(it.Image); img != "" {
		e.Links = append(e.Links, atomLink{Rel: "enclosure", Type: imageType(img), Href: img})
	}
	if c := clean(it.Category); c != "" {
		e.Category = &atomCategory{Term: c}
	}
	return e
}

// atomFeedID picks a stable IRI for the feed: its home page, else its own URL.
func atomFeedID(ch Channel) string {
	for _, s := range []string{ch.Link, ch.FeedURL} {
		if s = clean(s); s != "" {
			return s
		}
	}
	return "urn:manset:feed"
}

// atomEntryID returns an IRI, as RFC 4287 requires: the ID when it already is
// one, else the article link, else a URN built from the ID.
func atomEntryID(it Item) string {
	id := clean(it.ID)
	if u, err := url.Parse(id); err == nil && u.Scheme != "" {
		return id
	}
	if l := clean(it.Link); l != "" {
		return l
	}
	return "urn:manset:article:" + url.PathEscape(id)
}
