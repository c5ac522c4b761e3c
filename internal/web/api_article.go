package web

import (
	"net/http"
	"strconv"

	"manset/internal/news"
)

// getArticleAPI serves GET /api/v1/articles/{id}.
func (s *Server) getArticleAPI(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.apiError(w, r, news.E(news.EINVALID, "article.bad_id", r.PathValue("id")))
		return
	}
	now := s.now()
	a, err := s.store.Article(ctx, id)
	if err == nil && !a.Visible(now) {
		err = news.E(news.ENOTFOUND, "article.not_found")
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	site, cats, err := s.loadSite(ctx)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	related, err := s.related(ctx, &a, now)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, s.toAPIArticle(&a, cats, site, related))
}

func (s *Server) toAPIArticle(a *news.Article, cats *categoryIndex, site *siteData, related []news.Article) apiArticle {
	out := apiArticle{
		ID:           a.ID,
		Slug:         a.Slug,
		URL:          s.baseURL + articlePath(a.Slug),
		Title:        a.Title,
		Summary:      a.Summary,
		BodyText:     a.BodyText,
		BodyHTML:     a.BodyHTML,
		Category:     toAPICategory(cats.categoryOf(a)),
		Author:       a.Author,
		Source:       apiSource{Name: a.SourceName, URL: a.SourceHome},
		SourceURL:    a.SourceURL,
		PublishedAt:  utcPtr(a.PublishedAt),
		ModifiedAt:   utcPtr(a.ModifiedAt),
		ImportedAt:   a.ImportedAt.UTC(),
		Image:        a.Image,
		Lang:         a.Lang,
		Reactions:    reactionCounts(a.Reactions),
		CommentCount: a.CommentCount,
		StoryID:      a.StoryID,
		Related:      []apiRelated{},
	}
	// updated_at is the publisher's last change when known, else our copy's.
	out.UpdatedAt = out.ModifiedAt
	if out.UpdatedAt == nil {
		out.UpdatedAt = utcPtr(&a.UpdatedAt)
	}
	if a.SourceID == 0 && a.SourceName == "" {
		// Our own article: the source is this site.
		out.Source = apiSource{Name: site.Name, URL: s.baseURL + "/"}
	}
	if out.Lang == "" {
		out.Lang = "tr"
	}
	for _, r := range related {
		out.Related = append(out.Related, apiRelated{ID: r.ID, Title: r.Title, URL: s.baseURL + articlePath(r.Slug)})
	}
	return out
}
