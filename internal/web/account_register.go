package web

import (
	"net/http"
	"strings"
)

// register serves POST /kayit: it creates a reader account and logs it in.
func (s *Server) register(w http.ResponseWriter, r *http.Request) {
	if err := parseForm(w, r); err != nil {
		s.renderErrorPage(w, r, http.StatusBadRequest)
		return
	}
	v := accountView{Next: localPath(r.PostFormValue("next")), Email: strings.TrimSpace(r.PostFormValue("email")),
		Name: strings.TrimSpace(r.PostFormValue("name"))}
	u, token, err := s.auth.Register(r.Context(), s.rateKey(r), v.Email, v.Name, r.PostFormValue("password"))
	if err != nil {
		status, msg := s.formError(r, err)
		v.Error = msg
		s.renderAccount(w, r, status, "account_register", "Kayıt Ol", v)
		return
	}
	s.startSession(w, r, u, token, false)
	http.Redirect(w, r, v.Next, http.StatusSeeOther)
}
