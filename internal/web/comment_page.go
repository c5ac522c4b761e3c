package web

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"manset/internal/news"
)

// addEngagement fills the reaction buttons, approved comments and comment
// form of an article page.
func (s *Server) addEngagement(ctx context.Context, v *articleView, a *news.Article, form *commentForm, now time.Time) error {
	if s.engage == nil {
		return nil
	}
	v.Engage = true
	for _, info := range news.Reactions {
		v.Reactions = append(v.Reactions, reactionButton{Kind: info.Kind, Label: info.Label, Emoji: info.Emoji,
			Count: a.Reactions[info.Kind]})
	}
	list, err := s.engage.ListComments(ctx, a.ID, news.CommentApproved)
	if err != nil {
		return err
	}
	v.Comments = commentThreads(list)
	v.CommentCount = len(list)
	if form != nil {
		v.Form = *form
	}
	v.Form.Token = s.commentToken(a.ID, now)
	return nil
}

// articlePage serves GET /haber/{slug} from the page cache, except when
// the query asks one reader's view: a notice after commenting (?yorum=)
// or a reply form (?yanit=), rendered for them alone.
func (s *Server) articlePage() http.HandlerFunc {
	cached := s.cached(pathKey, s.renderArticle)
	return func(w http.ResponseWriter, r *http.Request) {
		if s.engage != nil && r.URL.RawQuery != "" {
			q := r.URL.Query()
			if msg, ok := commentNotices[q.Get("yorum")]; ok {
				s.serveArticleForm(w, r, http.StatusOK, &commentForm{Notice: msg})
				return
			}
			if id, err := strconv.ParseInt(q.Get("yanit"), 10, 64); err == nil && id > 0 {
				s.serveArticleForm(w, r, http.StatusOK, &commentForm{ParentID: id})
				return
			}
		}
		cached(w, r)
	}
}

// serveArticleForm renders an article page for one reader, uncached.
func (s *Server) serveArticleForm(w http.ResponseWriter, r *http.Request, status int, form *commentForm) {
	p, err := s.renderArticleForm(r, form)
	if err != nil {
		s.serveError(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", p.contentType)
	h.Set("Cache-Control", "private, no-store")
	w.WriteHeader(status)
	w.Write(p.body)
}
