package web

import (
	"encoding/json"
	"net/http"

	"manset/internal/news"
)

// maxJSONBytes bounds a JSON request body.
const maxJSONBytes = 64 << 10

// apiUser is a user as /api/v1/me shows it to themself: never the hash.
type apiUser struct {
	ID    int64     `json:"id"`
	Name  string    `json:"name"`
	Email string    `json:"email"`
	Role  news.Role `json:"role"`
}

func toAPIUser(u news.User) apiUser {
	return apiUser{ID: u.ID, Name: u.Name, Email: u.Email, Role: u.Role}
}

// decodeJSON reads a JSON body into v, answering 400 itself on failure.
func decodeJSON(w http.ResponseWriter, r *http.Request, v any) bool {
	r.Body = http.MaxBytesReader(w, r.Body, maxJSONBytes)
	if err := json.NewDecoder(r.Body).Decode(v); err != nil {
		apiFail(w, r, news.E(news.EINVALID, "api.bad_json"))
		return false
	}
	return true
}

// writePrivateJSON writes JSON about the requesting reader, which no
// cache may keep.
func writePrivateJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		writeJSONError(w, http.StatusInternalServerError, news.EINTERNAL, news.T(news.KeyInternal).In(news.LangTR))
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "private, no-store")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}

// registerAPI serves POST /api/v1/auth/register {email, name, password}.
func (s *Server) registerAPI(w http.ResponseWriter, r *http.Request) {
	var in struct{ Email, Name, Password string }
	if !decodeJSON(w, r, &in) {
		return
	}
	u, token, err := s.auth.Register(r.Context(), s.rateKey(r), in.Email, in.Name, in.Password)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.startSession(w, r, u, token, false)
	writePrivateJSON(w, http.StatusCreated, toAPIUser(u))
}

// loginAPI serves POST /api/v1/auth/login {email, password, remember}.
func (s *Server) loginAPI(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Email, Password string
		Remember        bool
	}
	if !decodeJSON(w, r, &in) {
		return
	}
	u, token, err := s.auth.Login(r.Context(), s.rateKey(r), in.Email, in.Password, in.Remember)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.startSession(w, r, u, token, in.Remember)
	writePrivateJSON(w, http.StatusOK, toAPIUser(u))
}

// logoutAPI serves POST /api/v1/auth/logout.
func (s *Server) logoutAPI(w http.ResponseWriter, r *http.Request) {
	if err := s.endSession(w, r); err != nil {
		s.apiError(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "private, no-store")
	w.WriteHeader(http.StatusNoContent)
}

// meAPI serves GET /api/v1/me: the logged-in user, or 401.
func (s *Server) meAPI(w http.ResponseWriter, r *http.Request) {
	u, ok := s.currentUser(r)
	if !ok {
		w.Header().Set("Cache-Control", "private, no-store")
		apiFail(w, r, news.E(news.EUNAUTHORIZED, "auth.not_logged_in"))
		return
	}
	writePrivateJSON(w, http.StatusOK, toAPIUser(u))
}
