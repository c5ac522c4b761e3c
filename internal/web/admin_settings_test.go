package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"manset/internal/news"
)

func TestAdminCategories(t *testing.T) {
	s := newAdminTest(t)
	ctx := context.Background()
	haberler := s.cats["haberler"]
	s.mustPost(t, s.admin, "/admin/kategoriler", url.Values{"name": {"Kültür Sanat"}, "parent": {strconv.FormatInt(haberler.ID, 10)}, "position": {"5"}})
	c, err := s.db.CategoryBySlug(ctx, "kultur-sanat")
	if err != nil {
		t.Fatal(err)
	}
	if c.ParentID != haberler.ID || c.Position != 5 {
		t.Fatalf("created %+v", c)
	}
	mustContain(t, s.mustGet(t, "/kategori/kultur-sanat", http.StatusOK), "Kültür Sanat")
	mustContain(t, s.page(t, s.admin, "/admin/kategoriler", 200), "Kültür Sanat", "/kategori/kultur-sanat", `class="depth-1"`)

	path := "/admin/kategoriler/" + strconv.FormatInt(c.ID, 10)
	s.mustPost(t, s.admin, path, url.Values{"name": {"Kültür"}, "parent": {strconv.FormatInt(haberler.ID, 10)}, "position": {"-1"}})
	c, _ = s.db.Category(ctx, c.ID)
	if c.Name != "Kültür" || c.Slug != "kultur-sanat" || c.Position != -1 {
		t.Fatalf("renamed %+v (slug must stay)", c)
	}
	list, _ := s.db.ListCategories(ctx)
	var order []string
	for _, x := range list {
		if x.ParentID == haberler.ID {
			order = append(order, x.Name)
		}
	}
	if len(order) == 0 || order[0] != "Kültür" {
		t.Errorf("siblings %v: position -1 should come first", order)
	}

	resp, body := s.post(t, s.admin, "/admin/kategoriler/"+strconv.FormatInt(haberler.ID, 10)+"/sil", url.Values{})
	if resp.StatusCode != http.StatusConflict {
		t.Fatalf("delete parent: %d, want 409", resp.StatusCode)
	}
	mustContain(t, body, "Alt kategorileri olan bir kategori silinemez", "Kategori ağacı")
	if _, err := s.db.Category(ctx, haberler.ID); err != nil {
		t.Fatalf("parent gone after refused delete: %v", err)
	}

	resp, body = s.post(t, s.admin, "/admin/kategoriler", url.Values{"name": {"  "}})
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "Kategori adı gerekli") {
		t.Errorf("empty name: %d", resp.StatusCode)
	}

	s.mustPost(t, s.admin, path+"/sil", url.Values{})
	if _, err := s.db.Category(ctx, c.ID); !news.IsNotFound(err) {
		t.Fatalf("leaf not deleted: %v", err)
	}
	s.mustGet(t, "/kategori/kultur-sanat", http.StatusNotFound)
	for _, action := range []string{"category.create", "category.update", "category.delete"} {
		if !s.audited(t, action, "category:"+strconv.FormatInt(c.ID, 10)) {
			t.Errorf("no %s audit entry", action)
		}
	}
	if resp, _ := s.post(t, s.editor, "/admin/kategoriler", url.Values{"name": {"Editörden"}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("editor create: %d, want 403", resp.StatusCode)
	}
}

func TestAdminAdSlots(t *testing.T) {
	s := newAdminTest(t)
	art := s.add(t, "Reklamlı Haber", "dunya", 5)
	snippet := `<a href="https://reklam.example" class="ad-link">Sponsor bağlantısı</a>`
	form := url.Values{"ad_article_top": {snippet}, "on_article_top": {"1"}, "ad_sidebar": {"<b>Kapalı yan reklam</b>"}}
	s.mustPost(t, s.admin, "/admin/reklamlar", form)
	page := s.mustGet(t, "/haber/"+art.Slug, http.StatusOK)
	mustContain(t, page, `<div class="ad ad-article-top">`+snippet)
	mustNotContain(t, page, "Kapalı yan reklam")

	form.Del("on_article_top")
	s.mustPost(t, s.admin, "/admin/reklamlar", form)
	mustNotContain(t, s.mustGet(t, "/haber/"+art.Slug, http.StatusOK), "Sponsor bağlantısı")
	// The snippet is kept while the zone is off, ready to turn on again.
	ads := s.page(t, s.admin, "/admin/reklamlar", 200)
	mustContain(t, ads, "Sponsor bağlantısı", "Kapalı yan reklam")
	if v, _ := s.db.Setting(context.Background(), "ad.article_top.draft"); v != snippet {
		t.Errorf("draft %q", v)
	}
	if !s.audited(t, "ads.update", "") {
		t.Error("no ads.update audit entry")
	}
}

