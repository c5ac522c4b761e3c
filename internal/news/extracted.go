package news

import "time"

// Extracted is what the extractor finds in one page: the article without the
// page chrome, and its metadata. The JSON form is the output of
// `manset extract --format json`.
type Extracted struct {
	File         string     `json:"file,omitempty"`
	Title        string     `json:"title"`
	URL          string     `json:"url"`
	CanonicalURL string     `json:"canonical_url"`
	SiteName     string     `json:"site_name"`
	Author       string     `json:"author"`
	PublishedAt  *time.Time `json:"published_at"`
	ModifiedAt   *time.Time `json:"modified_at"`
	Category     string     `json:"category"`
	// Breadcrumb is the category path shown on the page, root first,
	// without the home link and the title, e.g. ["Haberler", "Dünya"].
	Breadcrumb []string `json:"breadcrumb,omitempty"`
	Lang       string   `json:"lang"`
	Summary    string   `json:"summary"`
	Image      string   `json:"image"`
	Text       string   `json:"text"` // paragraphs separated by a blank line
	HTML       string   `json:"html"` // sanitised
}
