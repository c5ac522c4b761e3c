package web

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"manset/internal/news"
)

func TestRequireRole(t *testing.T) {
	site := newEngageSite(t, "http://manset.example")
	editor := site.user(t, "editor@manset.example", news.RoleEditor)
	reader := site.user(t, "okur@manset.example", news.RoleReader)
	h := site.srv.requireRole(news.RoleEditor, news.RoleAdmin)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u, _ := site.srv.currentUser(r)
		w.Write([]byte("merhaba " + u.Name))
	}))
	tests := []struct {
		name, path, token string
		status            int
		location          string
	}{
		{"GuestHTML", "/admin/haberler?x=1", "", http.StatusSeeOther, "/giris?next=%2Fadmin%2Fhaberler%3Fx%3D1"},
		{"GuestAPI", "/api/v1/admin/comments", "", http.StatusUnauthorized, ""},
		{"ReaderHTML", "/admin", reader, http.StatusForbidden, ""},
		{"ReaderAPI", "/api/v1/admin/comments", reader, http.StatusForbidden, ""},
		{"Editor", "/admin", editor, http.StatusOK, ""},
		{"ForgedToken", "/admin", forge(editor), http.StatusSeeOther, "/giris?next=%2Fadmin"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest("GET", tc.path, nil)
			if tc.token != "" {
				req.AddCookie(&http.Cookie{Name: sessionCookie, Value: tc.token})
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d; body %s", rec.Code, tc.status, rec.Body)
			}
			if got := rec.Header().Get("Location"); got != tc.location {
				t.Errorf("Location %q, want %q", got, tc.location)
			}
			if rec.Code == http.StatusOK && rec.Body.String() != "merhaba Deneme Kişi" {
				t.Errorf("body %q", rec.Body)
			}
			if cc := rec.Header().Get("Cache-Control"); rec.Code == http.StatusOK && cc != "private, no-store" {
				t.Errorf("Cache-Control %q", cc)
			}
		})
	}
}

// forge returns token with its first character changed (never to itself,
// which a fixed replacement would do once in 64 runs).
func forge(token string) string {
	if token[0] == 'x' {
		return "y" + token[1:]
	}
	return "x" + token[1:]
}
