package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"manset/internal/auth"
	"manset/internal/news"
)

// newSourcesTest is newAdminTest with opts applied to the server's config.
func newSourcesTest(t *testing.T, opts ...engageOption) *adminTest {
	t.Helper()
	s := &adminTest{engageSite: newEngageSite(t, "http://manset.example", opts...)}
	s.admin = s.user(t, "yonetici@manset.example", news.RoleAdmin)
	s.editor = s.user(t, "editor@manset.example", news.RoleEditor)
	s.reader = s.user(t, "okur@manset.example", news.RoleReader)
	return s
}

// catSlug returns the slug of the test category named name.
func (s *adminTest) catSlug(t testing.TB, name string) string {
	t.Helper()
	for slug, c := range s.cats {
		if c.Name == name {
			return slug
		}
	}
	t.Fatalf("no category %q", name)
	return ""
}

func (s *adminTest) sourceByName(t testing.TB, name string) news.Source {
	t.Helper()
	list, err := s.db.ListSources(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range list {
		if src.Name == name {
			return src
		}
	}
	t.Fatalf("source %q not stored; have %d sources", name, len(list))
	return news.Source{}
}

func sourceForm(kind, name, rawURL, cat, interval string, kv ...string) url.Values {
	f := url.Values{"kind": {kind}, "name": {name}, "url": {rawURL}, "category": {cat}, "interval": {interval}}
	for i := 0; i+1 < len(kv); i += 2 {
		f.Set(kv[i], kv[i+1])
	}
	return f
}

func TestAdminSourceAdd(t *testing.T) {
	s := newSourcesTest(t)
	spor := s.catSlug(t, "Spor")
	loc := s.mustPost(t, s.admin, "/admin/kaynaklar",
		sourceForm("feed", "Örnek Ajans", "https://ajans.example/rss.xml", spor, "30", "review", "1", "excerpt", "1"))
	if loc != "/admin/kaynaklar?ok=created" {
		t.Errorf("Location %q", loc)
	}
	src := s.sourceByName(t, "Örnek Ajans")
	want := news.Source{Kind: news.SourceFeed, URL: "https://ajans.example/rss.xml", HomeURL: "https://ajans.example/",
		CategorySlug: spor, Interval: 30 * time.Minute, Review: true, FullText: "excerpt"}
	if src.Kind != want.Kind || src.URL != want.URL || src.HomeURL != want.HomeURL || src.CategorySlug != want.CategorySlug ||
		src.Interval != want.Interval || src.Review != want.Review || src.FullText != want.FullText {
		t.Errorf("stored %+v, want fields of %+v", src, want)
	}
	if !s.audited(t, "source.create", sourceTarget(src.ID)) {
		t.Error("adding a source is not in the audit log")
	}
	body := s.page(t, s.admin, "/admin/kaynaklar", http.StatusOK)
	mustContain(t, body, "Örnek Ajans", "Akış (RSS, Atom, JSON)", "https://ajans.example/rss.xml", "Haberler › Spor",
		"30 dk", "Editör onayı", "Özet", "Hiç çekilmedi", "Sırada", `action="/admin/kaynaklar/`+strconv.FormatInt(src.ID, 10)+`/sil"`)
	mustNotContain(t, body, "Şimdi çek", "style=", "<script>")
}

func TestAdminSourceAddWithSelector(t *testing.T) {
	s := newSourcesTest(t)
	s.mustPost(t, s.admin, "/admin/kaynaklar",
		sourceForm("page", "Zor Site", "https://zor.example/haber/1", "", "60", "selector", "div.haber-metni > p"))
	if src := s.sourceByName(t, "Zor Site"); src.Selector != "div.haber-metni > p" {
		t.Errorf("selector stored as %q", src.Selector)
	}
	mustContain(t, s.page(t, s.admin, "/admin/kaynaklar", http.StatusOK), `value="div.haber-metni &gt; p"`)
}

func TestAdminSourceAddRefused(t *testing.T) {
	s := newSourcesTest(t)
	cases := []struct {
		name string
		form url.Values
		msg  string
	}{
		{"ErrURL", sourceForm("feed", "Bozuk", "ftp://ajans.example/rss", "", "15"), "geçerli bir http(s) URL"},
		{"ErrURLNoHost", sourceForm("feed", "Bozuk", "https://", "", "15"), "geçerli bir http(s) URL"},
		{"ErrName", sourceForm("feed", "  ", "https://ajans.example/rss", "", "15"), "Kaynak adı gerekli."},
		{"ErrKind", sourceForm("gopher", "Tuhaf", "https://ajans.example/rss", "", "15"), "Bilinmeyen kaynak türü"},
		{"ErrFileKind", sourceForm("file", "Dosya", "https://ajans.example/", "", "15"), "manset import"},
		{"ErrInterval", sourceForm("feed", "Sık", "https://ajans.example/rss", "", "0"), "Çekme aralığı"},
		{"ErrCategory", sourceForm("feed", "Kayıp", "https://ajans.example/rss", "yok-boyle", "15"), "Seçilen kategori bulunamadı."},
		{"ErrSelector", sourceForm("page", "Seçici", "https://ajans.example/haber/1", "", "15", "selector", "div[["), "Geçersiz CSS seçici"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, body := s.post(t, s.admin, "/admin/kaynaklar", c.form)
			if resp.StatusCode != http.StatusBadRequest {
				t.Fatalf("status %d, want 400", resp.StatusCode)
			}
			mustContain(t, body, c.msg, `id="new-source-error"`)
			// What was typed is kept so the editor only fixes the mistake.
			mustContain(t, body, `value="`+attrEscaped(c.form.Get("url"))+`"`)
		})
	}
	if list, _ := s.db.ListSources(context.Background()); len(list) != 0 {
		t.Errorf("%d sources stored after refused forms", len(list))
	}
	t.Run("ErrDuplicateName", func(t *testing.T) {
		s.mustPost(t, s.admin, "/admin/kaynaklar", sourceForm("feed", "Tek", "https://a.example/rss", "", "15"))
		resp, body := s.post(t, s.admin, "/admin/kaynaklar", sourceForm("sitemap", "Tek", "https://b.example/sitemap.xml", "", "15"))
		if resp.StatusCode != http.StatusConflict {
			t.Fatalf("status %d, want 409", resp.StatusCode)
		}
		mustContain(t, body, "Bu adla bir kaynak zaten var.")
	})
}

