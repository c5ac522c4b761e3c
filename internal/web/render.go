package web

import (
	"bytes"
	"context"
	"embed"
	"fmt"
	"html/template"
	"net/http"
	"strings"
	"time"

	"manset/internal/news"
)

//go:embed templates
var templateFS embed.FS

// pageNames are the templates that render whole pages; each is parsed with
// the layout and the shared partials.
var pageNames = []string{"home", "category", "article", "error", "search"}

// templates holds one parsed set per page.
type templates struct {
	pages map[string]*template.Template // Turkish, as parsed
	en    map[string]*template.Template // English clones, built by localize
}

func mustLoadTemplates(funcs template.FuncMap) *templates {
	t := &templates{pages: map[string]*template.Template{}}
	for _, name := range pageNames {
		tp := template.Must(template.New(name).Funcs(funcs).ParseFS(templateFS,
			"templates/layout.html", "templates/partials.html", "templates/"+name+".html"))
		t.pages[name] = tp
	}
	return t
}

func (s *Server) templateFuncs() template.FuncMap {
	funcs := template.FuncMap{
		"asset": func(name string) (string, error) { return s.assets.url(name) },
		"iso":   func(t time.Time) string { return t.Format(time.RFC3339) },
	}
	for k, f := range localeFuncs(localeTR) {
		funcs[k] = f
	}
	return funcs
}

// siteData is what every page shows around its content.
type siteData struct {
	Name       string
	BaseURL    string
	Disclaimer string
	Ads        map[string]template.HTML // "header", "article_top", ...; absent when empty
	Nav        []navLink
	Year       int
	LogoURL    string // absolute, for the publisher in JSON-LD
	Accounts   bool   // show "Giriş Yap" / "Kayıt Ol"; scripts swap in the user
	Lang       string // UI locale, "tr" or "en"; picks the template set
	LangTR     string // this page in Turkish, for the footer switch
	LangEN     string // this page in English
}

type navLink struct {
	Name, URL string
}

// metaTag is one <meta property|name=... content=...>.
type metaTag struct {
	Key, Value string
}

// layoutData is passed to every page template.
type layoutData struct {
	Site        *siteData
	Title       string // the <title>, without the site name
	Description string
	Canonical   string
	PrevURL     string
	NextURL     string
	Meta        []metaTag // property= (Open Graph, article:*)
	NameMeta    []metaTag // name= (twitter:*)
	JSONLD      []template.JS
	Query       string
	Page        any
}

// adSlots are the setting keys of ad slots, "ad.<slot>".
var adSlots = []string{"header", "article_top", "article_bottom", "sidebar"}

// loadSite reads the settings and categories every page needs. cats is
// returned too so pages can resolve article categories without a query.
func (s *Server) loadSite(ctx context.Context) (*siteData, *categoryIndex, error) {
	settings, err := s.store.AllSettings(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("web: loading settings: %w", err)
	}
	cats, err := s.loadCategories(ctx)
	if err != nil {
		return nil, nil, err
	}
	site := &siteData{
		Name:       strings.TrimSpace(settings["site.name"]),
		BaseURL:    s.baseURL,
		Disclaimer: strings.TrimSpace(settings["site.disclaimer"]),
		Ads:        map[string]template.HTML{},
		Nav:        cats.nav(),
		Year:       s.now().Year(),
		Accounts:   s.auth != nil,
		Lang:       localeFrom(ctx),
	}
	site.LangTR, site.LangEN = langSwitch(ctx)
	if u, err := s.assets.url("favicon.svg"); err == nil {
		site.LogoURL = s.baseURL + u
	}
	if site.Name == "" {
		site.Name = "Manşet"
	}
	for _, slot := range adSlots {
		// Ad code is entered by admins and trusted as such.
		if v := strings.TrimSpace(settings["ad."+slot]); v != "" {
			site.Ads[slot] = template.HTML(v)
		}
	}
	return site, cats, nil
}

// execute renders the named page template into bytes.
func (s *Server) execute(name string, data *layoutData) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(32 << 10)
	if err := s.tmpl.page(name, data.Site.Lang).ExecuteTemplate(&buf, "layout", data); err != nil {
		return nil, fmt.Errorf("web: rendering %s: %w", name, err)
	}
	return buf.Bytes(), nil
}

// htmlPage wraps rendered HTML as a cacheable page.
func htmlPage(body []byte, expires time.Time) page {
	return page{body: body, contentType: "text/html; charset=utf-8", expires: expires}
}

// renderErrorPage writes a Turkish error page with the site chrome. When the
// store is down too, it falls back to a bare page.
func (s *Server) renderErrorPage(w http.ResponseWriter, r *http.Request, status int) {
	if isAPI(r) {
		e := news.E(news.EINTERNAL, news.KeyInternal)
		if status == http.StatusNotFound {
			e = news.E(news.ENOTFOUND, "error.not_found")
		}
		writeAPIError(w, r, status, e)
		return
	}
	ev := serverErrorView
	ev.Status = status
	switch status {
	case http.StatusNotFound:
		ev.Heading, ev.Text = "Sayfa bulunamadı", "Aradığınız sayfa kaldırılmış, adı değişmiş ya da hiç var olmamış olabilir."
	case http.StatusBadRequest:
		ev.Heading, ev.Text = "Geçersiz istek", "İsteğinizde bir sorun var."
	}
	site, _, err := s.loadSite(r.Context())
	if err != nil {
		site = s.bareSite()
		site.Lang = localeFrom(r.Context())
		site.LangTR, site.LangEN = langSwitch(r.Context())
	}
	s.writeErrorPage(w, status, site, ev)
}

// bareSite is the chrome used when the store cannot be asked for settings.
func (s *Server) bareSite() *siteData {
	return &siteData{Name: "Manşet", BaseURL: s.baseURL, Year: s.now().Year(),
		Lang: localeTR, LangTR: "?lang=tr", LangEN: "?lang=en"}
}

func (s *Server) writeErrorPage(w http.ResponseWriter, status int, site *siteData, ev errorView) {
	body, err := s.execute("error", &layoutData{Site: site, Title: ev.Heading, Page: ev})
	if err != nil {
		s.log.Error("web: rendering error page", "err", err)
		http.Error(w, ev.Heading, status)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(body)
}

// serverErrorView is the 500 page's content.
var serverErrorView = errorView{Status: http.StatusInternalServerError, Heading: "Bir hata oluştu",
	Text: "Sayfayı gösterirken bir sorun çıktı. Lütfen biraz sonra yeniden deneyin."}

// errorView is the content of an error page.
type errorView struct {
	Status        int
	Heading, Text string
}
