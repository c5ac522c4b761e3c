package web

import (
	"cmp"
	"net/http"
	"time"

	"manset/internal/news"
	"manset/internal/web/syndication"
)

// Feed and sitemap sizes.
const (
	feedItems       = 50
	sitemapArticles = 10000
	newsWindow      = 48 * time.Hour
)

// feedFormat is one feed flavour and how to render it.
type feedFormat struct {
	file        string
	contentType string
	render      func(syndication.Channel, []syndication.Item) ([]byte, error)
}

var feedFormats = []feedFormat{
	{"rss.xml", syndication.ContentTypeRSS, syndication.RSS},
	{"atom.xml", syndication.ContentTypeAtom, syndication.Atom},
	{"feed.json", syndication.ContentTypeJSON, syndication.JSONFeed},
}

// feedRoutes registers the site and category feeds and the sitemaps.
func (s *Server) feedRoutes(mux *http.ServeMux) {
	for _, f := range feedFormats {
		mux.HandleFunc("GET /"+f.file, s.cached(pathKey, s.renderFeed(f)))
		mux.HandleFunc("GET /kategori/{slug}/"+f.file, s.cached(pathKey, s.renderFeed(f)))
	}
	mux.HandleFunc("GET /sitemap.xml", s.cached(pathKey, s.renderSitemap))
	mux.HandleFunc("GET /sitemap-news.xml", s.cached(pathKey, s.renderNewsSitemap))
}

// pathKey keys a page by its path alone; queries do not change it.
func pathKey(r *http.Request) (string, bool) { return r.URL.Path, true }

// renderFeed renders the site feed, or a category's when the path has a slug.
func (s *Server) renderFeed(f feedFormat) renderFunc {
	return func(r *http.Request) (page, error) {
		ctx := r.Context()
		now := s.now()
		site, cats, err := s.loadSite(ctx)
		if err != nil {
			return page{}, err
		}
		filter := news.ArticleFilter{VisibleAt: &now, Limit: feedItems}
		ch := syndication.Channel{Title: site.Name, Link: s.baseURL + "/", FeedURL: s.baseURL + r.URL.Path,
			Description: site.Name + " son haberler", Language: "tr"}
		if slug := r.PathValue("slug"); slug != "" {
			cat, err := s.store.CategoryBySlug(ctx, slug)
			if err != nil {
				return page{}, err
			}
			filter.CategoryID = &cat.ID
			ch.Title = site.Name + " – " + cat.Name
			ch.Link = s.baseURL + categoryPath(cat.Slug)
			ch.Description = cat.Name + " haberleri"
		}
		list, _, err := s.store.ListArticles(ctx, filter)
		if err != nil {
			return page{}, err
		}
		body, err := f.render(ch, s.feedItems(list, cats))
		if err != nil {
			return page{}, err
		}
		return page{body: body, contentType: f.contentType, expires: s.expiry(ctx, now, listTTL)}, nil
	}
}

func (s *Server) feedItems(list []news.Article, cats *categoryIndex) []syndication.Item {
	items := make([]syndication.Item, 0, len(list))
	for i := range list {
		a := &list[i]
		it := syndication.Item{
			ID:          s.baseURL + articlePath(a.Slug),
			Title:       a.Title,
			Link:        s.baseURL + articlePath(a.Slug),
			Summary:     a.Summary,
			ContentHTML: string(bodyHTML(a)),
			Author:      cmp.Or(a.Author, a.SourceName),
			Image:       a.Image,
			Published:   a.PublishedAt,
			Updated:     a.UpdatedAt,
		}
		if a.ModifiedAt != nil {
			it.Updated = *a.ModifiedAt
		}
		if cat := cats.categoryOf(a); cat != nil {
			it.Category = cat.Name
		}
		items = append(items, it)
	}
	return items
}

// renderSitemap lists the home page, every category and the newest articles.
func (s *Server) renderSitemap(r *http.Request) (page, error) {
	ctx := r.Context()
	now := s.now()
	cats, err := s.loadCategories(ctx)
	if err != nil {
		return page{}, err
	}
	list, _, err := s.store.ListArticles(ctx, news.ArticleFilter{Lean: true, VisibleAt: &now, Limit: sitemapArticles})
	if err != nil {
		return page{}, err
	}
	urls := []syndication.URL{{Loc: s.baseURL + "/", ChangeFreq: "always", Priority: 1}}
	for _, c := range cats.list {
		urls = append(urls, syndication.URL{Loc: s.baseURL + categoryPath(c.Slug), ChangeFreq: "hourly", Priority: 0.8})
	}
	for i := range list {
		a := &list[i]
		lastMod := a.UpdatedAt
		if a.ModifiedAt != nil {
			lastMod = *a.ModifiedAt
		}
		urls = append(urls, syndication.URL{Loc: s.baseURL + articlePath(a.Slug), LastMod: lastMod})
	}
	body, err := syndication.Sitemap(urls)
	if err != nil {
		return page{}, err
	}
	return page{body: body, contentType: syndication.ContentTypeXML, expires: s.expiry(ctx, now, listTTL)}, nil
}

// renderNewsSitemap lists the articles of the last 48 hours for news search.
func (s *Server) renderNewsSitemap(r *http.Request) (page, error) {
	ctx := r.Context()
	now := s.now()
	site, cats, err := s.loadSite(ctx)
	if err != nil {
		return page{}, err
	}
	since := now.Add(-newsWindow)
	list, _, err := s.store.ListArticles(ctx, news.ArticleFilter{Lean: true, VisibleAt: &now, Since: &since, Limit: 1000})
	if err != nil {
		return page{}, err
	}
	body, err := syndication.NewsSitemap(site.Name, "tr", s.feedItems(list, cats))
	if err != nil {
		return page{}, err
	}
	return page{body: body, contentType: syndication.ContentTypeXML, expires: s.expiry(ctx, now, listTTL)}, nil
}
