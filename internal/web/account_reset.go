package web

import (
	"net/http"
	"strings"

	"manset/internal/news"
)

// forgotPage serves GET /sifremi-unuttum.
func (s *Server) forgotPage(w http.ResponseWriter, r *http.Request) {
	s.renderAccount(w, r, http.StatusOK, "account_forgot", "Şifremi Unuttum", accountView{})
}

// forgot serves POST /sifremi-unuttum. The answer is the same whether or
// not the address has an account.
func (s *Server) forgot(w http.ResponseWriter, r *http.Request) {
	if err := parseForm(w, r); err != nil {
		s.renderErrorPage(w, r, http.StatusBadRequest)
		return
	}
	v := accountView{Email: strings.TrimSpace(r.PostFormValue("email"))}
	if err := s.auth.RequestPasswordReset(r.Context(), s.rateKey(r), v.Email); err != nil {
		status, msg := s.formError(r, err)
		v.Error = msg
		s.renderAccount(w, r, status, "account_forgot", "Şifremi Unuttum", v)
		return
	}
	v.Done = true
	v.Notice = "Bu adrese kayıtlı bir hesap varsa, şifrenizi yenilemeniz için bir bağlantı gönderdik. Gelen kutunuzu kontrol edin."
	s.renderAccount(w, r, http.StatusOK, "account_forgot", "Şifremi Unuttum", v)
}

// resetPage serves GET /sifre-yenile?token=...
func (s *Server) resetPage(w http.ResponseWriter, r *http.Request) {
	v := accountView{Token: r.URL.Query().Get("token")}
	if v.Token == "" {
		v.Error, v.Done = news.T("auth.reset_link_invalid").In(localeFrom(r.Context())), true
	}
	s.renderAccount(w, r, http.StatusOK, "account_reset", "Şifre Yenile", v)
}

// reset serves POST /sifre-yenile: a new password with a reset token.
func (s *Server) reset(w http.ResponseWriter, r *http.Request) {
	if err := parseForm(w, r); err != nil {
		s.renderErrorPage(w, r, http.StatusBadRequest)
		return
	}
	v := accountView{Token: r.PostFormValue("token")}
	if err := s.auth.ResetPassword(r.Context(), v.Token, r.PostFormValue("password")); err != nil {
		status, msg := s.formError(r, err)
		v.Error = msg
		s.renderAccount(w, r, status, "account_reset", "Şifre Yenile", v)
		return
	}
	v.Done, v.Notice = true, "Şifreniz yenilendi. Yeni şifrenizle giriş yapabilirsiniz."
	s.renderAccount(w, r, http.StatusOK, "account_reset", "Şifre Yenile", v)
}
