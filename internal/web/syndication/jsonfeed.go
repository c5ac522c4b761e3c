package syndication

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
)

// jsonFeedVersion identifies the JSON Feed spec the output follows.
const jsonFeedVersion = "https://jsonfeed.org/version/1.1"

type jsonFeed struct {
	Version     string     `json:"version"`
	Title       string     `json:"title"`
	HomePageURL string     `json:"home_page_url,omitempty"`
	FeedURL     string     `json:"feed_url,omitempty"`
	Description string     `json:"description,omitempty"`
	Language    string     `json:"language,omitempty"`
	Items       []jsonItem `json:"items"`
}

type jsonItem struct {
	ID            string       `json:"id"`
	URL           string       `json:"url,omitempty"`
	Title         string       `json:"title,omitempty"`
	ContentHTML   string       `json:"content_html,omitempty"`
	ContentText   string       `json:"content_text,omitempty"`
	Summary       string       `json:"summary,omitempty"`
	Image         string       `json:"image,omitempty"`
	DatePublished string       `json:"date_published,omitempty"`
	DateModified  string       `json:"date_modified,omitempty"`
	Authors       []jsonAuthor `json:"authors,omitempty"`
	Tags          []string     `json:"tags,omitempty"`
}

type jsonAuthor struct {
	Name string `json:"name"`
}

// JSONFeed renders a JSON Feed 1.1 document. date_published is omitted when
// the publication date is unknown.
func JSONFeed(ch Channel, items []Item) ([]byte, error) {
	feed := jsonFeed{
		Version:     jsonFeedVersion,
		Title:       clean(ch.Title),
		HomePageURL: clean(ch.Link),
		FeedURL:     clean(ch.FeedURL),
		Description: clean(ch.Description),
		Language:    clean(ch.Language),
		Items:       make([]jsonItem, 0, len(items)),
	}
	for _, it := range items {
		feed.Items = append(feed.Items, newJSONItem(it))
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	// Served as application/feed+json, never inlined in HTML, so <, > and &
	// can stay readable.
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(feed); err != nil {
		return nil, fmt.Errorf("syndication: unable to encode json feed: %w", err)
	}
	return buf.Bytes(), nil
}

func newJSONItem(it Item) jsonItem {
	ji := jsonItem{
		ID:          clean(it.ID),
		URL:         clean(it.Link),
		Title:       clean(it.Title),
		ContentHTML: cleanHTML(it.ContentHTML),
		Summary:     clean(it.Summary),
		Image:       clean(it.Image),
	}
	if ji.ID == "" {
		ji.ID = ji.URL
	}
	if ji.ContentHTML == "" {
		// Every item must carry content_html or content_text.
		ji.ContentText = ji.Summary
		if ji.ContentText == "" {
			ji.ContentText = ji.Title
		}
	}
	if it.Published != nil {
		ji.DatePublished = it.Published.Format(time.RFC3339)
	}
	if !it.Updated.IsZero() {
		ji.DateModified = it.Updated.Format(time.RFC3339)
	}
	if a := clean(it.Author); a != "" {
		ji.Authors = []jsonAuthor{{Name: a}}
	}
	if c := clean(it.Category); c != "" {
		ji.Tags = []string{c}
	}
	return ji
}
