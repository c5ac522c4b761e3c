package web

import (
	"context"
	"html/template"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"manset/internal/extract"
	"manset/internal/news"
	"manset/internal/turkish"
)

// adminFetchTimeout bounds a background "Şimdi çek": the request that
// started it is long gone, so nothing else would stop a stuck fetch.
const adminFetchTimeout = 10 * time.Minute

// adminSources is the sources page and the review queue's publish button.
type adminSources struct {
	*adminSite
	src   NewsroomStore
	fetch func(ctx context.Context, id int64) error
	// running holds the ids being fetched, so a double click does not
	// start a second fetch of the same source.
	running sync.Map
}

// adminSourceKinds are the kinds an editor can add; "file" sources are
// made by `manset import`, not fetched.
var adminSourceKinds = []news.SourceKind{news.SourceFeed, news.SourceSitemap, news.SourcePage, news.SourceListing}

func sourceKindLabel(k news.SourceKind) string {
	switch k {
	case news.SourceFeed:
		return "Akış (RSS, Atom, JSON)"
	case news.SourceSitemap:
		return "Site haritası"
	case news.SourcePage:
		return "Tek sayfa"
	case news.SourceListing:
		return "Bölüm sayfası"
	case news.SourceFile:
		return "İçe aktarma"
	}
	return string(k)
}

// adminSourceRow is a source as the table shows it.
type adminSourceRow struct {
	news.Source
	IntervalMin  int64
	IntervalText string
	CategoryName string
	LastFetch    string
	NextFetch    string
}

// adminSourceForm is the add form as sent, shown again after an error.
type adminSourceForm struct {
	Kind, Name, URL, Category, Interval, Selector string
	Review, Excerpt                               bool
}

// adminSourcesView is the content of the sources page.
type adminSourcesView struct {
	Rows       []adminSourceRow
	Categories []news.Category
	Kinds      []news.SourceKind
	CanFetch   bool
	Form       adminSourceForm
	FormError  string // the add form's error, shown next to it
}

// sourceRoutes registers the sources page and the review queue's publish
// button.
func (a *adminSite) sourceRoutes(m *http.ServeMux, editor, admin func(adminHandler) http.Handler) {
	m.Handle("POST /admin/haberler/{id}/yayinla", editor(a.publishReview))
	src := a.st
	funcs := a.s.adminTemplateFuncs()
	funcs["kindLabel"] = sourceKindLabel
	a.tmpl["sources"] = template.Must(template.New("sources").Funcs(funcs).ParseFS(templateFS,
		"templates/admin/layout.html", "templates/admin/sources.html"))
	as := &adminSources{adminSite: a, src: src, fetch: a.s.fetchSource}
	m.Handle("GET /admin/kaynaklar", editor(as.page))
	m.Handle("POST /admin/kaynaklar", admin(as.create))
	m.Handle("POST /admin/kaynaklar/{id}", admin(as.update))
	m.Handle("POST /admin/kaynaklar/{id}/sil", admin(as.remove))
	// Fetching now changes nothing an editor could not wait for, so
	// editors may ask for it too.
	m.Handle("POST /admin/kaynaklar/{id}/cek", editor(as.fetchNow))
}

func (as *adminSources) page(w http.ResponseWriter, r *http.Request, u news.User) {
	as.show(w, r, u, http.StatusOK, adminSourceForm{Kind: string(news.SourceFeed), Interval: "15"}, "", "")
}

// show renders the table; errMsg is a refused edit, formErr a refused add
// whose values f are shown again.
func (as *adminSources) show(w http.ResponseWriter, r *http.Request, u news.User, status int, f adminSourceForm, errMsg, formErr string) {
	ctx := r.Context()
	list, err := as.src.ListSources(ctx)
	if err != nil {
		as.fail(w, r, err)
		return
	}
	cats, err := as.st.ListCategories(ctx)
	if err != nil {
		as.fail(w, r, err)
		return
	}
	v := adminSourcesView{Categories: cats, Kinds: adminSourceKinds, CanFetch: as.fetch != nil, Form: f, FormError: formErr}
	names := make(map[string]string, len(cats))
	for _, c := range cats {
		names[c.Slug] = c.Path()
	}
	for _, s := range list {
		v.Rows = append(v.Rows, newSourceRow(s, names, as.s.now()))
	}
	p := &adminPage{Title: "Kaynaklar", Section: "sources", User: u, Error: errMsg, Data: v}
	as.render(w, r, status, "sources", p)
}

