package web

import (
	"net/http"
	"net/url"
	"regexp"
	"testing"
)

func TestAccountPagesFlow(t *testing.T) {
	site := newEngageSite(t, "http://manset.example")
	c := site.client(t)

	resp, body := site.do(t, c, "GET", "/hesap", nil)
	want(t, resp, body, http.StatusSeeOther)
	if loc := resp.Header.Get("Location"); loc != "/giris?next=%2Fhesap" {
		t.Fatalf("Location %q", loc)
	}
	resp, body = site.do(t, c, "GET", "/kayit?next=%2Fhesap", nil)
	want(t, resp, body, http.StatusOK)
	mustContain(t, body, "Kayıt Ol", `name="next" value="/hesap"`, `for="register-email"`)

	resp, body = site.do(t, c, "POST", "/kayit", url.Values{"name": {"Zeynep"}, "email": {"zeynep@example.com"},
		"password": {"kisa"}, "next": {"/hesap"}})
	want(t, resp, body, http.StatusBadRequest)
	mustContain(t, body, "Şifre 8 ile 256 karakter arasında olmalı.", `value="zeynep@example.com"`)

	resp, body = site.do(t, c, "POST", "/kayit", url.Values{"name": {"Zeynep"}, "email": {"zeynep@example.com"},
		"password": {testPassword}, "next": {"/hesap"}})
	want(t, resp, body, http.StatusSeeOther)
	if loc := resp.Header.Get("Location"); loc != "/hesap" {
		t.Fatalf("after signup Location %q", loc)
	}
	body = mustStatus(t, site, c, "/hesap", http.StatusOK)
	mustContain(t, body, "Hesabım", "zeynep@example.com", "Şifre değiştir")

	resp, body = site.do(t, c, "POST", "/hesap/sifre", url.Values{"current": {"yanlis-parola"}, "password": {"yeni-parola-123"}})
	want(t, resp, body, http.StatusBadRequest)
	mustContain(t, body, "Mevcut şifreniz hatalı.")
	resp, body = site.do(t, c, "POST", "/hesap/sifre", url.Values{"current": {testPassword}, "password": {"yeni-parola-123"}})
	want(t, resp, body, http.StatusSeeOther)
	mustContain(t, mustStatus(t, site, c, "/hesap?sifre=degisti", http.StatusOK), "Şifreniz değiştirildi.")

	resp, body = site.do(t, c, "POST", "/cikis", nil)
	want(t, resp, body, http.StatusSeeOther)
	resp, body = site.do(t, c, "GET", "/hesap", nil)
	want(t, resp, body, http.StatusSeeOther)

	resp, body = site.do(t, c, "POST", "/giris", url.Values{"email": {"zeynep@example.com"}, "password": {"yeni-parola-123"},
		"remember": {"1"}, "next": {"https://evil.example/"}})
	want(t, resp, body, http.StatusSeeOther)
	if loc := resp.Header.Get("Location"); loc != "/" {
		t.Errorf("foreign next redirected to %q", loc)
	}
}

func TestPasswordResetPages(t *testing.T) {
	site := newEngageSite(t, "http://manset.example")
	site.register(t, site.client(t), "unutkan@example.com")
	c := site.client(t)
	answers := map[string]string{}
	for _, email := range []string{"unutkan@example.com", "hic-yok@example.com"} {
		resp, body := site.do(t, c, "POST", "/sifremi-unuttum", url.Values{"email": {email}})
		want(t, resp, body, http.StatusOK)
		answers[email] = regexp.MustCompile(`value="[^"]*"`).ReplaceAllString(body, "")
	}
	if answers["unutkan@example.com"] != answers["hic-yok@example.com"] {
		t.Error("the reset page tells known and unknown addresses apart")
	}
	site.auth.Wait()
	m := regexp.MustCompile(`/sifre-yenile\?token=([A-Za-z0-9_-]+)`).FindStringSubmatch(site.mail.last())
	if m == nil {
		t.Fatalf("no reset link in mail %q", site.mail.last())
	}
	body := mustStatus(t, site, c, m[0], http.StatusOK)
	mustContain(t, body, `name="token" value="`+m[1]+`"`)
	resp, body := site.do(t, c, "POST", "/sifre-yenile", url.Values{"token": {m[1]}, "password": {"taze-parola-42"}})
	want(t, resp, body, http.StatusOK)
	mustContain(t, body, "Şifreniz yenilendi.")
	resp, body = site.do(t, c, "POST", "/sifre-yenile", url.Values{"token": {m[1]}, "password": {"baska-parola-42"}})
	want(t, resp, body, http.StatusBadRequest)
	mustContain(t, body, "geçersiz ya da süresi dolmuş")
	resp, body = site.do(t, c, "POST", "/api/v1/auth/login", map[string]string{"email": "unutkan@example.com", "password": "taze-parola-42"})
	want(t, resp, body, http.StatusOK)
}

func TestLocalPath(t *testing.T) {
	tests := map[string]string{
		"":                      "/",
		"/hesap":                "/hesap",
		"/haber/x?y=1#yorum":    "/haber/x?y=1#yorum",
		"//evil.example/":       "/",
		"/\\evil.example":       "/",
		"https://evil.example/": "/",
		"javascript:alert(1)":   "/",
		"hesap":                 "/",
		"/%0d%0aSet-Cookie:x=1": "/%0d%0aSet-Cookie:x=1",
		"/\r\nSet-Cookie: x=1":  "/",
		"/\t/evil.example":      "/",
		"///evil.example":       "/",
		"http:/evil.example":    "/",
	}
	for in, wantPath := range tests {
		if got := localPath(in); got != wantPath {
			t.Errorf("localPath(%q) = %q, want %q", in, got, wantPath)
		}
	}
}

// mustStatus GETs path with c and fails unless the status is status.
func mustStatus(t testing.TB, site *engageSite, c *http.Client, path string, status int) string {
	t.Helper()
	resp, body := site.do(t, c, "GET", path, nil)
	want(t, resp, body, status)
	return body
}
