package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"manset/internal/news"
)

func TestAdminAccess(t *testing.T) {
	s := newAdminTest(t)
	editorPages := []string{"/admin", "/admin/haberler", "/admin/haberler/yeni", "/admin/manset", "/admin/yorumlar"}
	adminPages := []string{"/admin/kategoriler", "/admin/reklamlar", "/admin/ayarlar", "/admin/kullanicilar", "/admin/denetim"}
	type check struct {
		name, token string
		paths       []string
		want        int
	}
	checks := []check{
		{"GuestEditorPages", "", editorPages, http.StatusSeeOther},
		{"GuestAdminPages", "", adminPages, http.StatusSeeOther},
		{"ReaderEditorPages", s.reader, editorPages, http.StatusForbidden},
		{"ReaderAdminPages", s.reader, adminPages, http.StatusForbidden},
		{"EditorEditorPages", s.editor, editorPages, http.StatusOK},
		{"EditorAdminPages", s.editor, adminPages, http.StatusForbidden},
		{"AdminEverything", s.admin, append(append([]string{}, editorPages...), adminPages...), http.StatusOK},
		{"GuestAPI", "", []string{"/api/v1/admin/comments"}, http.StatusUnauthorized},
		{"ReaderAPI", s.reader, []string{"/api/v1/admin/comments"}, http.StatusForbidden},
		{"EditorAPI", s.editor, []string{"/api/v1/admin/comments"}, http.StatusOK},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			for _, p := range c.paths {
				resp, body := s.do(t, "GET", p, c.token, nil, "")
				if resp.StatusCode != c.want {
					t.Fatalf("GET %s: status %d, want %d", p, resp.StatusCode, c.want)
				}
				if cc := resp.Header.Get("Cache-Control"); !strings.Contains(cc, "no-store") {
					t.Errorf("GET %s: Cache-Control %q, want no-store", p, cc)
				}
				if c.want == http.StatusSeeOther && !strings.HasPrefix(resp.Header.Get("Location"), "/giris?next=") {
					t.Errorf("GET %s: Location %q", p, resp.Header.Get("Location"))
				}
				if c.want == http.StatusOK && strings.HasPrefix(p, "/admin") {
					mustContain(t, body, "Haber Merkezi", `href="/admin/haberler"`)
					mustNotContain(t, body, "style=", "<script>", "onclick")
				}
			}
		})
	}
	t.Run("EditorCannotPostAdminForms", func(t *testing.T) {
		resp, _ := s.post(t, s.editor, "/admin/ayarlar", url.Values{"name": {"Ele Geçirildi"}, "moderation": {"none"}})
		if resp.StatusCode != http.StatusForbidden {
			t.Fatalf("status %d, want 403", resp.StatusCode)
		}
		if v, _ := s.db.Setting(context.Background(), "site.name"); v != "" {
			t.Errorf("site.name = %q after a refused post", v)
		}
	})
	t.Run("ReaderCannotPatchComments", func(t *testing.T) {
		resp, _ := s.do(t, "PATCH", "/api/v1/admin/comments/1", s.reader, strings.NewReader(`{"status":"approved"}`), "application/json")
		if resp.StatusCode != http.StatusForbidden {
			t.Fatalf("status %d, want 403", resp.StatusCode)
		}
	})
	t.Run("AdminNavOnlyForAdmins", func(t *testing.T) {
		mustNotContain(t, s.page(t, s.editor, "/admin", 200), `href="/admin/kullanicilar"`)
		mustContain(t, s.page(t, s.admin, "/admin", 200), `href="/admin/kullanicilar"`)
	})
}

func TestAdminForeignOriginRefused(t *testing.T) {
	s := newAdminTest(t)
	req, _ := http.NewRequest("POST", s.ts.URL+"/admin/ayarlar", strings.NewReader("name=X&moderation=none"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "https://kotu.example")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	req.AddCookie(&http.Cookie{Name: sessionCookie, Value: s.admin})
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Fatalf("cross-site POST: status %d, want 403", resp.StatusCode)
	}
	if v, _ := s.db.Setting(context.Background(), "site.name"); v != "" {
		t.Errorf("site.name = %q after a cross-site post", v)
	}
}

func TestAdminDashboardChart(t *testing.T) {
	s := newAdminTest(t)
	art := s.add(t, "Grafikteki Haber", "dunya", 10)
	ctx := context.Background()
	if err := s.db.AddViews(ctx, s.clock.Now().AddDate(0, 0, -1), map[int64]int{art.ID: 42}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.SetReaction(ctx, art.ID, news.AnonReader("abc"), news.ReactionLiked); err != nil {
		t.Fatal(err)
	}
	body := s.page(t, s.editor, "/admin", http.StatusOK)
	mustContain(t, body, "<svg", `role="img"`, "<title id=\"chart-svg-title\">", "<desc id=\"chart-svg-desc\">",
		"toplam 42 görüntülenme ve 1 tepki", "<table", "Grafikteki Haber", "09.03: 42 görüntülenme")
	if n := strings.Count(body, `class="bar"`); n != adminChartDays {
		t.Errorf("%d bars, want %d", n, adminChartDays)
	}
}

func TestAdminSlugPreview(t *testing.T) {
	s := newAdminTest(t)
	resp, body := s.do(t, "GET", "/admin/slug?title="+url.QueryEscape("Yoldaş Putin'den İstanbul'a Çağrı"), s.editor, nil, "")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	mustContain(t, body, `"slug":"yoldas-putinden-istanbula-cagri"`, `"url":"/haber/yoldas-putinden-istanbula-cagri"`)
	if cc := resp.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("Cache-Control %q", cc)
	}
	if resp, _ := s.do(t, "GET", "/admin/slug?title=x", s.reader, nil, ""); resp.StatusCode != http.StatusForbidden {
		t.Errorf("reader: status %d, want 403", resp.StatusCode)
	}
}
