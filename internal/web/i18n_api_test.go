package web

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestAcceptLocale(t *testing.T) {
	tests := []struct{ header, want string }{
		{"", "tr"},
		{"en", "en"},
		{"EN-gb", "en"},
		{"tr,en;q=0.5", "tr"},
		{"en-US,en;q=0.9,tr;q=0.8", "en"},
		{"tr;q=0.4, en;q=0.6", "en"},
		{"de-DE,de;q=0.9,en;q=0.5", "en"}, // English is the best we have
		{"de", "tr"},
		{"en;q=0", "tr"},          // refused
		{"tr;q=0, *;q=0.1", "en"}, // anything but Turkish
		{"*", "tr"},               // anything: our default
		{"en, tr", "en"},          // equal q: the first listed
		{"tr, en", "tr"},
		{"en;q=2, tr;q=0.1", "tr"}, // out of range: dropped
		{"en;q=abc", "tr"},
		{"en-US;q=0.2, en;q=0.9, tr;q=0.5", "en"}, // the best q of a language counts
		{" en ; q=0.7 , tr ; q=0.6", "en"},
	}
	for _, tt := range tests {
		if got := acceptLocale(tt.header); got != tt.want {
			t.Errorf("acceptLocale(%q) = %q, want %q", tt.header, got, tt.want)
		}
	}
}

// The JSON API answers in the reader's language: ?lang= and the lang cookie
// as pages do, and Accept-Language too; Turkish by default.
func TestAPIErrorLanguage(t *testing.T) {
	s := newTestSite(t, 0)
	const tr = `{"error":{"code":"not_found","message":"Haber bulunamadı."}}`
	const en = `{"error":{"code":"not_found","message":"Article not found."}}`
	tests := []struct {
		name, query string
		header      []string
		want        string
	}{
		{"Default", "", nil, tr},
		{"AcceptEN", "", []string{"Accept-Language", "en"}, en},
		{"AcceptENRegion", "", []string{"Accept-Language", "en-US,en;q=0.9,tr;q=0.8"}, en},
		{"AcceptTRFirst", "", []string{"Accept-Language", "tr,en;q=0.5"}, tr},
		{"Query", "?lang=en", nil, en},
		{"QueryBeatsAccept", "?lang=tr", []string{"Accept-Language", "en"}, tr},
		{"Cookie", "", []string{"Cookie", "lang=en"}, en},
		{"CookieBeatsAccept", "", []string{"Cookie", "lang=tr", "Accept-Language", "en"}, tr},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := s.get(t, "/api/v1/articles/999999"+tt.query, tt.header...)
			if resp.StatusCode != http.StatusNotFound {
				t.Fatalf("status %d: %s", resp.StatusCode, body)
			}
			if got := strings.TrimSpace(body); got != tt.want {
				t.Errorf("body %s, want %s", got, tt.want)
			}
			if v := strings.Join(resp.Header.Values("Vary"), ", "); !strings.Contains(v, "Accept-Language") {
				t.Errorf("Vary %q lacks Accept-Language", v)
			}
			if c := resp.Cookies(); len(c) != 0 {
				t.Errorf("an API call set cookies %v", c)
			}
		})
	}
}

// Errors with values, errors the web layer raises itself, and unknown API
// paths follow the language too.
func TestAPIErrorsInEnglish(t *testing.T) {
	s := newTestSite(t, 0)
	en := []string{"Accept-Language", "en"}
	for path, want := range map[string]string{
		"/api/v1/articles/abc":              `{"error":{"code":"invalid","message":"Invalid article number: \"abc\"."}}`,
		"/api/v1/articles?limit=0":          `{"error":{"code":"invalid","message":"limit must be a number between 1 and 100."}}`,
		"/api/v1/search":                    `{"error":{"code":"invalid","message":"Search needs the q parameter."}}`,
		"/api/v1/yok":                       `{"error":{"code":"not_found","message":"There is no such API address."}}`,
		"/api/v1/admin/comments?status=all": `{"error":{"code":"unauthorized","message":"You need to log in to do this."}}`,
	} {
		_, body := s.get(t, path, en...)
		if got := strings.TrimSpace(body); got != want {
			t.Errorf("GET %s = %s, want %s", path, got, want)
		}
	}
}

// The generic message of an internal error is in both languages, and the
// cause never reaches the reader.
func TestAPIInternalErrorLanguage(t *testing.T) {
	s := newTestSite(t, 0)
	for lang, want := range map[string]string{
		"en":       `{"error":{"code":"internal","message":"An unexpected error occurred."}}`,
		"tr-TR,tr": `{"error":{"code":"internal","message":"Beklenmeyen bir hata oluştu."}}`,
	} {
		r := httptest.NewRequest("GET", "/api/v1/articles/1", nil)
		r.Header.Set("Accept-Language", lang)
		w := httptest.NewRecorder()
		s.srv.apiError(w, r, errors.New("sqlite: disk I/O error"))
		if w.Code != http.StatusInternalServerError || strings.TrimSpace(w.Body.String()) != want {
			t.Errorf("%s: %d %s, want %s", lang, w.Code, w.Body.String(), want)
		}
	}
}
