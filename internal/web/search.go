package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"manset/internal/auth"
	"manset/internal/news"
	"manset/internal/search"
)

// searchPattern is the route of the search page.
const searchPattern = "GET /ara"

// searchPageSize is the number of results per search page.
const searchPageSize = 10

// searchRoutes serves the search page and GET /api/v1/search with svc; without
// one /ara stays the "Arama yakında" stub.
// Search pages are not page-cached: queries rarely repeat exactly, and one
// costs a few milliseconds even on a large corpus (bench/search).
func (s *Server) searchRoutes(mux *http.ServeMux, svc *search.Service) {
	if svc == nil {
		mux.HandleFunc(searchPattern, s.showSearch)
		return
	}
	limit := s.limiter(searchRule, "search")
	mux.HandleFunc(searchPattern, func(w http.ResponseWriter, r *http.Request) {
		if err := s.allowSearch(r, limit); err != nil {
			s.serveError(w, r, err)
			return
		}
		s.showSearchResults(w, r, svc)
	})
	mux.HandleFunc("GET /api/v1/search", func(w http.ResponseWriter, r *http.Request) {
		if err := s.allowSearch(r, limit); err != nil {
			s.apiError(w, r, err)
			return
		}
		s.searchAPI(w, r, svc)
	})
}

// searchRule is the per-client rate of searches: a person typing and
// paging stays far below it, a scraper does not.
var searchRule = auth.Rule{Every: 200 * time.Millisecond, Burst: 60}

// allowSearch takes one search from the client's limit; an empty query
// (the bare search page) costs nothing.
func (s *Server) allowSearch(r *http.Request, limit *auth.Limiter) error {
	if strings.TrimSpace(r.URL.Query().Get("q")) == "" {
		return nil
	}
	return limit.Allow(r.Context(), s.rateKey(r))
}

// searchView is the content of the search page.
type searchView struct {
	Query      string
	Enabled    bool // false: the store has no index ("Arama yakında")
	Searched   bool // a non-empty query was run
	Category   string
	Categories []searchCategory
	Items      []searchItem
	Total      int
	Estimated  bool
	Page       int
	Pages      int
	PrevURL    string
	NextURL    string
	// SuggestURL links to the query spelt the Turkish way ("Bunu mu demek
	// istediniz: ışık").
	Suggestion string
	SuggestURL string
}

// searchCategory is one option of the category filter.
type searchCategory struct {
	Slug, Path string
	Selected   bool
}

// searchItem is one result: the card plus highlighted title and snippet.
type searchItem struct {
	articleCard
	TitleHTML template.HTML
	Snippet   template.HTML
}

// showSearch answers GET /ara when the store cannot search.
func (s *Server) showSearch(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	s.writeSearchPage(w, r, searchView{Query: q})
}

// showSearchResults runs the query of GET /ara?q=&sayfa=&kategori=.
func (s *Server) showSearchResults(w http.ResponseWriter, r *http.Request, svc *search.Service) {
	ctx := r.Context()
	v := searchView{Query: strings.TrimSpace(r.URL.Query().Get("q")), Enabled: true,
		Category: r.URL.Query().Get("kategori")}
	n, ok := pageNumber(r)
	if !ok {
		s.renderErrorPage(w, r, http.StatusBadRequest)
		return
	}
	cats, err := s.loadCategories(ctx)
	if err != nil {
		s.serveError(w, r, err)
		return
	}
	req := search.Request{Query: v.Query, Page: n, PerPage: searchPageSize}
	for _, c := range cats.list {
		sel := c.Slug == v.Category
		if sel {
			req.CategoryID = &c.ID
		}
		v.Categories = append(v.Categories, searchCategory{Slug: c.Slug, Path: c.Path(), Selected: sel})
	}
	if req.CategoryID == nil {
		v.Category = "" // an unknown category does not filter
	}
	res, err := svc.Search(ctx, req)
	if err != nil {
		s.serveError(w, r, err)
		return
	}
	fillSearchView(&v, res, cats)
	s.writeSearchPage(w, r, v)
}

// fillSearchView copies one page of results into v, with its links.
func fillSearchView(v *searchView, res search.Result, cats *categoryIndex) {
	v.Searched = !res.Query.Empty()
	v.Total, v.Estimated, v.Page, v.Pages = res.Total, res.Estimated, res.Page, res.Pages
	for _, h := range res.Hits {
		v.Items = append(v.Items, searchItem{articleCard: cats.card(&h.Article),
			// built by package search: escaped text with <mark> only
			TitleHTML: template.HTML(h.TitleHTML), Snippet: template.HTML(h.Snippet)})
	}
	if res.Page > 1 && res.Pages > 0 {
		v.PrevURL = searchURL(v.Query, v.Category, min(res.Page-1, res.Pages))
	}
	if res.Page < res.Pages {
		v.NextURL = searchURL(v.Query, v.Category, res.Page+1)
	}
	if res.Suggestion != "" {
		v.Suggestion, v.SuggestURL = res.Suggestion, searchURL(res.Suggestion, v.Category, 1)
	}
}

// searchURL is the address of one search page.
func searchURL(q, category string, page int) string {
	p := url.Values{"q": {q}}
	if category != "" {
		p.Set("kategori", category)
	}
	if page > 1 {
		p.Set("sayfa", strconv.Itoa(page))
	}
	return "/ara?" + p.Encode()
}

func (s *Server) writeSearchPage(w http.ResponseWriter, r *http.Request, v searchView) {
	site, _, err := s.loadSite(r.Context())
	if err != nil {
		s.serveError(w, r, err)
		return
	}
	title := "Arama"
	if v.Query != "" {
		title = v.Query + " – Arama"
		if v.Page > 1 {
			title += " – Sayfa " + strconv.Itoa(v.Page)
		}
	}
	// Result pages are endless and change by the minute: keep them out of
	// search engines.
	data := &layoutData{Site: site, Title: title, Query: v.Query, Page: v,
		NameMeta: []metaTag{{"robots", "noindex, follow"}}}
	body, err := s.execute("search", data)
	if err != nil {
		s.serveError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(body)
}

// searchErrNoQuery is the API's answer to a missing q.
var searchErrNoQuery = news.E(news.EINVALID, "search.query_required")