func newSourceRow(s news.Source, catNames map[string]string, now time.Time) adminSourceRow {
	row := adminSourceRow{Source: s, IntervalMin: int64(s.Interval / time.Minute),
		IntervalText: intervalText(s.Interval), CategoryName: catNames[s.CategorySlug], LastFetch: "Hiç çekilmedi"}
	if row.CategoryName == "" {
		row.CategoryName = s.CategorySlug // a slug whose category is gone still says what was meant
	}
	if s.LastFetchAt != nil {
		row.LastFetch = turkish.FormatDate(*s.LastFetchAt)
	}
	switch {
	case s.Kind == news.SourceFile:
		row.NextFetch = "Çekilmez (içe aktarma)"
	case s.NextFetchAt == nil || !s.NextFetchAt.After(now):
		row.NextFetch = "Sırada"
	default:
		row.NextFetch = turkish.FormatDate(*s.NextFetchAt)
	}
	return row
}

// intervalText says a fetch interval the way an editor would: "15 dk",
// "2 sa", "1 sa 30 dk".
func intervalText(d time.Duration) string {
	m := int64(d / time.Minute)
	h, m := m/60, m%60
	switch {
	case h == 0:
		return strconv.FormatInt(m, 10) + " dk"
	case m == 0:
		return strconv.FormatInt(h, 10) + " sa"
	}
	return strconv.FormatInt(h, 10) + " sa " + strconv.FormatInt(m, 10) + " dk"
}

// readSourceSettings reads the fields both forms share onto s.
func readSourceSettings(r *http.Request, s *news.Source) error {
	minutes, err := strconv.ParseInt(strings.TrimSpace(r.PostFormValue("interval")), 10, 64)
	if err != nil || minutes < 1 || minutes > 7*24*60 {
		return news.E(news.EINVALID, "source.interval_range")
	}
	s.Interval = time.Duration(minutes) * time.Minute
	s.CategorySlug = strings.TrimSpace(r.PostFormValue("category"))
	s.Review = r.PostFormValue("review") != ""
	s.FullText = "full"
	if r.PostFormValue("excerpt") != "" {
		s.FullText = "excerpt"
	}
	s.Selector = strings.TrimSpace(r.PostFormValue("selector"))
	if s.Selector != "" {
		return extract.CheckSelector(s.Selector)
	}
	return nil
}

// checkCategory refuses a category slug the site does not have; the
// select offers only real ones, so this catches forged or stale forms.
func (as *adminSources) checkCategory(ctx context.Context, slug string) error {
	if slug == "" {
		return nil
	}
	if _, err := as.st.CategoryBySlug(ctx, slug); err != nil {
		if news.IsNotFound(err) {
			return news.E(news.EINVALID, "source.category_missing")
		}
		return err
	}
	return nil
}

func (as *adminSources) create(w http.ResponseWriter, r *http.Request, u news.User) {
	f := adminSourceForm{Kind: r.PostFormValue("kind"), Name: strings.TrimSpace(r.PostFormValue("name")),
		URL: strings.TrimSpace(r.PostFormValue("url")), Category: r.PostFormValue("category"),
		Interval: r.PostFormValue("interval"), Review: r.PostFormValue("review") != "", Excerpt: r.PostFormValue("excerpt") != "",
		Selector: r.PostFormValue("selector")}
	s := news.Source{Name: f.Name, Kind: news.SourceKind(f.Kind), URL: f.URL}
	err := readSourceSettings(r, &s)
	if err == nil && s.Kind == news.SourceFile {
		err = news.E(news.EINVALID, "source.file_kind")
	}
	if err == nil {
		err = s.Validate()
	}
	if err == nil {
		err = as.checkCategory(r.Context(), s.CategorySlug)
	}
	if err == nil {
		s.HomeURL = homeOf(s.URL)
		err = as.src.CreateSource(r.Context(), &s)
	}
	if err != nil {
		as.show(w, r, u, as.s.logIfInternal(r, err), f, "", news.ErrorMessage(err))
		return
	}
	as.audit(r, u, "source.create", sourceTarget(s.ID), string(s.Kind)+" "+s.Name+" "+s.URL)
	as.redirect(w, r, "/admin/kaynaklar", "created")
}

