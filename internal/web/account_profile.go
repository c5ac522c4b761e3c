package web

import (
	"net/http"
)

// profilePage serves GET /hesap, behind requireRole.
func (s *Server) profilePage(w http.ResponseWriter, r *http.Request) {
	u, _ := s.currentUser(r)
	v := accountView{User: &u}
	if r.URL.Query().Get("sifre") == "degisti" {
		v.Notice = "Şifreniz değiştirildi. Diğer cihazlardaki oturumlarınız kapatıldı."
	}
	s.renderAccount(w, r, http.StatusOK, "account_profile", "Hesabım", v)
}

// changePassword serves POST /hesap/sifre, behind requireRole. The
// current session stays; every other one ends.
func (s *Server) changePassword(w http.ResponseWriter, r *http.Request) {
	u, _ := s.currentUser(r)
	if err := parseForm(w, r); err != nil {
		s.renderErrorPage(w, r, http.StatusBadRequest)
		return
	}
	err := s.auth.ChangePassword(r.Context(), u.ID, sessionToken(r), r.PostFormValue("current"), r.PostFormValue("password"))
	if err != nil {
		status, msg := s.formError(r, err)
		s.renderAccount(w, r, status, "account_profile", "Hesabım", accountView{User: &u, Error: msg})
		return
	}
	http.Redirect(w, r, "/hesap?sifre=degisti", http.StatusSeeOther)
}
