package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"manset/internal/auth"
	"manset/internal/news"
)

func TestAuthAPIFlow(t *testing.T) {
	site := newEngageSite(t, "http://manset.example")
	c := site.client(t)

	resp, body := site.do(t, c, "GET", "/api/v1/me", nil)
	want(t, resp, body, http.StatusUnauthorized)

	u := site.register(t, c, "Ayse@Example.com")
	if u.Email != "ayse@example.com" || u.Role != news.RoleReader || u.ID == 0 {
		t.Fatalf("registered %+v", u)
	}
	resp, body = site.do(t, c, "GET", "/api/v1/me", nil)
	want(t, resp, body, http.StatusOK)
	mustNotContain(t, body, "argon2", "password", "hash")
	var me map[string]any
	decode(t, body, &me)
	if len(me) != 4 || me["name"] != "Okur Ayse" || me["email"] != "ayse@example.com" || me["role"] != "reader" {
		t.Errorf("me = %v, want exactly id, name, email, role", me)
	}
	if cc := resp.Header.Get("Cache-Control"); !strings.Contains(cc, "no-store") {
		t.Errorf("me Cache-Control %q", cc)
	}

	resp, body = site.do(t, c, "POST", "/api/v1/auth/logout", nil)
	want(t, resp, body, http.StatusNoContent)
	resp, body = site.do(t, c, "GET", "/api/v1/me", nil)
	want(t, resp, body, http.StatusUnauthorized)

	resp, body = site.do(t, c, "POST", "/api/v1/auth/login",
		map[string]any{"email": "ayse@example.com", "password": testPassword, "remember": true})
	want(t, resp, body, http.StatusOK)
	if ck := cookieNamed(resp, sessionCookie); ck == nil || ck.MaxAge < 29*24*3600 {
		t.Errorf("remembered session cookie %+v, want a month's Max-Age", ck)
	}
	resp, body = site.do(t, c, "GET", "/api/v1/me", nil)
	want(t, resp, body, http.StatusOK)
}

func TestLoginErrorsIdentical(t *testing.T) {
	site := newEngageSite(t, "http://manset.example")
	site.register(t, site.client(t), "var@example.com")
	attempt := func(email, password string) (int, string) {
		resp, body := site.do(t, nil, "POST", "/api/v1/auth/login", map[string]string{"email": email, "password": password})
		return resp.StatusCode, body
	}
	s1, unknown := attempt("yok@example.com", testPassword)
	s2, wrong := attempt("var@example.com", "yanlis-parola-1")
	if s1 != http.StatusUnauthorized || s2 != s1 || unknown != wrong {
		t.Errorf("unknown e-mail: %d %s\nwrong password: %d %s", s1, unknown, s2, wrong)
	}
	// The HTML form too: same page for both.
	form := func(email, password string) (int, string) {
		resp, body := site.do(t, nil, "POST", "/giris", url.Values{"email": {email}, "password": {password}})
		return resp.StatusCode, strings.ReplaceAll(body, email, "EMAIL")
	}
	s1, unknown = form("yok@example.com", testPassword)
	s2, wrong = form("var@example.com", "yanlis-parola-1")
	if s1 != http.StatusUnauthorized || s2 != s1 || unknown != wrong {
		t.Errorf("login page differs: %d vs %d", s1, s2)
	}
	mustContain(t, unknown, "E-posta adresi ya da şifre hatalı.")
}

func TestLoginRateLimit(t *testing.T) {
	site := newEngageSite(t, "http://manset.example", func(_ *Config, _ *Deps, a *auth.Config) {
		a.Limits = auth.Limits{LoginIP: auth.Rule{Every: time.Hour, Burst: 5}}
	})
	var statuses []int
	for range 7 {
		resp, _ := site.do(t, nil, "POST", "/api/v1/auth/login",
			map[string]string{"email": "kim@example.com", "password": "tahmin-123456"})
		statuses = append(statuses, resp.StatusCode)
	}
	for i, st := range statuses {
		wantSt := http.StatusUnauthorized
		if i >= 5 {
			wantSt = http.StatusTooManyRequests
		}
		if st != wantSt {
			t.Fatalf("attempt %d: status %d, want %d (all: %v)", i+1, st, wantSt, statuses)
		}
	}
	resp, body := site.do(t, nil, "POST", "/giris", url.Values{"email": {"kim@example.com"}, "password": {"x"}})
	want(t, resp, body, http.StatusTooManyRequests)
	mustContain(t, body, "Çok fazla deneme")
}

func TestSessionCookieFlags(t *testing.T) {
	for _, base := range []string{"http://manset.example", "https://manset.example"} {
		t.Run(base, func(t *testing.T) {
			site := newEngageSite(t, base)
			resp, body := site.do(t, nil, "POST", "/api/v1/auth/register",
				map[string]string{"email": "a@example.com", "name": "A", "password": testPassword})
			want(t, resp, body, http.StatusCreated)
			ck := cookieNamed(resp, sessionCookie)
			if ck == nil {
				t.Fatal("no session cookie")
			}
			if !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode || ck.Path != "/" {
				t.Errorf("cookie %+v: want HttpOnly, SameSite=Lax, Path=/", ck)
			}
			if ck.Secure != strings.HasPrefix(base, "https") {
				t.Errorf("Secure=%v with base %s", ck.Secure, base)
			}
			if ck.MaxAge != 0 {
				t.Errorf("not remembered, yet Max-Age=%d", ck.MaxAge)
			}
		})
	}
}

func TestSessionFixation(t *testing.T) {
	site := newEngageSite(t, "http://manset.example")
	site.register(t, site.client(t), "b@example.com")
	// An attacker's valid session, planted in the victim's browser.
	planted := site.user(t, "saldirgan@example.com", news.RoleReader)
	c := site.client(t)
	u, _ := url.Parse(site.ts.URL)
	c.Jar.SetCookies(u, []*http.Cookie{{Name: sessionCookie, Value: planted, Path: "/"}})

	resp, body := site.do(t, c, "POST", "/giris", url.Values{"email": {"b@example.com"}, "password": {testPassword}, "next": {"/hesap"}})
	want(t, resp, body, http.StatusSeeOther)
	after := site.jarCookie(t, c, sessionCookie)
	if after == "" || after == planted {
		t.Fatalf("session after login = %q; must be new", after)
	}
	if _, _, err := site.auth.SessionUser(t.Context(), planted); err == nil {
		t.Error("the planted session still works after login")
	}
	resp, body = site.do(t, c, "GET", "/api/v1/me", nil)
	want(t, resp, body, http.StatusOK)
	mustContain(t, body, "b@example.com")
}
