package web

import (
	"net/http"
	"time"

	"manset/internal/news"
)

// homeView is the content of the home page.
type homeView struct {
	Lead   *articleCard
	Slider []articleCard
	Latest []articleCard
	Blocks []categoryBlock
}

// categoryBlock is a section of the home page with its newest articles.
type categoryBlock struct {
	Name, URL string
	Items     []articleCard
}

// renderHome renders the home page: the manşet, the latest news and a block
// per section.
func (s *Server) renderHome(r *http.Request) (page, error) {
	ctx := r.Context()
	now := s.now()
	site, cats, err := s.loadSite(ctx)
	if err != nil {
		return page{}, err
	}
	featured, _, err := s.store.ListArticles(ctx, news.ArticleFilter{Lean: true, Featured: true, VisibleAt: &now, Limit: 10})
	if err != nil {
		return page{}, err
	}
	latest, _, err := s.store.ListArticles(ctx, news.ArticleFilter{Lean: true, VisibleAt: &now, Limit: 21})
	if err != nil {
		return page{}, err
	}
	view := homeView{}
	lead := pickLead(featured, latest)
	if lead != nil {
		c := cats.card(lead)
		view.Lead = &c
	}
	for i := range featured {
		if lead == nil || featured[i].ID != lead.ID {
			view.Slider = append(view.Slider, cats.card(&featured[i]))
		}
	}
	for i := range latest {
		if (lead == nil || latest[i].ID != lead.ID) && len(view.Latest) < 20 {
			view.Latest = append(view.Latest, cats.card(&latest[i]))
		}
	}
	if view.Blocks, err = s.categoryBlocks(r, cats, now); err != nil {
		return page{}, err
	}
	body, err := s.execute("home", &layoutData{
		Site:        site,
		Description: site.Name + ": son dakika haberleri, gündem, dünya, ekonomi ve spor.",
		Canonical:   s.baseURL + "/",
		Meta:        []metaTag{{"og:type", "website"}, {"og:title", site.Name}, {"og:url", s.baseURL + "/"}, {"og:site_name", site.Name}},
		Page:        view,
	})
	if err != nil {
		return page{}, err
	}
	return htmlPage(body, s.expiry(ctx, now, listTTL)), nil
}

// pickLead chooses the lead story: the article pinned first, else the newest
// with an image, else the newest.
func pickLead(featured, latest []news.Article) *news.Article {
	for i := range featured {
		if featured[i].Featured == 1 {
			return &featured[i]
		}
	}
	for i := range latest {
		if latest[i].Image != "" {
			return &latest[i]
		}
	}
	if len(latest) > 0 {
		return &latest[0]
	}
	return nil
}

// categoryBlocks returns the newest four articles of each upper section,
// skipping empty ones.
func (s *Server) categoryBlocks(r *http.Request, cats *categoryIndex, now time.Time) ([]categoryBlock, error) {
	var out []categoryBlock
	for _, cat := range cats.upper() {
		id := cat.ID
		list, _, err := s.store.ListArticles(r.Context(), news.ArticleFilter{Lean: true, CategoryID: &id, VisibleAt: &now, Limit: 4})
		if err != nil {
			return nil, err
		}
		if len(list) == 0 {
			continue
		}
		out = append(out, categoryBlock{Name: cat.Name, URL: categoryPath(cat.Slug), Items: cats.cards(list)})
	}
	return out, nil
}
