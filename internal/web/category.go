package web

import (
	"net/http"
	"strconv"

	"manset/internal/news"
)

// categoryPageSize is the number of articles per category page.
const categoryPageSize = 20

// categoryView is the content of a category page.
type categoryView struct {
	Name     string
	Crumbs   []crumb
	Items    []articleCard
	Page     int
	Pages    int
	Total    int
	PrevURL  string
	NextURL  string
	Children []navLink
}

// categoryKey keys category pages by slug and page number; other query
// parameters (tracking tags) do not split the cache.
func categoryKey(r *http.Request) (string, bool) {
	n, ok := pageNumber(r)
	if !ok {
		return "", false
	}
	return "/kategori/" + r.PathValue("slug") + "?sayfa=" + strconv.Itoa(n), true
}

// pageNumber parses ?sayfa=, defaulting to 1.
func pageNumber(r *http.Request) (int, bool) {
	v := r.URL.Query().Get("sayfa")
	if v == "" {
		return 1, true
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 100000 {
		return 0, false
	}
	return n, true
}

// renderCategory renders one page of a category's articles, its
// descendants' included.
func (s *Server) renderCategory(r *http.Request) (page, error) {
	ctx := r.Context()
	now := s.now()
	n, _ := pageNumber(r)
	site, cats, err := s.loadSite(ctx)
	if err != nil {
		return page{}, err
	}
	cat, err := s.store.CategoryBySlug(ctx, r.PathValue("slug"))
	if err != nil {
		return page{}, err
	}
	if c := cats.get(cat.ID); c != nil {
		cat = *c
	}
	list, total, err := s.store.ListArticles(ctx, news.ArticleFilter{Lean: true, CategoryID: &cat.ID, VisibleAt: &now,
		Limit: categoryPageSize, Offset: (n - 1) * categoryPageSize})
	if err != nil {
		return page{}, err
	}
	pages := max(1, (total+categoryPageSize-1)/categoryPageSize)
	if n > pages {
		return page{}, news.E(news.ENOTFOUND, "page.not_found")
	}
	view := newCategoryView(&cat, cats, list, n, pages, total)
	data := s.categoryLayout(site, &cat, view)
	body, err := s.execute("category", data)
	if err != nil {
		return page{}, err
	}
	return htmlPage(body, s.expiry(ctx, now, listTTL)), nil
}

func newCategoryView(cat *news.Category, cats *categoryIndex, list []news.Article, n, pages, total int) categoryView {
	view := categoryView{Name: cat.Name, Crumbs: categoryCrumbs(cat), Items: cats.cards(list),
		Page: n, Pages: pages, Total: total}
	view.Crumbs[len(view.Crumbs)-1].URL = "" // the current page is not a link
	for _, c := range cats.list {
		if c.ParentID == cat.ID {
			view.Children = append(view.Children, navLink{Name: c.Name, URL: categoryPath(c.Slug)})
		}
	}
	base := categoryPath(cat.Slug)
	if n > 1 {
		view.PrevURL = base
		if n > 2 {
			view.PrevURL += "?sayfa=" + strconv.Itoa(n-1)
		}
	}
	if n < pages {
		view.NextURL = base + "?sayfa=" + strconv.Itoa(n+1)
	}
	return view
}

// categoryLayout adds the head metadata of a category page.
func (s *Server) categoryLayout(site *siteData, cat *news.Category, view categoryView) *layoutData {
	canonical := s.baseURL + categoryPath(cat.Slug)
	title := cat.Name + " Haberleri"
	if view.Page > 1 {
		canonical += "?sayfa=" + strconv.Itoa(view.Page)
		title += " – Sayfa " + strconv.Itoa(view.Page)
	}
	data := &layoutData{Site: site, Title: title, Canonical: canonical,
		Description: cat.Name + " kategorisindeki en son haberler: " + site.Name + ".",
		Meta:        []metaTag{{"og:type", "website"}, {"og:title", title}, {"og:url", canonical}, {"og:site_name", site.Name}},
		Page:        view}
	if view.PrevURL != "" {
		data.PrevURL = s.baseURL + view.PrevURL
	}
	if view.NextURL != "" {
		data.NextURL = s.baseURL + view.NextURL
	}
	return data
}