// attrEscaped escapes s the way html/template writes an attribute.
func attrEscaped(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;", "+", "&#43;").Replace(s)
}

func TestAdminSourceRoles(t *testing.T) {
	s := newSourcesTest(t, func(_ *Config, d *Deps, _ *auth.Config) {
		d.FetchSource = func(context.Context, int64) error { return nil }
	})
	src := news.Source{Name: "Mevcut", Kind: news.SourceFeed, URL: "https://m.example/rss"}
	if err := s.db.CreateSource(context.Background(), &src); err != nil {
		t.Fatal(err)
	}
	id := strconv.FormatInt(src.ID, 10)

	body := s.page(t, s.editor, "/admin/kaynaklar", http.StatusOK)
	mustContain(t, body, "Mevcut", "Şimdi çek", `href="/admin/kaynaklar" aria-current="page"`)
	mustNotContain(t, body, "Yeni kaynak", "/sil", "Düzenle")
	s.page(t, s.reader, "/admin/kaynaklar", http.StatusForbidden)
	if resp, _ := s.do(t, "GET", "/admin/kaynaklar", "", nil, ""); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("guest: status %d, want redirect to login", resp.StatusCode)
	}
	for _, p := range []struct {
		path string
		form url.Values
	}{
		{"/admin/kaynaklar", sourceForm("feed", "Editörün", "https://e.example/rss", "", "15")},
		{"/admin/kaynaklar/" + id, url.Values{"interval": {"5"}}},
		{"/admin/kaynaklar/" + id + "/sil", nil},
	} {
		if resp, _ := s.post(t, s.editor, p.path, p.form); resp.StatusCode != http.StatusForbidden {
			t.Errorf("editor POST %s: status %d, want 403", p.path, resp.StatusCode)
		}
	}
	list, _ := s.db.ListSources(context.Background())
	if len(list) != 1 || list[0].Interval != 15*time.Minute {
		t.Errorf("after refused editor posts: %+v", list)
	}
}

