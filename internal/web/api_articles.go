package web

import (
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"
	"time"

	"manset/internal/news"
)

// API list limits.
const (
	apiDefaultLimit = 20
	apiMaxLimit     = 100
)

// articleList is the body of GET /api/v1/articles.
type articleList struct {
	Items      []apiArticleSummary `json:"items"`
	NextCursor *string             `json:"next_cursor"`
}

// listArticlesAPI serves GET /api/v1/articles?category=&limit=&cursor=,
// newest first, with keyset pagination so pages stay stable while news
// arrives.
func (s *Server) listArticlesAPI(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query()
	now := s.now()
	f := news.ArticleFilter{VisibleAt: &now, Limit: apiDefaultLimit}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			s.apiError(w, r, news.E(news.EINVALID, "list.limit_range", apiMaxLimit))
			return
		}
		f.Limit = min(n, apiMaxLimit)
	}
	if v := q.Get("cursor"); v != "" {
		before, id, err := decodeCursor(v)
		if err != nil {
			s.apiError(w, r, err)
			return
		}
		f.Before, f.BeforeID = &before, id
	}
	cats, err := s.loadCategories(ctx)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	if slug := q.Get("category"); slug != "" {
		cat, err := s.store.CategoryBySlug(ctx, slug)
		if err != nil {
			s.apiError(w, r, err)
			return
		}
		f.CategoryID = &cat.ID
	}
	limit := f.Limit
	f.Limit++ // one more tells whether a next page exists
	f.Lean = true
	list, _, err := s.store.ListArticles(ctx, f)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	out := articleList{Items: make([]apiArticleSummary, 0, min(len(list), limit))}
	if len(list) > limit {
		list = list[:limit]
		last := list[len(list)-1]
		c := encodeCursor(last.DisplayTime(), last.ID)
		out.NextCursor = &c
	}
	for i := range list {
		out.Items = append(out.Items, s.toAPISummary(&list[i], cats))
	}
	writeJSON(w, http.StatusOK, out)
}

// encodeCursor makes an opaque cursor from the display time and id of the
// last item of a page.
func encodeCursor(t time.Time, id int64) string {
	raw := strconv.FormatInt(t.UnixNano(), 10) + "." + strconv.FormatInt(id, 10)
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

func decodeCursor(c string) (time.Time, int64, error) {
	bad := news.E(news.EINVALID, "list.bad_cursor")
	raw, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return time.Time{}, 0, bad
	}
	ts, idStr, ok := strings.Cut(string(raw), ".")
	if !ok {
		return time.Time{}, 0, bad
	}
	nanos, err1 := strconv.ParseInt(ts, 10, 64)
	id, err2 := strconv.ParseInt(idStr, 10, 64)
	if err1 != nil || err2 != nil || id < 0 {
		return time.Time{}, 0, bad
	}
	return time.Unix(0, nanos).UTC(), id, nil
}