// homeOf is the outlet's home page guessed from a fetched URL.
func homeOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	return u.Scheme + "://" + u.Host + "/"
}

// loadSource reads the source named by the {id} path value, answering
// itself when there is none.
func (as *adminSources) loadSource(w http.ResponseWriter, r *http.Request) (news.Source, bool) {
	id, ok := pathID(r, "id")
	if !ok {
		as.s.notFound(w, r)
		return news.Source{}, false
	}
	s, err := as.src.Source(r.Context(), id)
	if err != nil {
		as.fail(w, r, err)
		return news.Source{}, false
	}
	return s, true
}

func (as *adminSources) update(w http.ResponseWriter, r *http.Request, u news.User) {
	s, ok := as.loadSource(w, r)
	if !ok {
		return
	}
	before := sourceSettings(&s)
	err := readSourceSettings(r, &s)
	if err == nil {
		err = as.checkCategory(r.Context(), s.CategorySlug)
	}
	if err == nil {
		err = as.src.UpdateSource(r.Context(), &s)
	}
	if err != nil {
		as.show(w, r, u, as.s.logIfInternal(r, err), adminSourceForm{Kind: string(news.SourceFeed), Interval: "15"},
			s.Name+": "+news.ErrorMessage(err), "")
		return
	}
	as.audit(r, u, "source.update", sourceTarget(s.ID), s.Name+": "+before+" -> "+sourceSettings(&s))
	as.redirect(w, r, "/admin/kaynaklar", "saved")
}

// sourceSettings sums up what the edit form changes, for the audit log.
func sourceSettings(s *news.Source) string {
	return "aralık " + intervalText(s.Interval) + ", kategori " + s.CategorySlug +
		", inceleme " + strconv.FormatBool(s.Review) + ", metin " + s.FullText
}

func (as *adminSources) remove(w http.ResponseWriter, r *http.Request, u news.User) {
	s, ok := as.loadSource(w, r)
	if !ok {
		return
	}
	if err := as.src.DeleteSource(r.Context(), s.ID); err != nil {
		as.fail(w, r, err)
		return
	}
	as.audit(r, u, "source.delete", sourceTarget(s.ID), s.Name+" "+s.URL)
	as.redirect(w, r, "/admin/kaynaklar", "deleted")
}

// fetchNow starts a fetch of one source in the background and returns at
// once: a fetch can take minutes, and its outcome lands in the table.
func (as *adminSources) fetchNow(w http.ResponseWriter, r *http.Request, u news.User) {
	if as.fetch == nil {
		as.s.notFound(w, r)
		return
	}
	s, ok := as.loadSource(w, r)
	if !ok {
		return
	}
	if _, busy := as.running.LoadOrStore(s.ID, struct{}{}); busy {
		as.redirect(w, r, "/admin/kaynaklar", "fetching")
		return
	}
	as.audit(r, u, "source.fetch", sourceTarget(s.ID), s.Name)
	ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), adminFetchTimeout)
	go func() {
		defer cancel()
		defer as.running.Delete(s.ID)
		if err := as.fetch(ctx, s.ID); err != nil {
			as.s.log.Warn("web: fetch now failed", slog.Int64("source", s.ID), slog.Any("err", err))
		}
		as.s.Invalidate() // new published items should show without waiting for the poller
	}()
	as.redirect(w, r, "/admin/kaynaklar", "fetching")
}

func sourceTarget(id int64) string { return "source:" + strconv.FormatInt(id, 10) }

// publishReview publishes an aggregated article waiting for an editor in
// one click, keeping the outlet's own publication time when it has one.
func (a *adminSite) publishReview(w http.ResponseWriter, r *http.Request, u news.User) {
	art, ok := a.loadArticle(w, r)
	if !ok {
		return
	}
	if art.Status != news.StatusReview {
		a.fail(w, r, news.E(news.ECONFLICT, "article.not_in_review"))
		return
	}
	now := a.s.now()
	if art.PublishedAt == nil || art.PublishedAt.After(now) {
		art.PublishedAt = &now
	}
	art.Status = news.StatusPublished
	if err := a.st.UpdateArticle(r.Context(), &art); err != nil {
		a.fail(w, r, err)
		return
	}
	a.s.Invalidate()
	a.audit(r, u, "article.publish", articleTarget(art.ID), "review -> published: "+art.Title)
	http.Redirect(w, r, "/admin/haberler?durum=review&ok=published", http.StatusSeeOther)
}
