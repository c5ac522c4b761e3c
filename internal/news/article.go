package news

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Status is where an article is in the newsroom workflow.
type Status string

// Article statuses. Only published articles whose publish time has come are
// shown to readers; scheduled ones appear when their time comes.
const (
	StatusDraft     Status = "draft"
	StatusScheduled Status = "scheduled"
	StatusPublished Status = "published"
	StatusReview    Status = "review" // aggregated copy waiting for an editor
)

// Valid reports whether s is a known status.
func (s Status) Valid() bool {
	switch s {
	case StatusDraft, StatusScheduled, StatusPublished, StatusReview:
		return true
	}
	return false
}

// Limits on article fields, enforced by Validate.
const (
	MaxTitleLen   = 500
	MaxSummaryLen = 5000
	MaxBodyLen    = 2 << 20
)

// Article is one news item, written in the newsroom or taken from a source.
type Article struct {
	ID      int64
	Slug    string // unique, Turkish-transliterated, set by the store when empty
	Title   string
	Summary string // the spot: one or two sentences under the title

	BodyHTML string // sanitised HTML
	BodyText string // plain text, paragraphs separated by a blank line

	CategoryID int64     // 0 means none
	Category   *Category // filled by reads, ignored by writes

	Author string
	Image  string // lead image URL

	SourceID   int64  // 0 for our own articles
	SourceName string // filled by reads: the outlet's name
	SourceHome string // filled by reads: the outlet's home page
	SourceURL  string // the original page of an aggregated article

	CanonicalURL string // canonical URL of the original, used for dedup
	ContentHash  string // hex SHA-256 of the normalised body, used for dedup
	SimHash      uint64 // 64-bit SimHash of the normalised body, for near copies
	Lang         string

	Status Status

	// PublishedAt and ModifiedAt are nil when unknown: never invent a date.
	PublishedAt *time.Time
	ModifiedAt  *time.Time
	// ImportedAt is when this copy entered our database; shown, labelled as
	// such, when PublishedAt is unknown.
	ImportedAt time.Time
	UpdatedAt  time.Time // last change of our copy

	CategoryMethod string // how the category was decided: source, breadcrumb, url, classifier, manual
	StoryID        int64  // 0 when not clustered
	Featured       int    // manşet order; 0 means not pinned, 1 is the lead

	// Filled by reads for display.
	Reactions    map[ReactionKind]int
	CommentCount int
}

// Validate checks the fields an article must have and their limits.
func (a *Article) Validate() error {
	a.Title = strings.TrimSpace(a.Title)
	switch {
	case a.Title == "":
		return E(EINVALID, "article.title_required")
	case utf8.RuneCountInString(a.Title) > MaxTitleLen:
		return E(EINVALID, "article.title_too_long", MaxTitleLen)
	case utf8.RuneCountInString(a.Summary) > MaxSummaryLen:
		return E(EINVALID, "article.summary_too_long", MaxSummaryLen)
	case len(a.BodyHTML) > MaxBodyLen || len(a.BodyText) > MaxBodyLen:
		return E(ETOOLARGE, "article.body_too_long")
	case !utf8.ValidString(a.Title) || !utf8.ValidString(a.Summary) || !utf8.ValidString(a.BodyText):
		return E(EINVALID, "text.invalid_utf8")
	}
	if a.Status == "" {
		a.Status = StatusPublished
	}
	if !a.Status.Valid() {
		return E(EINVALID, "article.unknown_status", a.Status)
	}
	if a.Status == StatusScheduled && a.PublishedAt == nil {
		return E(EINVALID, "article.publish_time_required")
	}
	return nil
}

// Visible reports whether readers may see the article at time now.
func (a *Article) Visible(now time.Time) bool {
	switch a.Status {
	case StatusPublished:
		return true
	case StatusScheduled:
		return a.PublishedAt != nil && !a.PublishedAt.After(now)
	}
	return false
}

// DisplayTime is the time to show and sort by: the publish time when known,
// otherwise the import time (which the page labels as such).
func (a *Article) DisplayTime() time.Time {
	if a.PublishedAt != nil {
		return *a.PublishedAt
	}
	return a.ImportedAt
}

// Modified reports whether the article was updated after publication, to
// show "Güncellendi".
func (a *Article) Modified() bool {
	return a.PublishedAt != nil && a.ModifiedAt != nil && a.ModifiedAt.Sub(*a.PublishedAt) >= time.Minute
}

// ArticleFilter selects articles for listing. Nil fields do not filter.
type ArticleFilter struct {
	CategoryID *int64 // includes the category's descendants
	StoryID    *int64
	SourceID   *int64
	Status     *Status
	// VisibleAt selects what readers may see at that time (published, or
	// scheduled whose time has come).
	VisibleAt *time.Time
	Since     *time.Time // display time at or after
	ExcludeID int64
	Featured  bool // only manşet-pinned, in pin order
	// Lean leaves BodyHTML empty and cuts BodyText to its first 1,200
	// characters, for lists that show no body.
	Lean bool

	// Keyset pagination on (display time, id), newest first.
	Before   *time.Time
	BeforeID int64
	Offset   int
	Limit    int
}
