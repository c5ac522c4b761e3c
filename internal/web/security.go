package web

import (
	"net/http"
	"net/url"
	"strings"

	"manset/internal/news"
)

// crossOrigin refuses state-changing requests sent by other sites: browsers
// say where a request comes from (Sec-Fetch-Site, Origin), and a POST,
// PUT, PATCH or DELETE from a foreign origin gets 403. This is the site's
// CSRF protection; forms need no tokens.
func (s *Server) crossOrigin(h http.Handler) http.Handler {
	p := http.NewCrossOriginProtection()
	// Behind a proxy that rewrites Host, our own public origin still counts.
	if u, err := url.Parse(s.baseURL); err == nil && u.Scheme != "" && u.Host != "" {
		if err := p.AddTrustedOrigin(u.Scheme + "://" + u.Host); err != nil {
			s.log.Warn("web: base URL is not a valid origin", "err", err)
		}
	}
	p.SetDenyHandler(http.HandlerFunc(s.crossOriginDenied))
	return p.Handler(h)
}

func (s *Server) crossOriginDenied(w http.ResponseWriter, r *http.Request) {
	if isAPI(r) {
		apiFail(w, r, news.E(news.EFORBIDDEN, "request.cross_origin"))
		return
	}
	site, _, err := s.loadSite(r.Context())
	if err != nil {
		site = s.bareSite()
	}
	s.writeErrorPage(w, http.StatusForbidden, site, errorView{Status: http.StatusForbidden,
		Heading: "İstek reddedildi", Text: "Bu form başka bir siteden gönderildiği için işlenmedi."})
}

// localPath returns next when it is a path on this site, else "/": a
// login form's ?next= must never send the reader to another site.
func localPath(next string) string {
	if next == "" || next[0] != '/' || strings.HasPrefix(next, "//") || strings.ContainsAny(next, "\\\r\n\t") {
		return "/"
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil {
		return "/"
	}
	return next
}
