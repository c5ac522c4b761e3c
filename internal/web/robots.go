package web

import "net/http"

// robots serves /robots.txt: everything may be crawled; the sitemaps are named.
func (s *Server) robots(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Write([]byte("User-agent: *\nAllow: /\n\nSitemap: " + s.baseURL + "/sitemap.xml\nSitemap: " +
		s.baseURL + "/sitemap-news.xml\n"))
}