func TestAdminSourceEditAndRemove(t *testing.T) {
	s := newSourcesTest(t)
	s.mustPost(t, s.admin, "/admin/kaynaklar", sourceForm("sitemap", "Harita", "https://h.example/sitemap.xml", "", "15"))
	src := s.sourceByName(t, "Harita")
	id := strconv.FormatInt(src.ID, 10)
	dunya := s.catSlug(t, "Dünya")

	s.mustPost(t, s.admin, "/admin/kaynaklar/"+id, url.Values{"interval": {"90"}, "category": {dunya}, "review": {"1"}, "excerpt": {"1"}})
	got := s.sourceByName(t, "Harita")
	if got.Interval != 90*time.Minute || got.CategorySlug != dunya || !got.Review || got.FullText != "excerpt" || got.URL != src.URL {
		t.Errorf("after edit: %+v", got)
	}
	mustContain(t, s.page(t, s.admin, "/admin/kaynaklar", http.StatusOK), "1 sa 30 dk", "Haberler › Dünya")
	if !s.audited(t, "source.update", sourceTarget(src.ID)) {
		t.Error("editing a source is not audited")
	}
	// Unticked boxes turn review and the excerpt policy off again.
	s.mustPost(t, s.admin, "/admin/kaynaklar/"+id, url.Values{"interval": {"90"}, "category": {""}})
	if got := s.sourceByName(t, "Harita"); got.Review || got.FullText != "full" || got.CategorySlug != "" {
		t.Errorf("after unticking: %+v", got)
	}
	resp, body := s.post(t, s.admin, "/admin/kaynaklar/"+id, url.Values{"interval": {"yarım saat"}})
	if resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("bad interval: status %d", resp.StatusCode)
	}
	mustContain(t, body, "Harita: Çekme aralığı")

	s.mustPost(t, s.admin, "/admin/kaynaklar/"+id+"/sil", nil)
	if _, err := s.db.Source(context.Background(), src.ID); !news.IsNotFound(err) {
		t.Fatalf("source still there after remove: %v", err)
	}
	mustNotContain(t, s.page(t, s.admin, "/admin/kaynaklar", http.StatusOK), "Harita")
	if !s.audited(t, "source.delete", sourceTarget(src.ID)) {
		t.Error("removing a source is not audited")
	}
	if resp, _ := s.post(t, s.admin, "/admin/kaynaklar/"+id+"/sil", nil); resp.StatusCode != http.StatusNotFound {
		t.Errorf("removing it again: status %d, want 404", resp.StatusCode)
	}
}

func TestAdminSourceFetchNow(t *testing.T) {
	called := make(chan int64, 1)
	release := make(chan struct{})
	s := newSourcesTest(t, func(_ *Config, d *Deps, _ *auth.Config) {
		d.FetchSource = func(ctx context.Context, id int64) error {
			called <- id
			<-release
			return nil
		}
	})
	var ids []int64
	for _, name := range []string{"Birinci", "İkinci"} {
		src := news.Source{Name: name, Kind: news.SourceFeed, URL: "https://" + strconv.Itoa(len(ids)) + ".example/rss"}
		if err := s.db.CreateSource(context.Background(), &src); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, src.ID)
	}
	path := "/admin/kaynaklar/" + strconv.FormatInt(ids[1], 10) + "/cek"
	if loc := s.mustPost(t, s.editor, path, nil); loc != "/admin/kaynaklar?ok=fetching" {
		t.Errorf("Location %q", loc)
	}
	if got := <-called; got != ids[1] {
		t.Fatalf("fetched source %d, want %d", got, ids[1])
	}
	// A second click while the first fetch runs does not start another.
	s.mustPost(t, s.editor, path, nil)
	select {
	case id := <-called:
		t.Fatalf("second fetch of %d started while the first was running", id)
	default:
	}
	close(release)
	mustContain(t, s.page(t, s.editor, "/admin/kaynaklar?ok=fetching", http.StatusOK), "arka planda çekiliyor")
	if !s.audited(t, "source.fetch", sourceTarget(ids[1])) {
		t.Error("fetch now is not audited")
	}
	if resp, _ := s.post(t, s.editor, "/admin/kaynaklar/999/cek", nil); resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown source: status %d, want 404", resp.StatusCode)
	}
}

func TestAdminSourceFetchNowOff(t *testing.T) {
	s := newSourcesTest(t)
	src := news.Source{Name: "Kapalı", Kind: news.SourceFeed, URL: "https://k.example/rss"}
	if err := s.db.CreateSource(context.Background(), &src); err != nil {
		t.Fatal(err)
	}
	if resp, _ := s.post(t, s.admin, "/admin/kaynaklar/"+strconv.FormatInt(src.ID, 10)+"/cek", nil); resp.StatusCode != http.StatusNotFound {
		t.Errorf("fetch without a fetcher: status %d, want 404", resp.StatusCode)
	}
}

