package web

import (
	"context"
	"fmt"
	"html/template"
	"net/url"
	"strings"
	"time"

	"manset/internal/news"
	"manset/internal/turkish"
)

// categoryIndex is the category tree loaded once per render.
type categoryIndex struct {
	list []news.Category
	byID map[int64]*news.Category
}

func (s *Server) loadCategories(ctx context.Context) (*categoryIndex, error) {
	list, err := s.store.ListCategories(ctx)
	if err != nil {
		return nil, fmt.Errorf("web: loading categories: %w", err)
	}
	idx := &categoryIndex{list: list, byID: make(map[int64]*news.Category, len(list))}
	for i := range list {
		idx.byID[list[i].ID] = &list[i]
	}
	return idx, nil
}

// get returns the category of id with its ancestors, or nil.
func (c *categoryIndex) get(id int64) *news.Category {
	if c == nil || id == 0 {
		return nil
	}
	return c.byID[id]
}

// upper returns the top two levels of the tree (root sections and their
// children), the ones shown in the nav and as blocks on the home page.
func (c *categoryIndex) upper() []news.Category {
	var out []news.Category
	for _, cat := range c.list {
		if len(cat.Ancestors) <= 1 {
			out = append(out, cat)
		}
	}
	return out
}

// nav lists the sections shown in the header: the children of a lone root
// ("Haberler" › Dünya, Spor...) or else the roots.
func (c *categoryIndex) nav() []navLink {
	var roots, second []navLink
	for _, cat := range c.list {
		l := navLink{Name: cat.Name, URL: categoryPath(cat.Slug)}
		switch len(cat.Ancestors) {
		case 0:
			roots = append(roots, l)
		case 1:
			second = append(second, l)
		}
	}
	out := roots
	if len(roots) <= 1 {
		out = append(roots, second...)
	}
	if len(out) > 12 {
		out = out[:12]
	}
	return out
}

// categoryOf resolves the category of a, preferring what the store filled.
func (c *categoryIndex) categoryOf(a *news.Article) *news.Category {
	if a.Category != nil && a.Category.ID != 0 {
		if len(a.Category.Ancestors) > 0 || a.Category.ParentID == 0 {
			return a.Category
		}
	}
	return c.get(a.CategoryID)
}

func articlePath(slug string) string  { return "/haber/" + url.PathEscape(slug) }
func categoryPath(slug string) string { return "/kategori/" + url.PathEscape(slug) }

// crumb is one step of a breadcrumb; the last one has no URL.
type crumb struct {
	Name, URL string
}

// categoryCrumbs returns Ana Sayfa › ancestors › cat, all linked.
func categoryCrumbs(cat *news.Category) []crumb {
	out := []crumb{{Name: "Ana Sayfa", URL: "/"}}
	if cat == nil {
		return out
	}
	for _, a := range cat.Ancestors {
		out = append(out, crumb{Name: a.Name, URL: categoryPath(a.Slug)})
	}
	return append(out, crumb{Name: cat.Name, URL: categoryPath(cat.Slug)})
}

// articleCard is an article as shown in lists.
type articleCard struct {
	ID          int64
	Title       string
	URL         string
	Summary     string
	Image       string
	Category    string
	CategoryURL string
	Time        time.Time
	Imported    bool // Time is the import time, not a publish date
	Source      string
	Comments    int // approved comments
}

func (c *categoryIndex) card(a *news.Article) articleCard {
	card := articleCard{
		ID:       a.ID,
		Title:    a.Title,
		URL:      articlePath(a.Slug),
		Summary:  a.Summary,
		Image:    a.Image,
		Time:     a.DisplayTime(),
		Imported: a.PublishedAt == nil,
		Source:   a.SourceName,
		Comments: a.CommentCount,
	}
	if cat := c.categoryOf(a); cat != nil {
		card.Category, card.CategoryURL = cat.Name, categoryPath(cat.Slug)
	}
	return card
}

func (c *categoryIndex) cards(list []news.Article) []articleCard {
	out := make([]articleCard, 0, len(list))
	for i := range list {
		out = append(out, c.card(&list[i]))
	}
	return out
}

// bodyHTML returns the article body: the stored sanitised HTML, or the
// plain text as escaped paragraphs.
func bodyHTML(a *news.Article) template.HTML {
	if strings.TrimSpace(a.BodyHTML) != "" {
		return template.HTML(a.BodyHTML) // sanitised by the store's writers
	}
	var b strings.Builder
	for _, p := range turkish.SplitParagraphs(a.BodyText) {
		b.WriteString("<p>")
		template.HTMLEscape(&b, []byte(p))
		b.WriteString("</p>\n")
	}
	return template.HTML(b.String())
}
