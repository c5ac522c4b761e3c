package web

import (
	"time"

	"manset/internal/news"
)

// apiCategory is a category as the API shows it on articles.
type apiCategory struct {
	Slug      string   `json:"slug"`
	Name      string   `json:"name"`
	Path      string   `json:"path"`
	PathSlugs []string `json:"path_slugs"`
}

// apiSource is the outlet of an article.
type apiSource struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

// apiRelated is a related article link.
type apiRelated struct {
	ID    int64  `json:"id"`
	Title string `json:"title"`
	URL   string `json:"url"`
}

// apiArticleSummary is an article in lists.
type apiArticleSummary struct {
	ID           int64        `json:"id"`
	Slug         string       `json:"slug"`
	URL          string       `json:"url"`
	Title        string       `json:"title"`
	Summary      string       `json:"summary"`
	Category     *apiCategory `json:"category"`
	Author       string       `json:"author"`
	PublishedAt  *time.Time   `json:"published_at"`
	ImportedAt   time.Time    `json:"imported_at"`
	Image        string       `json:"image"`
	CommentCount int          `json:"comment_count"`
}

// apiArticle is the full article of GET /api/v1/articles/{id}.
type apiArticle struct {
	ID           int64          `json:"id"`
	Slug         string         `json:"slug"`
	URL          string         `json:"url"`
	Title        string         `json:"title"`
	Summary      string         `json:"summary"`
	BodyText     string         `json:"body_text"`
	BodyHTML     string         `json:"body_html"`
	Category     *apiCategory   `json:"category"`
	Author       string         `json:"author"`
	Source       apiSource      `json:"source"`
	SourceURL    string         `json:"source_url"`
	PublishedAt  *time.Time     `json:"published_at"`
	UpdatedAt    *time.Time     `json:"updated_at"`
	ModifiedAt   *time.Time     `json:"modified_at"`
	ImportedAt   time.Time      `json:"imported_at"`
	Image        string         `json:"image"`
	Lang         string         `json:"lang"`
	Reactions    map[string]int `json:"reactions"`
	CommentCount int            `json:"comment_count"`
	StoryID      int64          `json:"story_id"`
	Related      []apiRelated   `json:"related"`
}

// apiCategoryItem is an entry of GET /api/v1/categories.
type apiCategoryItem struct {
	Slug      string   `json:"slug"`
	Name      string   `json:"name"`
	Parent    *string  `json:"parent"`
	Path      string   `json:"path"`
	PathSlugs []string `json:"path_slugs"`
}

func toAPICategory(c *news.Category) *apiCategory {
	if c == nil {
		return nil
	}
	return &apiCategory{Slug: c.Slug, Name: c.Name, Path: c.Path(), PathSlugs: c.PathSlugs()}
}

func (s *Server) toAPISummary(a *news.Article, cats *categoryIndex) apiArticleSummary {
	return apiArticleSummary{
		ID:           a.ID,
		Slug:         a.Slug,
		URL:          s.baseURL + articlePath(a.Slug),
		Title:        a.Title,
		Summary:      a.Summary,
		Category:     toAPICategory(cats.categoryOf(a)),
		Author:       a.Author,
		PublishedAt:  utcPtr(a.PublishedAt),
		ImportedAt:   a.ImportedAt.UTC(),
		Image:        a.Image,
		CommentCount: a.CommentCount,
	}
}

// reactionCounts lists all six kinds, zero when nobody reacted.
func reactionCounts(m map[news.ReactionKind]int) map[string]int {
	out := make(map[string]int, len(news.Reactions))
	for _, r := range news.Reactions {
		out[string(r.Kind)] = m[r.Kind]
	}
	return out
}

func utcPtr(t *time.Time) *time.Time {
	if t == nil || t.IsZero() {
		return nil
	}
	u := t.UTC()
	return &u
}
