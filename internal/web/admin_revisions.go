package web

import (
	"html/template"
	"net/http"
	"strconv"

	"manset/internal/news"
)

// adminRevisionView shows one earlier version of an article.
type adminRevisionView struct {
	Article  news.Article
	Revision news.Revision
	Body     template.HTML
}

// findRevision loads the article and the revision named in the path.
func (a *adminSite) findRevision(w http.ResponseWriter, r *http.Request) (news.Article, news.Revision, bool) {
	art, ok := a.loadArticle(w, r)
	if !ok {
		return art, news.Revision{}, false
	}
	revID, ok := pathID(r, "rev")
	if !ok {
		a.s.notFound(w, r)
		return art, news.Revision{}, false
	}
	list, err := a.st.ListRevisions(r.Context(), art.ID)
	if err != nil {
		a.fail(w, r, err)
		return art, news.Revision{}, false
	}
	for _, rev := range list {
		if rev.ID == revID {
			return art, rev, true
		}
	}
	a.s.notFound(w, r)
	return art, news.Revision{}, false
}

func (a *adminSite) revisionPage(w http.ResponseWriter, r *http.Request, u news.User) {
	art, rev, ok := a.findRevision(w, r)
	if !ok {
		return
	}
	// Stored bodies were sanitised when saved; the old text renders as
	// readers would have seen it.
	body := bodyHTML(&news.Article{BodyHTML: rev.BodyHTML, BodyText: rev.BodyText})
	a.render(w, r, http.StatusOK, "revision", &adminPage{Title: "Eski sürüm", Section: "articles", User: u,
		Data: adminRevisionView{Article: art, Revision: rev, Body: body}})
}

// revisionRestore puts an earlier version's text back; the current one is
// kept as a new revision by the store.
func (a *adminSite) revisionRestore(w http.ResponseWriter, r *http.Request, u news.User) {
	art, rev, ok := a.findRevision(w, r)
	if !ok {
		return
	}
	art.Title, art.Summary, art.BodyHTML, art.BodyText = rev.Title, rev.Summary, rev.BodyHTML, rev.BodyText
	if err := a.st.UpdateArticle(r.Context(), &art); err != nil {
		a.fail(w, r, err)
		return
	}
	a.s.Invalidate()
	a.audit(r, u, "article.restore", articleTarget(art.ID), "revision:"+strconv.FormatInt(rev.ID, 10))
	a.redirect(w, r, "/admin/haberler/"+strconv.FormatInt(art.ID, 10), "restored")
}
