package web

import (
	"net/http"
	"strings"
)

// searchPattern is the route of the search page.
const searchPattern = "GET /ara"

// dispatchSearch serves the search handler plugged in with Handle, or the
// stub until there is one.
func (s *Server) dispatchSearch(w http.ResponseWriter, r *http.Request) {
	if h := s.search.Load(); h != nil {
		(*h).ServeHTTP(w, r)
		return
	}
	s.showSearch(w, r)
}

// searchView is the content of the search page.
type searchView struct {
	Query string
}

// showSearch answers GET /ara until search lands: it keeps the query and
// says search is coming.
func (s *Server) showSearch(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	site, _, err := s.loadSite(r.Context())
	if err != nil {
		s.serveError(w, r, err)
		return
	}
	body, err := s.execute("search", &layoutData{Site: site, Title: "Arama", Query: q, Page: searchView{Query: q}})
	if err != nil {
		s.serveError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(body)
}
