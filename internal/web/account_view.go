package web

import (
	"html/template"
	"net/http"

	"manset/internal/news"
)

// accountPages are the account templates; each is parsed with the layout,
// the shared partials and the account partials.
var accountPages = []string{"account_login", "account_register", "account_profile", "account_forgot", "account_reset"}

// addAccountTemplates parses the account pages into the page set.
func (s *Server) addAccountTemplates(funcs template.FuncMap) {
	for _, name := range accountPages {
		s.tmpl.pages[name] = template.Must(template.New(name).Funcs(funcs).ParseFS(templateFS,
			"templates/layout.html", "templates/partials.html", "templates/account_partials.html",
			"templates/"+name+".html"))
	}
}

// accountView is the content of an account page. Forms keep what was
// typed (never passwords) when they come back with an error.
type accountView struct {
	Error    string
	Notice   string
	Next     string // local path to return to after logging in
	Email    string
	Name     string
	Remember bool
	Token    string // password-reset token
	Done     bool   // the form did its job; show the notice alone
	User     *news.User
}

// renderAccount writes an account page; these pages are per-reader and
// never cached.
func (s *Server) renderAccount(w http.ResponseWriter, r *http.Request, status int, name, title string, v accountView) {
	site, _, err := s.loadSite(r.Context())
	if err != nil {
		s.serveError(w, r, err)
		return
	}
	body, err := s.execute(name, &layoutData{Site: site, Title: title, Page: v})
	if err != nil {
		s.serveError(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "private, no-store")
	w.WriteHeader(status)
	w.Write(body)
}

// formError turns err into a message for a form and its status. Internal
// errors are logged and shown as a generic message.
func (s *Server) formError(r *http.Request, err error) (int, string) {
	status := s.logIfInternal(r, err)
	if status == http.StatusInternalServerError {
		return status, news.T("error.internal_retry").In(localeFrom(r.Context()))
	}
	return status, localizeErr(r, err)
}
