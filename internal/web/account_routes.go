package web

import (
	"net/http"
)

// engageRoutes registers accounts, reactions and comments, each only when
// its backend is configured.
func (s *Server) engageRoutes(mux *http.ServeMux) {
	sess := func(h http.HandlerFunc) http.Handler { return s.withSession(h) }
	member := s.requireRole()
	if s.auth != nil {
		mux.Handle("GET /giris", sess(s.guestPage("account_login", "Giriş Yap")))
		mux.Handle("POST /giris", sess(s.login))
		mux.Handle("GET /kayit", sess(s.guestPage("account_register", "Kayıt Ol")))
		mux.Handle("POST /kayit", sess(s.register))
		mux.Handle("POST /cikis", sess(s.logout))
		mux.Handle("GET /hesap", member(http.HandlerFunc(s.profilePage)))
		mux.Handle("POST /hesap/sifre", member(http.HandlerFunc(s.changePassword)))
		mux.HandleFunc("GET /sifremi-unuttum", s.forgotPage)
		mux.HandleFunc("POST /sifremi-unuttum", s.forgot)
		mux.HandleFunc("GET /sifre-yenile", s.resetPage)
		mux.HandleFunc("POST /sifre-yenile", s.reset)
		mux.Handle("POST /api/v1/auth/register", sess(s.registerAPI))
		mux.Handle("POST /api/v1/auth/login", sess(s.loginAPI))
		mux.Handle("POST /api/v1/auth/logout", sess(s.logoutAPI))
		mux.Handle("GET /api/v1/me", sess(s.meAPI))
	}
	if s.engage != nil {
		s.reactionRoutes(mux, sess)
		s.commentRoutes(mux, sess)
	}
}
