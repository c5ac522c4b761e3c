package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"manset/internal/news"
)

// commentInput is a submitted comment. Website is the honeypot: hidden
// from people by CSS, filled in by bots.
type commentInput struct {
	Name      string `json:"name"`
	Email     string `json:"email"`
	Body      string `json:"body"`
	ParentID  int64  `json:"parent_id"`
	Website   string `json:"website"`
	FormToken string `json:"form_token"`
}

// apiComment is a public comment in the API: no e-mail, no IP.
type apiComment struct {
	ID        int64     `json:"id"`
	ParentID  int64     `json:"parent_id,omitempty"`
	Name      string    `json:"name"`
	Member    bool      `json:"member"`
	Body      string    `json:"body"`
	CreatedAt time.Time `json:"created_at"`
}

func (s *Server) commentRoutes(mux *http.ServeMux, sess func(http.HandlerFunc) http.Handler) {
	mux.HandleFunc("GET /api/v1/articles/{id}/comments", s.commentsAPI)
	mux.Handle("POST /api/v1/articles/{id}/comments", sess(s.createCommentAPI))
	mux.HandleFunc("GET /api/v1/articles/{id}/comments/token", s.commentTokenAPI)
	mux.Handle("POST /haber/{slug}/yorum", sess(s.postComment))
}

// commentsAPI serves GET /api/v1/articles/{id}/comments: approved only.
func (s *Server) commentsAPI(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	a, err := s.visibleArticle(ctx, r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	list, err := s.engage.ListComments(ctx, a.ID, news.CommentApproved)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	items := make([]apiComment, 0, len(list))
	for _, c := range list {
		items = append(items, apiComment{ID: c.ID, ParentID: c.ParentID, Name: c.Name, Member: c.Member,
			Body: c.Body, CreatedAt: c.CreatedAt.UTC()})
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": items, "total": len(items)})
}

// createCommentAPI serves POST /api/v1/articles/{id}/comments. Without a
// form_token (from .../comments/token) the comment always waits for an
// editor: only the form's time check earns the site's normal policy.
func (s *Server) createCommentAPI(w http.ResponseWriter, r *http.Request) {
	var in commentInput
	if !decodeJSON(w, r, &in) {
		return
	}
	a, err := s.visibleArticle(r.Context(), r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	c, err := s.submitComment(r, &a, in, false)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writePrivateJSON(w, http.StatusCreated, map[string]any{"id": c.ID, "status": c.Status})
}

// commentTokenAPI serves a fresh form token, which the page's script
// fetches when the reader starts writing: cached pages carry old ones.
func (s *Server) commentTokenAPI(w http.ResponseWriter, r *http.Request) {
	a, err := s.visibleArticle(r.Context(), r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writePrivateJSON(w, http.StatusOK, map[string]string{"token": s.commentToken(a.ID, s.now())})
}

// submitComment checks and stores a comment from a guest or the logged-in
// user. requireToken makes the form's time check mandatory.
func (s *Server) submitComment(r *http.Request, a *news.Article, in commentInput, requireToken bool) (news.Comment, error) {
	ctx := r.Context()
	if strings.TrimSpace(in.Website) != "" {
		return news.Comment{}, news.E(news.EINVALID, "comment.not_sent")
	}
	trusted := in.FormToken != ""
	if trusted || requireToken {
		if err := s.checkCommentToken(in.FormToken, a.ID, s.now()); err != nil {
			return news.Comment{}, err
		}
	}
	if err := s.commentLimit.Allow(r.Context(), s.rateKey(r)); err != nil {
		return news.Comment{}, err
	}
	c := news.Comment{ArticleID: a.ID, ParentID: in.ParentID, Name: in.Name, Email: in.Email, Body: in.Body,
		IP: s.clientIP(r)}
	var author *news.User
	if u, ok := s.currentUser(r); ok {
		author = &u
		c.UserID, c.Name, c.Email = u.ID, u.Name, u.Email
	}
	if err := checkCommentLengths(&c, author == nil); err != nil {
		return news.Comment{}, err
	}
	status, err := s.commentStatus(ctx, &c, author, trusted)
	if err != nil {
		return news.Comment{}, err
	}
	c.Status = status
	if err := s.engage.CreateComment(ctx, &c); err != nil {
		return news.Comment{}, err
	}
	if c.Status == news.CommentApproved {
		s.dropArticlePage(a.Slug)
	}
	return c, nil
}

// checkCommentLengths gives the form's own messages for missing and
// overlong fields (400, where the store would say 413).
func checkCommentLengths(c *news.Comment, guest bool) error {
	name, body := strings.TrimSpace(c.Name), strings.TrimSpace(c.Body)
	switch {
	case guest && (name == "" || strings.TrimSpace(c.Email) == ""):
		return news.E(news.EINVALID, "comment.name_email_required")
	case utf8.RuneCountInString(name) > news.MaxCommentNameLen:
		return news.E(news.EINVALID, "comment.name_too_long", news.MaxCommentNameLen)
	case body == "":
		return news.E(news.EINVALID, "comment.body_required")
	case utf8.RuneCountInString(body) > news.MaxCommentLen:
		return news.E(news.EINVALID, "comment.too_long_yours",
			news.MaxCommentLen, utf8.RuneCountInString(body))
	}
	return nil
}

// postComment serves the comment form, POST /haber/{slug}/yorum. A
// problem shows the article again with the form as typed and a message.
func (s *Server) postComment(w http.ResponseWriter, r *http.Request) {
	if err := parseForm(w, r); err != nil {
		s.renderErrorPage(w, r, http.StatusBadRequest)
		return
	}
	a, err := s.store.ArticleBySlug(r.Context(), r.PathValue("slug"))
	if err == nil && !a.Visible(s.now()) {
		err = news.E(news.ENOTFOUND, "article.not_found")
	}
	if err != nil {
		s.serveError(w, r, err)
		return
	}
	parent, _ := strconv.ParseInt(r.PostFormValue("parent_id"), 10, 64)
	in := commentInput{Name: r.PostFormValue("name"), Email: r.PostFormValue("email"), Body: r.PostFormValue("body"),
		ParentID: max(parent, 0), Website: r.PostFormValue("website"), FormToken: r.PostFormValue("form_token")}
	c, err := s.submitComment(r, &a, in, true)
	if err != nil {
		status, msg := s.formError(r, err)
		s.serveArticleForm(w, r, status, &commentForm{Name: in.Name, Email: in.Email, Body: in.Body,
			ParentID: in.ParentID, Error: msg})
		return
	}
	notice := "beklemede"
	if c.Status == news.CommentApproved {
		notice = "yayinda"
	}
	http.Redirect(w, r, articlePath(a.Slug)+"?yorum="+notice+"#comments", http.StatusSeeOther)
}

// commentNotices are the messages a redirect after a comment may ask the
// article page to show; only these fixed texts, never the query's.
var commentNotices = map[string]string{
	"beklemede": "Yorumunuz onaylandıktan sonra yayınlanacak.",
	"yayinda":   "Yorumunuz yayımlandı.",
}
