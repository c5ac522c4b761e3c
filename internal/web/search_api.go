package web

import (
	"net/http"
	"strconv"

	"manset/internal/news"
	"manset/internal/search"
)

// apiSearchResult is the body of GET /api/v1/search.
type apiSearchResult struct {
	Items []apiSearchItem `json:"items"`
	Total int             `json:"total"`
}

// apiSearchItem is one hit. Snippet is HTML: the original text escaped,
// query words in <mark>.
type apiSearchItem struct {
	ID      int64  `json:"id"`
	Title   string `json:"title"`
	URL     string `json:"url"`
	Snippet string `json:"snippet"`
}

// searchAPI answers GET /api/v1/search?q=&limit=[&category=], best first.
func (s *Server) searchAPI(w http.ResponseWriter, r *http.Request, svc *search.Service) {
	ctx := r.Context()
	q := r.URL.Query()
	if search.ParseQuery(q.Get("q")).Empty() {
		s.apiError(w, r, searchErrNoQuery)
		return
	}
	req := search.Request{Query: q.Get("q"), Page: 1, PerPage: apiDefaultLimit}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			s.apiError(w, r, news.E(news.EINVALID, "list.limit_range", apiMaxLimit))
			return
		}
		req.PerPage = min(n, apiMaxLimit)
	}
	if slug := q.Get("category"); slug != "" {
		cat, err := s.store.CategoryBySlug(ctx, slug)
		if err != nil {
			s.apiError(w, r, err)
			return
		}
		req.CategoryID = &cat.ID
	}
	res, err := svc.Search(ctx, req)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	out := apiSearchResult{Items: make([]apiSearchItem, 0, len(res.Hits)), Total: res.Total}
	for _, h := range res.Hits {
		out.Items = append(out.Items, apiSearchItem{ID: h.Article.ID, Title: h.Article.Title,
			URL: s.baseURL + articlePath(h.Article.Slug), Snippet: h.Snippet})
	}
	writeJSON(w, http.StatusOK, out)
}
