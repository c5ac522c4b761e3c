package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"manset/internal/news"
	"manset/internal/turkish"
)

// Article list paging; a title search scans at most adminSearchScan of the
// newest matching articles (the store has no title filter).
const (
	adminPageSize   = 30
	adminSearchScan = 5000
)

// adminArticleList is the content of the article list.
type adminArticleList struct {
	Items      []news.Article
	Total      int
	Status     string
	CategoryID int64
	Query      string
	Page       int
	PrevURL    string
	NextURL    string
	Statuses   []news.Status
	Categories []news.Category
}

func (a *adminSite) articleRoutes(m *http.ServeMux, editor func(adminHandler) http.Handler) {
	m.Handle("GET /admin/haberler", editor(a.articlesPage))
	m.Handle("GET /admin/haberler/yeni", editor(a.articleNew))
	m.Handle("POST /admin/haberler", editor(a.articleCreate))
	m.Handle("GET /admin/haberler/{id}", editor(a.articleEdit))
	m.Handle("POST /admin/haberler/{id}", editor(a.articleUpdate))
	m.Handle("GET /admin/haberler/{id}/sil", editor(a.articleDeleteConfirm))
	m.Handle("POST /admin/haberler/{id}/sil", editor(a.articleDelete))
	m.Handle("GET /admin/haberler/{id}/surum/{rev}", editor(a.revisionPage))
	m.Handle("POST /admin/haberler/{id}/surum/{rev}", editor(a.revisionRestore))
}

// articlesPage lists articles of every status with filters and pages.
func (a *adminSite) articlesPage(w http.ResponseWriter, r *http.Request, u news.User) {
	q := r.URL.Query()
	v := adminArticleList{Status: q.Get("durum"), Query: strings.TrimSpace(q.Get("q")), Statuses: adminStatuses}
	v.Page, _ = strconv.Atoi(q.Get("sayfa"))
	v.Page = max(v.Page, 1)
	f := news.ArticleFilter{}
	if st := news.Status(v.Status); st.Valid() {
		f.Status = &st
	} else {
		v.Status = ""
	}
	if id, err := strconv.ParseInt(q.Get("kategori"), 10, 64); err == nil && id > 0 {
		v.CategoryID, f.CategoryID = id, &id
	}
	var err error
	if v.Categories, err = a.st.ListCategories(r.Context()); err != nil {
		a.fail(w, r, err)
		return
	}
	if v.Query == "" {
		f.Limit, f.Offset, f.Lean = adminPageSize, (v.Page-1)*adminPageSize, true
		v.Items, v.Total, err = a.st.ListArticles(r.Context(), f)
	} else {
		v.Items, v.Total, err = a.searchTitles(r, f, v.Query, v.Page)
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	v.PrevURL, v.NextURL = v.pageURLs()
	a.render(w, r, http.StatusOK, "articles", &adminPage{Title: "Haberler", Section: "articles", User: u, Data: v})
}

// searchTitles returns one page of the articles matching f whose title
// contains query, compared Turkish-folded so "isik" finds "Işık".
func (a *adminSite) searchTitles(r *http.Request, f news.ArticleFilter, query string, page int) ([]news.Article, int, error) {
	f.Limit, f.Lean = adminSearchScan, true
	all, _, err := a.st.ListArticles(r.Context(), f)
	if err != nil {
		return nil, 0, err
	}
	needle := turkish.Fold(query)
	var hits []news.Article
	for _, art := range all {
		if strings.Contains(turkish.Fold(art.Title), needle) {
			hits = append(hits, art)
		}
	}
	from := min((page-1)*adminPageSize, len(hits))
	to := min(from+adminPageSize, len(hits))
	return hits[from:to], len(hits), nil
}

// pageURLs returns the links to the previous and next pages, keeping the
// filters.
func (v *adminArticleList) pageURLs() (prev, next string) {
	link := func(p int) string {
		q := url.Values{}
		if v.Status != "" {
			q.Set("durum", v.Status)
		}
		if v.CategoryID != 0 {
			q.Set("kategori", strconv.FormatInt(v.CategoryID, 10))
		}
		if v.Query != "" {
			q.Set("q", v.Query)
		}
		if p > 1 {
			q.Set("sayfa", strconv.Itoa(p))
		}
		if len(q) == 0 {
			return "/admin/haberler"
		}
		return "/admin/haberler?" + q.Encode()
	}
	if v.Page > 1 {
		prev = link(v.Page - 1)
	}
	if v.Page*adminPageSize < v.Total {
		next = link(v.Page + 1)
	}
	return prev, next
}