func TestAdminSiteSettings(t *testing.T) {
	s := newAdminTest(t)
	art := s.add(t, "Ayarlı Haber", "dunya", 5)
	s.mustGet(t, "/", http.StatusOK)
	mustContain(t, s.page(t, s.admin, "/admin/ayarlar", 200), `value="guests" checked`) // the comment code's default
	s.mustPost(t, s.admin, "/admin/ayarlar", url.Values{"name": {"Yeni Gazete"}, "logo_text": {"YG"},
		"disclaimer": {"Haberler <b>bilgi</b> amaçlıdır."}, "moderation": {"links"}})
	for _, p := range []string{"/", "/haber/" + art.Slug} {
		body := s.mustGet(t, p, http.StatusOK)
		mustContain(t, body, "Yeni Gazete", "Haberler &lt;b&gt;bilgi&lt;/b&gt; amaçlıdır.")
	}
	if v, _ := s.db.Setting(context.Background(), "comments.moderation"); v != "links" {
		t.Errorf("comments.moderation = %q", v)
	}
	page := s.page(t, s.admin, "/admin/ayarlar", 200)
	mustContain(t, page, `value="YG"`, `value="links" checked`)
	resp, _ := s.post(t, s.admin, "/admin/ayarlar", url.Values{"name": {"X"}, "moderation": {"bazen"}})
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("bad policy: %d, want 400", resp.StatusCode)
	}
	if !s.audited(t, "settings.update", "settings:site") {
		t.Error("no settings.update audit entry")
	}
}

func TestAdminUsers(t *testing.T) {
	s := newAdminTest(t)
	ctx := context.Background()
	reader, err := s.db.UserByEmail(ctx, "okur@manset.example")
	if err != nil {
		t.Fatal(err)
	}
	page := s.page(t, s.admin, "/admin/kullanicilar", 200)
	mustContain(t, page, "okur@manset.example", "editor@manset.example")
	mustNotContain(t, page, "argon2", reader.PasswordHash)

	path := "/admin/kullanicilar/" + strconv.FormatInt(reader.ID, 10)
	s.page(t, s.reader, "/admin", http.StatusForbidden)
	s.mustPost(t, s.admin, path, url.Values{"role": {"editor"}})
	s.page(t, s.reader, "/admin", http.StatusOK)

	s.mustPost(t, s.admin, path, url.Values{"disabled": {"1"}})
	if resp, _ := s.do(t, "GET", "/admin", s.reader, nil, ""); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("disabled user: %d, want 303 to login", resp.StatusCode)
	}
	mustContain(t, s.page(t, s.admin, "/admin/kullanicilar", 200), "Etkinleştir")
	s.mustPost(t, s.admin, path, url.Values{"disabled": {"0"}})
	if u, _ := s.db.User(ctx, reader.ID); u.Disabled || u.Role != news.RoleEditor {
		t.Errorf("after enable: %+v", u)
	}

	admin, _ := s.db.UserByEmail(ctx, "yonetici@manset.example")
	resp, body := s.post(t, s.admin, "/admin/kullanicilar/"+strconv.FormatInt(admin.ID, 10), url.Values{"role": {"reader"}})
	if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "Kendi hesabınızın") {
		t.Errorf("own role change: %d", resp.StatusCode)
	}
	if !s.audited(t, "user.role", "user:"+strconv.FormatInt(reader.ID, 10)) {
		t.Error("no user.role audit entry")
	}
	audit := s.page(t, s.admin, "/admin/denetim", 200)
	mustContain(t, audit, "user.role", "user.disable", "reader -&gt; editor")
}
