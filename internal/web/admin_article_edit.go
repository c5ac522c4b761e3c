package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"manset/internal/news"
	"manset/internal/turkish"
)

// adminArticleForm is the article editor: the stored article, or what the
// editor sent when it has to be shown again with an error.
type adminArticleForm struct {
	ID         int64
	Slug       string
	URL        string // the public path, once saved
	Title      string
	Summary    string
	Body       string
	CategoryID int64
	Image      string
	Author     string
	Status     news.Status
	PublishAt  string // datetime-local value, Istanbul time
	Featured   int
	Statuses   []news.Status
	Categories []news.Category
	Revisions  []news.Revision
}

func formFromArticle(art *news.Article) adminArticleForm {
	f := adminArticleForm{ID: art.ID, Slug: art.Slug, Title: art.Title, Summary: art.Summary,
		Body: art.BodyHTML, CategoryID: art.CategoryID, Image: art.Image, Author: art.Author,
		Status: art.Status, Featured: art.Featured}
	if f.Body == "" {
		f.Body = art.BodyText
	}
	if art.Slug != "" {
		f.URL = articlePath(art.Slug)
	}
	if art.PublishedAt != nil {
		f.PublishAt = art.PublishedAt.In(turkish.Istanbul).Format(adminTimeLayout)
	}
	return f
}

// readArticleForm reads the editor's fields from a POST.
func readArticleForm(r *http.Request) adminArticleForm {
	f := adminArticleForm{
		Title:     strings.TrimSpace(r.PostFormValue("title")),
		Summary:   strings.TrimSpace(r.PostFormValue("summary")),
		Body:      r.PostFormValue("body"),
		Image:     strings.TrimSpace(r.PostFormValue("image")),
		Author:    strings.TrimSpace(r.PostFormValue("author")),
		Status:    news.Status(r.PostFormValue("status")),
		PublishAt: strings.TrimSpace(r.PostFormValue("publish_at")),
	}
	f.CategoryID, _ = strconv.ParseInt(r.PostFormValue("category"), 10, 64)
	f.Featured, _ = strconv.Atoi(strings.TrimSpace(r.PostFormValue("featured")))
	return f
}

// apply copies the form onto art, sanitising the body. Fields the editor
// does not show (source, hashes, story) are left as they are.
func (f *adminArticleForm) apply(art *news.Article, now time.Time) error {
	if f.Status != news.StatusDraft && f.Status != news.StatusScheduled &&
		f.Status != news.StatusPublished && f.Status != news.StatusReview {
		return news.E(news.EINVALID, "article.choose_status")
	}
	if f.Image != "" && !strings.HasPrefix(f.Image, "https://") && !strings.HasPrefix(f.Image, "http://") && !strings.HasPrefix(f.Image, "/") {
		return news.E(news.EINVALID, "article.image_url")
	}
	if f.Featured < 0 {
		return news.E(news.EINVALID, "article.manset_negative")
	}
	var publishAt *time.Time
	if f.PublishAt != "" {
		t, err := time.ParseInLocation(adminTimeLayout, f.PublishAt, turkish.Istanbul)
		if err != nil {
			return news.E(news.EINVALID, "article.publish_time_unreadable")
		}
		publishAt = &t
	}
	if f.Status == news.StatusPublished && publishAt == nil {
		publishAt = art.PublishedAt
		if publishAt == nil {
			publishAt = &now
		}
	}
	if f.Status == news.StatusPublished && publishAt.After(now) {
		// "Published" with a time to come means "at that time": readers
		// must not see it early with a future date on it.
		f.Status = news.StatusScheduled
	}
	if f.Status == news.StatusScheduled && publishAt == nil {
		return news.E(news.EINVALID, "article.publish_time_required")
	}
	art.Title, art.Summary, art.Image, art.Author = f.Title, f.Summary, f.Image, f.Author
	art.BodyHTML, art.BodyText = sanitizeBody(f.Body)
	art.CategoryID, art.Status, art.Featured, art.PublishedAt = f.CategoryID, f.Status, f.Featured, publishAt
	if art.CategoryMethod == "" && art.CategoryID != 0 {
		art.CategoryMethod = "manual"
	}
	return nil
}