func TestAdminSourceStateEscaped(t *testing.T) {
	s := newSourcesTest(t)
	src := news.Source{Name: "Kötü <b>Ajans</b>", Kind: news.SourceFeed, URL: "https://x.example/rss"}
	if err := s.db.CreateSource(context.Background(), &src); err != nil {
		t.Fatal(err)
	}
	last := time.Date(2026, 3, 10, 11, 45, 0, 0, time.UTC)
	next := last.Add(24 * time.Hour)
	src.LastFetchAt, src.NextFetchAt, src.ItemsFound = &last, &next, 4321
	src.LastError = `https://x.example/rss: <script>alert("xss")</script><img src=x onerror=alert(1)>`
	if err := s.db.UpdateSource(context.Background(), &src); err != nil {
		t.Fatal(err)
	}
	body := s.page(t, s.editor, "/admin/kaynaklar", http.StatusOK)
	mustNotContain(t, body, `<script>alert`, `<img src=x`, "<b>Ajans</b>")
	mustContain(t, body, `&lt;script&gt;alert(&#34;xss&#34;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;`,
		"Kötü &lt;b&gt;Ajans&lt;/b&gt;", "4321", "10 Mart 2026 14:45", "11 Mart 2026 14:45")
}

func TestAdminReviewQueue(t *testing.T) {
	s := newSourcesTest(t)
	orig := s.clock.Now().Add(-2 * time.Hour)
	art := s.add(t, "Ajanstan gelen haber", s.catSlug(t, "Dünya"), 0, func(a *news.Article) {
		a.Status, a.PublishedAt, a.SourceURL = news.StatusReview, &orig, "https://ajans.example/haber/1"
	})
	s.add(t, "Kendi haberimiz", s.catSlug(t, "Dünya"), 5)
	pub := articlePath(art.Slug)
	s.mustGet(t, pub, http.StatusNotFound)
	mustContain(t, s.page(t, s.editor, "/admin", http.StatusOK), `İnceleme bekleyen haberler: <span class="count">1</span>`)

	queue := s.page(t, s.editor, "/admin/haberler?durum=review", http.StatusOK)
	mustContain(t, queue, `<option value="review" selected>İncelemede</option>`, "Ajanstan gelen haber",
		`action="/admin/haberler/`+strconv.FormatInt(art.ID, 10)+`/yayinla"`)
	mustNotContain(t, queue, "Kendi haberimiz")
	mustContain(t, s.page(t, s.editor, "/admin/haberler/"+strconv.FormatInt(art.ID, 10), http.StatusOK),
		`<option value="review" selected>İncelemede</option>`)

	loc := s.mustPost(t, s.editor, "/admin/haberler/"+strconv.FormatInt(art.ID, 10)+"/yayinla", nil)
	if loc != "/admin/haberler?durum=review&ok=published" {
		t.Errorf("Location %q", loc)
	}
	mustContain(t, s.page(t, s.editor, loc, http.StatusOK), "Haber yayımlandı.", "Bu süzgeçle eşleşen haber yok.")
	got, err := s.db.Article(context.Background(), art.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != news.StatusPublished || got.PublishedAt == nil || !got.PublishedAt.Equal(orig) {
		t.Errorf("after publish: status %s, published %v (want the outlet's time %v)", got.Status, got.PublishedAt, orig)
	}
	mustContain(t, s.mustGet(t, pub, http.StatusOK), "Ajanstan gelen haber")
	mustContain(t, s.mustGet(t, "/", http.StatusOK), "Ajanstan gelen haber")
	if !s.audited(t, "article.publish", articleTarget(art.ID)) {
		t.Error("publishing from the queue is not audited")
	}
	mustContain(t, s.page(t, s.editor, "/admin", http.StatusOK), `İnceleme bekleyen haberler: <span class="count">0</span>`)

	// Publishing again, or an article that never waited, is refused.
	if resp, _ := s.post(t, s.editor, "/admin/haberler/"+strconv.FormatInt(art.ID, 10)+"/yayinla", nil); resp.StatusCode != http.StatusConflict {
		t.Errorf("second publish: status %d, want 409", resp.StatusCode)
	}
	if resp, _ := s.post(t, s.reader, "/admin/haberler/"+strconv.FormatInt(art.ID, 10)+"/yayinla", nil); resp.StatusCode != http.StatusForbidden {
		t.Errorf("reader publish: status %d, want 403", resp.StatusCode)
	}
}
