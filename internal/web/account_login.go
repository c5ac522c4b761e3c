package web

import (
	"net/http"
	"strings"
)

// maxFormBytes bounds a posted form; comments are the largest.
const maxFormBytes = 64 << 10

// parseForm reads a posted form, at most maxFormBytes.
func parseForm(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	return r.ParseForm()
}

// guestPage serves the GET of a form for readers not logged in (GET
// /giris, GET /kayit); a reader already logged in goes on to next.
func (s *Server) guestPage(page, title string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		next := localPath(r.URL.Query().Get("next"))
		if _, ok := s.currentUser(r); ok {
			http.Redirect(w, r, next, http.StatusSeeOther)
			return
		}
		s.renderAccount(w, r, http.StatusOK, page, title, accountView{Next: next})
	}
}

// login serves POST /giris. Unknown e-mail and wrong password read the
// same (the auth service sees to it).
func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	if err := parseForm(w, r); err != nil {
		s.renderErrorPage(w, r, http.StatusBadRequest)
		return
	}
	v := accountView{Next: localPath(r.PostFormValue("next")), Email: strings.TrimSpace(r.PostFormValue("email")),
		Remember: r.PostFormValue("remember") != ""}
	u, token, err := s.auth.Login(r.Context(), s.rateKey(r), v.Email, r.PostFormValue("password"), v.Remember)
	if err != nil {
		status, msg := s.formError(r, err)
		v.Error = msg
		s.renderAccount(w, r, status, "account_login", "Giriş Yap", v)
		return
	}
	s.startSession(w, r, u, token, v.Remember)
	http.Redirect(w, r, v.Next, http.StatusSeeOther)
}

// logout serves POST /cikis.
func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	if err := s.endSession(w, r); err != nil {
		s.serveError(w, r, err)
		return
	}
	http.Redirect(w, r, "/", http.StatusSeeOther)
}