// showArticleForm renders the editor with its category list and revisions.
func (a *adminSite) showArticleForm(w http.ResponseWriter, r *http.Request, u news.User, status int, f adminArticleForm, errMsg string) {
	var err error
	f.Statuses = adminStatuses
	if f.Categories, err = a.st.ListCategories(r.Context()); err != nil {
		a.fail(w, r, err)
		return
	}
	if f.ID != 0 {
		if f.Revisions, err = a.st.ListRevisions(r.Context(), f.ID); err != nil {
			a.fail(w, r, err)
			return
		}
	}
	title := "Yeni haber"
	if f.ID != 0 {
		title = "Haberi düzenle"
	}
	a.render(w, r, status, "article_edit", &adminPage{Title: title, Section: "articles", User: u, Error: errMsg, Data: f})
}

func (a *adminSite) articleNew(w http.ResponseWriter, r *http.Request, u news.User) {
	a.showArticleForm(w, r, u, http.StatusOK, adminArticleForm{Status: news.StatusDraft, Author: u.Name}, "")
}

func (a *adminSite) articleEdit(w http.ResponseWriter, r *http.Request, u news.User) {
	art, ok := a.loadArticle(w, r)
	if !ok {
		return
	}
	a.showArticleForm(w, r, u, http.StatusOK, formFromArticle(&art), "")
}

// loadArticle reads the article named by the {id} path value, answering
// 404 itself when there is none.
func (a *adminSite) loadArticle(w http.ResponseWriter, r *http.Request) (news.Article, bool) {
	id, ok := pathID(r, "id")
	if !ok {
		a.s.notFound(w, r)
		return news.Article{}, false
	}
	art, err := a.st.Article(r.Context(), id)
	if err != nil {
		a.fail(w, r, err)
		return news.Article{}, false
	}
	return art, true
}

func (a *adminSite) articleCreate(w http.ResponseWriter, r *http.Request, u news.User) {
	f := readArticleForm(r)
	var art news.Article
	err := f.apply(&art, a.s.now())
	if err == nil {
		err = a.st.CreateArticle(r.Context(), &art)
	}
	if err != nil {
		a.showArticleForm(w, r, u, a.s.logIfInternal(r, err), f, news.ErrorMessage(err))
		return
	}
	a.s.Invalidate()
	a.audit(r, u, "article.create", articleTarget(art.ID), string(art.Status)+": "+art.Title)
	a.redirect(w, r, "/admin/haberler/"+strconv.FormatInt(art.ID, 10), "created")
}

func (a *adminSite) articleUpdate(w http.ResponseWriter, r *http.Request, u news.User) {
	art, ok := a.loadArticle(w, r)
	if !ok {
		return
	}
	f := readArticleForm(r)
	f.ID, f.Slug, f.URL = art.ID, art.Slug, articlePath(art.Slug)
	before := art.Status
	err := f.apply(&art, a.s.now())
	if err == nil {
		err = a.st.UpdateArticle(r.Context(), &art)
	}
	if err != nil {
		a.showArticleForm(w, r, u, a.s.logIfInternal(r, err), f, news.ErrorMessage(err))
		return
	}
	a.s.Invalidate()
	action := "article.update"
	if before != art.Status && (art.Status == news.StatusPublished || art.Status == news.StatusScheduled) {
		action = "article.publish"
	}
	a.audit(r, u, action, articleTarget(art.ID), string(before)+" -> "+string(art.Status)+": "+art.Title)
	a.redirect(w, r, "/admin/haberler/"+strconv.FormatInt(art.ID, 10), "saved")
}

func articleTarget(id int64) string { return "article:" + strconv.FormatInt(id, 10) }

func (a *adminSite) articleDeleteConfirm(w http.ResponseWriter, r *http.Request, u news.User) {
	art, ok := a.loadArticle(w, r)
	if !ok {
		return
	}
	a.render(w, r, http.StatusOK, "article_delete", &adminPage{Title: "Haberi sil", Section: "articles", User: u, Data: art})
}

func (a *adminSite) articleDelete(w http.ResponseWriter, r *http.Request, u news.User) {
	art, ok := a.loadArticle(w, r)
	if !ok {
		return
	}
	if err := a.st.DeleteArticle(r.Context(), art.ID); err != nil {
		a.fail(w, r, err)
		return
	}
	a.s.Invalidate()
	a.audit(r, u, "article.delete", articleTarget(art.ID), art.Title)
	a.redirect(w, r, "/admin/haberler", "deleted")
}

// slugPreview answers {"slug": ...} for the title being typed; the store
// may still add "-2" when the slug is taken.
func (a *adminSite) slugPreview(w http.ResponseWriter, r *http.Request, u news.User) {
	slug := turkish.Slugify(r.URL.Query().Get("title"))
	writeJSON(w, http.StatusOK, map[string]string{"slug": slug, "url": articlePath(slug)})
}
