package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"manset/internal/news"
)

// adminCommentPage is how many comments the queue shows at once.
const adminCommentPage = 50

// adminCommentsView is the moderation queue of one status.
type adminCommentsView struct {
	Status   news.CommentStatus
	Statuses []news.CommentStatus
	Items    []news.ModerationComment
	Total    int
	Page     int
	PrevURL  string
	NextURL  string
}

// adminQueueStatus reads ?status= (API) or ?durum= (page); pending by default.
func adminQueueStatus(r *http.Request, param string) (news.CommentStatus, bool) {
	v := r.URL.Query().Get(param)
	if v == "" {
		return news.CommentPending, true
	}
	st := news.CommentStatus(v)
	return st, st.Valid()
}

func (a *adminSite) commentsPage(w http.ResponseWriter, r *http.Request, u news.User) {
	st, ok := adminQueueStatus(r, "durum")
	if !ok {
		st = news.CommentPending
	}
	v := adminCommentsView{Status: st, Statuses: adminCommentStatuses}
	v.Page, _ = strconv.Atoi(r.URL.Query().Get("sayfa"))
	v.Page = max(v.Page, 1)
	var err error
	v.Items, v.Total, err = a.st.ListCommentsForModeration(r.Context(), st, adminCommentPage, (v.Page-1)*adminCommentPage)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	link := func(p int) string { return "/admin/yorumlar?durum=" + string(st) + "&sayfa=" + strconv.Itoa(p) }
	if v.Page > 1 {
		v.PrevURL = link(v.Page - 1)
	}
	if v.Page*adminCommentPage < v.Total {
		v.NextURL = link(v.Page + 1)
	}
	a.render(w, r, http.StatusOK, "comments", &adminPage{Title: "Yorumlar", Section: "comments", User: u, Data: v})
}

// adminModerationTarget reports whether a comment may be moved to st by a
// moderator: back to pending is not a moderation decision.
func adminModerationTarget(st news.CommentStatus) bool {
	return st == news.CommentApproved || st == news.CommentSpam || st == news.CommentDeleted
}

// commentsBulk applies one decision: a single comment's button sends
// one=<id>:<status>; the bulk form sends status and the checked ids.
func (a *adminSite) commentsBulk(w http.ResponseWriter, r *http.Request, u news.User) {
	back := "/admin/yorumlar?durum=" + url.QueryEscape(r.PostFormValue("durum"))
	st := news.CommentStatus(r.PostFormValue("status"))
	var ids []int64
	if one := r.PostFormValue("one"); one != "" {
		idStr, status, _ := strings.Cut(one, ":")
		st = news.CommentStatus(status)
		if id, err := strconv.ParseInt(idStr, 10, 64); err == nil && id > 0 {
			ids = append(ids, id)
		}
	} else {
		for _, v := range r.PostForm["ids"] {
			if id, err := strconv.ParseInt(v, 10, 64); err == nil && id > 0 {
				ids = append(ids, id)
			}
		}
	}
	if !adminModerationTarget(st) || len(ids) == 0 {
		a.fail(w, r, news.E(news.EINVALID, "comment.bulk_choose"))
		return
	}
	slugs := a.commentArticleSlugs(r, ids)
	if _, err := a.st.SetCommentsStatus(r.Context(), ids, st); err != nil {
		a.fail(w, r, err)
		return
	}
	a.afterModeration(r, u, ids, st, slugs)
	a.redirect(w, r, back, "moderated")
}

// commentArticleSlugs returns the slugs of the articles the comments
// belong to; unknown comments are skipped.
func (a *adminSite) commentArticleSlugs(r *http.Request, ids []int64) []string {
	seen := map[int64]bool{}
	var slugs []string
	for _, id := range ids {
		c, err := a.st.Comment(r.Context(), id)
		if err != nil || seen[c.ArticleID] {
			continue
		}
		seen[c.ArticleID] = true
		if art, err := a.st.Article(r.Context(), c.ArticleID); err == nil {
			slugs = append(slugs, art.Slug)
		}
	}
	return slugs
}

// afterModeration drops the cached pages of the affected articles (they
// list approved comments; lists with counts follow through the content
// version poller) and records the decision.
func (a *adminSite) afterModeration(r *http.Request, u news.User, ids []int64, st news.CommentStatus, slugs []string) {
	for _, slug := range slugs {
		a.s.dropArticlePage(slug)
	}
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	a.audit(r, u, "comment.status", "comment:"+strings.Join(parts, ","), string(st))
}

// apiModerationComment is a comment in the moderation API. It carries the
// author's e-mail: only editors and admins reach this API.
type apiModerationComment struct {
	ID           int64     `json:"id"`
	ArticleID    int64     `json:"article_id"`
	ArticleTitle string    `json:"article_title"`
	ArticleURL   string    `json:"article_url"`
	ParentID     int64     `json:"parent_id"`
	Member       bool      `json:"member"`
	Name         string    `json:"name"`
	Email        string    `json:"email"`
	Body         string    `json:"body"`
	Status       string    `json:"status"`
	CreatedAt    time.Time `json:"created_at"`
}

// commentsAPI serves GET /api/v1/admin/comments?status=&limit=&offset=.
func (a *adminSite) commentsAPI(w http.ResponseWriter, r *http.Request, u news.User) {
	st, ok := adminQueueStatus(r, "status")
	if !ok {
		apiFail(w, r, news.E(news.EINVALID, "comment.bad_status"))
		return
	}
	q := r.URL.Query()
	limit, offset := adminCommentPage, 0
	if v, err := strconv.Atoi(q.Get("limit")); err == nil {
		limit = v
	}
	if v, err := strconv.Atoi(q.Get("offset")); err == nil {
		offset = v
	}
	list, total, err := a.st.ListCommentsForModeration(r.Context(), st, limit, offset)
	if err != nil {
		a.s.apiError(w, r, err)
		return
	}
	items := make([]apiModerationComment, 0, len(list))
	for _, c := range list {
		items = append(items, apiModerationComment{ID: c.ID, ArticleID: c.ArticleID, ArticleTitle: c.ArticleTitle,
			ArticleURL: a.s.baseURL + articlePath(c.ArticleSlug), ParentID: c.ParentID, Member: c.UserID != 0,
			Name: c.Name, Email: c.Email, Body: c.Body, Status: string(c.Status), CreatedAt: c.CreatedAt})
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": items, "total": total})
}

// commentPatchAPI serves PATCH /api/v1/admin/comments/{id} {status}.
func (a *adminSite) commentPatchAPI(w http.ResponseWriter, r *http.Request, u news.User) {
	id, ok := pathID(r, "id")
	if !ok {
		apiFail(w, r, news.E(news.ENOTFOUND, "comment.not_found"))
		return
	}
	var body struct {
		Status news.CommentStatus `json:"status"`
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 4<<10))
	if err := dec.Decode(&body); err != nil || !adminModerationTarget(body.Status) {
		apiFail(w, r, news.E(news.EINVALID, "comment.status_choice"))
		return
	}
	slugs := a.commentArticleSlugs(r, []int64{id})
	if err := a.st.SetCommentStatus(r.Context(), id, body.Status); err != nil {
		a.s.apiError(w, r, err)
		return
	}
	a.afterModeration(r, u, []int64{id}, body.Status, slugs)
	writeJSON(w, http.StatusOK, map[string]any{"id": id, "status": body.Status})
}
