package web

import (
	"context"
	"net/http"
	"strconv"

	"manset/internal/news"
)

// reactionState is the reactions API's answer: the article's counts and
// the requesting reader's own reaction (null when none).
type reactionState struct {
	Counts news.ReactionCounts `json:"counts"`
	Mine   *news.ReactionKind  `json:"mine"`
}

func newReactionState(counts news.ReactionCounts, mine news.ReactionKind) reactionState {
	full := news.NewReactionCounts()
	for k, n := range counts {
		full[k] = n
	}
	st := reactionState{Counts: full}
	if mine != "" {
		st.Mine = &mine
	}
	return st
}

func (s *Server) reactionRoutes(mux *http.ServeMux, sess func(http.HandlerFunc) http.Handler) {
	mux.Handle("GET /api/v1/articles/{id}/reactions", sess(s.reactionsAPI))
	mux.Handle("POST /api/v1/articles/{id}/reactions", sess(s.setReactionAPI))
	mux.Handle("DELETE /api/v1/articles/{id}/reactions", sess(s.clearReactionAPI))
	mux.Handle("POST /haber/{slug}/tepki", sess(s.toggleReaction))
}

// visibleArticle loads the article of the {id} path value, if readers
// may see it.
func (s *Server) visibleArticle(ctx context.Context, r *http.Request) (news.Article, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return news.Article{}, news.E(news.EINVALID, "article.bad_id", r.PathValue("id"))
	}
	a, err := s.store.Article(ctx, id)
	if err == nil && !a.Visible(s.now()) {
		err = news.E(news.ENOTFOUND, "article.not_found")
	}
	return a, err
}

// reactionsAPI serves GET /api/v1/articles/{id}/reactions.
func (s *Server) reactionsAPI(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	a, err := s.visibleArticle(ctx, r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	counts, err := s.engage.ReactionCounts(ctx, a.ID)
	var mine news.ReactionKind
	if reader := s.reader(w, r, false); reader != "" && err == nil {
		mine, err = s.engage.ReaderReaction(ctx, a.ID, reader)
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writePrivateJSON(w, http.StatusOK, newReactionState(counts, mine))
}

// setReactionAPI serves POST /api/v1/articles/{id}/reactions {kind}: it
// gives the reader's reaction or moves it; repeating it changes nothing.
func (s *Server) setReactionAPI(w http.ResponseWriter, r *http.Request) {
	var in struct{ Kind news.ReactionKind }
	if !decodeJSON(w, r, &in) {
		return
	}
	if !in.Kind.Valid() {
		s.apiError(w, r, news.E(news.EINVALID, "reaction.unknown_kind", in.Kind))
		return
	}
	s.writeReaction(w, r, in.Kind)
}

// clearReactionAPI serves DELETE /api/v1/articles/{id}/reactions.
func (s *Server) clearReactionAPI(w http.ResponseWriter, r *http.Request) {
	s.writeReaction(w, r, "")
}

// writeReaction sets (or, with kind "", withdraws) the reader's reaction
// and answers with the new state.
func (s *Server) writeReaction(w http.ResponseWriter, r *http.Request, kind news.ReactionKind) {
	ctx := r.Context()
	if err := s.reactLimit.Allow(r.Context(), s.rateKey(r)); err != nil {
		s.apiError(w, r, err)
		return
	}
	a, err := s.visibleArticle(ctx, r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	counts, err := s.react(ctx, &a, s.reader(w, r, true), kind)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writePrivateJSON(w, http.StatusOK, newReactionState(counts, kind))
}

// react stores reader's reaction (kind "" withdraws it) and drops the
// article's cached page so readers without JavaScript see fresh counts.
func (s *Server) react(ctx context.Context, a *news.Article, reader string, kind news.ReactionKind) (news.ReactionCounts, error) {
	var counts news.ReactionCounts
	var err error
	if kind == "" {
		counts, err = s.engage.ClearReaction(ctx, a.ID, reader)
	} else {
		counts, err = s.engage.SetReaction(ctx, a.ID, reader, kind)
	}
	if err == nil {
		s.dropArticlePage(a.Slug)
	}
	return counts, err
}

// dropArticlePage removes an article's page (keyed by its decoded path, as
// pathKey does) from the cache after a write that changes what it shows.
func (s *Server) dropArticlePage(slug string) { s.pages.delete("/haber/" + slug) }

// toggleReaction serves the no-JavaScript form POST /haber/{slug}/tepki:
// the reader's current kind again withdraws it, another kind moves it.
func (s *Server) toggleReaction(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if err := parseForm(w, r); err != nil {
		s.renderErrorPage(w, r, http.StatusBadRequest)
		return
	}
	a, err := s.store.ArticleBySlug(ctx, r.PathValue("slug"))
	if err == nil && !a.Visible(s.now()) {
		err = news.E(news.ENOTFOUND, "article.not_found")
	}
	kind := news.ReactionKind(r.PostFormValue("kind"))
	if err == nil && !kind.Valid() {
		err = news.E(news.EINVALID, "reaction.unknown")
	}
	if err == nil {
		err = s.reactLimit.Allow(r.Context(), s.rateKey(r))
	}
	if err == nil {
		reader := s.reader(w, r, true)
		var mine news.ReactionKind
		if mine, err = s.engage.ReaderReaction(ctx, a.ID, reader); err == nil {
			if mine == kind {
				kind = ""
			}
			_, err = s.react(ctx, &a, reader, kind)
		}
	}
	if err != nil {
		s.serveError(w, r, err)
		return
	}
	http.Redirect(w, r, articlePath(a.Slug)+"#reactions", http.StatusSeeOther)
}
