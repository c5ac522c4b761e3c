package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"manset/internal/news"
	"manset/internal/turkish"
)

func TestAdminPublishArticle(t *testing.T) {
	s := newAdminTest(t)
	art := s.createArticle(t, s.editor, articleForm("Belediye Yeni Parkı Açtı", "Park bugün açıldı.\n\nİkinci paragraf.",
		news.StatusPublished, "category", strconv.FormatInt(s.cats["dunya"].ID, 10)))
	if art.Slug != "belediye-yeni-parki-acti" || art.PublishedAt == nil || !art.PublishedAt.Equal(s.clock.Now()) {
		t.Fatalf("stored slug %q, published %v", art.Slug, art.PublishedAt)
	}
	page := s.mustGet(t, "/haber/"+art.Slug, http.StatusOK)
	mustContain(t, page, "Belediye Yeni Parkı Açtı", "<p>Park bugün açıldı.</p>", "<p>İkinci paragraf.</p>", "Ayşe Yılmaz")
	mustContain(t, s.mustGet(t, "/", http.StatusOK), "Belediye Yeni Parkı Açtı")
	// No-JS fallback: the saved form shows the article's address.
	mustContain(t, s.page(t, s.editor, "/admin/haberler/"+strconv.FormatInt(art.ID, 10)+"?ok=created", 200),
		`href="/haber/belediye-yeni-parki-acti"`, "Kayıt oluşturuldu.")
	if !s.audited(t, "article.create", articleTarget(art.ID)) {
		t.Error("no article.create audit entry")
	}
}

func TestAdminDraftAndSchedule(t *testing.T) {
	s := newAdminTest(t)
	draft := s.createArticle(t, s.editor, articleForm("Taslak Haber", "Henüz hazır değil.", news.StatusDraft))
	s.mustGet(t, "/haber/"+draft.Slug, http.StatusNotFound)

	due := s.clock.Now().Add(2 * time.Hour).In(turkish.Istanbul)
	sched := s.createArticle(t, s.editor, articleForm("Zamanlanmış Haber", "Saati gelince yayında.", news.StatusScheduled,
		"publish_at", due.Format("2006-01-02T15:04")))
	if sched.PublishedAt == nil || !sched.PublishedAt.Equal(due) {
		t.Fatalf("publish time %v, want %v (+03:00 input)", sched.PublishedAt, due)
	}
	s.mustGet(t, "/haber/"+sched.Slug, http.StatusNotFound)
	mustNotContain(t, s.mustGet(t, "/", http.StatusOK), "Zamanlanmış Haber")

	s.clock.Advance(2*time.Hour + time.Minute) // no write, no restart: only time passes
	s.mustGet(t, "/haber/"+sched.Slug, http.StatusOK)
	mustContain(t, s.mustGet(t, "/", http.StatusOK), "Zamanlanmış Haber")

	t.Run("PublishedInTheFutureWaits", func(t *testing.T) {
		at := s.clock.Now().Add(time.Hour).In(turkish.Istanbul).Format("2006-01-02T15:04")
		art := s.createArticle(t, s.editor, articleForm("Gelecekte Yayında", "x", news.StatusPublished, "publish_at", at))
		if art.Status != news.StatusScheduled {
			t.Errorf("status %s, want scheduled", art.Status)
		}
		s.mustGet(t, "/haber/"+art.Slug, http.StatusNotFound)
	})
	t.Run("ScheduledNeedsTime", func(t *testing.T) {
		resp, body := s.post(t, s.editor, "/admin/haberler", articleForm("Saatsiz", "x", news.StatusScheduled))
		if resp.StatusCode != http.StatusBadRequest {
			t.Fatalf("status %d, want 400", resp.StatusCode)
		}
		mustContain(t, body, "yayın zamanı gerekli", `value="Saatsiz"`)
	})
}

func TestAdminEditKeepsRevisions(t *testing.T) {
	s := newAdminTest(t)
	art := s.createArticle(t, s.editor, articleForm("İlk Başlık", "Eski metin.", news.StatusDraft))
	path := "/admin/haberler/" + strconv.FormatInt(art.ID, 10)
	s.mustPost(t, s.editor, path, articleForm("Yeni Başlık", "Yeni metin.", news.StatusPublished))
	got, err := s.db.Article(context.Background(), art.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Yeni Başlık" || got.Slug != art.Slug || got.Status != news.StatusPublished {
		t.Fatalf("after update: %q %q %s", got.Title, got.Slug, got.Status)
	}
	revs, err := s.db.ListRevisions(context.Background(), art.ID)
	if err != nil || len(revs) != 1 {
		t.Fatalf("revisions %v, %v", revs, err)
	}
	if revs[0].EditorName != "Deneme Kişi" || revs[0].Title != "İlk Başlık" {
		t.Errorf("revision by %q of %q", revs[0].EditorName, revs[0].Title)
	}
	if !s.audited(t, "article.publish", articleTarget(art.ID)) {
		t.Error("no article.publish audit entry")
	}
	mustContain(t, s.page(t, s.editor, path, 200), "Sürümler", "İlk Başlık", "/surum/"+strconv.FormatInt(revs[0].ID, 10))
	revPath := path + "/surum/" + strconv.FormatInt(revs[0].ID, 10)
	mustContain(t, s.page(t, s.editor, revPath, 200), "İlk Başlık", "<p>Eski metin.</p>")
	s.mustPost(t, s.editor, revPath, url.Values{})
	if got, _ := s.db.Article(context.Background(), art.ID); got.Title != "İlk Başlık" {
		t.Errorf("restore: title %q", got.Title)
	}
	s.page(t, s.editor, path+"/surum/999999", http.StatusNotFound)
}

func TestAdminDeleteArticle(t *testing.T) {
	s := newAdminTest(t)
	art := s.createArticle(t, s.editor, articleForm("Silinecek Haber", "Metin.", news.StatusPublished))
	path := "/admin/haberler/" + strconv.FormatInt(art.ID, 10) + "/sil"
	mustContain(t, s.page(t, s.editor, path, 200), "Silinecek Haber", "geri alınamaz", `method="post"`)
	s.mustGet(t, "/haber/"+art.Slug, http.StatusOK)
	s.mustPost(t, s.editor, path, url.Values{})
	s.mustGet(t, "/haber/"+art.Slug, http.StatusNotFound)
	if !s.audited(t, "article.delete", articleTarget(art.ID)) {
		t.Error("no article.delete audit entry")
	}
}

func TestAdminSanitizeBody(t *testing.T) {
	tests := []struct {
		name, in   string
		want, deny []string
	}{
		{"PlainText", "Birinci <satır>\nsürüyor.\n\nİkinci & son: 3 < 5.",
			[]string{"<p>Birinci &lt;satır&gt; sürüyor.</p>", "<p>İkinci &amp; son: 3 &lt; 5.</p>"}, nil},
		{"Script", `<p>Önce</p><script>alert(1)</script><p>Sonra</p>`,
			[]string{"<p>Önce</p>", "<p>Sonra</p>"}, []string{"<script", "alert(1)"}},
		{"Onerror", `<p>Resim <img src=x onerror="alert(2)"> yok</p>`,
			[]string{"<p>Resim  yok</p>"}, []string{"onerror", "<img"}},
		{"JavascriptLink", `<p><a href="javascript:alert(3)">tıkla</a> ve <a href="https://ornek.com/x">kaynak</a></p>`,
			[]string{`<a href="https://ornek.com/x"`, "kaynak</a>"}, []string{"javascript:"}},
		{"Formatting", "<h2>Ara başlık</h2>\n<p><strong>kalın</strong> <em>eğik</em></p>\n<ul><li>bir</li><li>iki</li></ul>\n<blockquote>alıntı</blockquote>",
			[]string{"<h2>Ara başlık</h2>", "<strong>kalın</strong>", "<em>eğik</em>", "<li>bir</li>", "<blockquote>alıntı</blockquote>"}, nil},
		{"StyleAndIframe", `<p style="color:red" class="x">renk</p><iframe src="https://kotu.example"></iframe>`,
			[]string{"<p>renk</p>"}, []string{"style=", "<iframe", "class="}},
		{"LooseHTMLGetsParagraph", "Satır <b>kalın</b> sonu.\n\nDüz paragraf.",
			[]string{"<p>Satır <b>kalın</b> sonu.</p>", "<p>Düz paragraf.</p>"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h, text := sanitizeBody(tc.in)
			mustContain(t, h, tc.want...)
			mustNotContain(t, h, tc.deny...)
			mustNotContain(t, text, "<p>", "<script", "<a ", "</")
		})
	}
	t.Run("ThroughTheEditor", func(t *testing.T) {
		s := newAdminTest(t)
		art := s.createArticle(t, s.editor, articleForm("XSS Denemesi", `<p>Güvenli</p><img src=x onerror=alert(1)><script>alert(2)</script><a href="javascript:alert(3)">x</a>`, news.StatusPublished))
		page := s.mustGet(t, "/haber/"+art.Slug, http.StatusOK)
		mustContain(t, page, "<p>Güvenli</p>")
		mustNotContain(t, page, "onerror", "alert(2)", "javascript:alert")
		if !strings.Contains(art.BodyText, "Güvenli") || strings.Contains(art.BodyText, "<") {
			t.Errorf("body text %q", art.BodyText)
		}
	})
}

func TestAdminArticleList(t *testing.T) {
	s := newAdminTest(t)
	for i := range 35 {
		s.add(t, "Spor Haberi "+strconv.Itoa(i), "spor", i+1)
	}
	s.add(t, "Işıklı Dünya Haberi", "dunya", 50)
	s.createArticle(t, s.editor, articleForm("Bekleyen Taslak", "x", news.StatusDraft))
	first := s.page(t, s.editor, "/admin/haberler", 200)
	mustContain(t, first, "37 haber", "Sonraki", "Bekleyen Taslak")
	second := s.page(t, s.editor, "/admin/haberler?sayfa=2", 200)
	mustContain(t, second, "Önceki", "Işıklı Dünya Haberi")
	mustNotContain(t, second, "Sonraki")
	drafts := s.page(t, s.editor, "/admin/haberler?durum=draft", 200)
	mustContain(t, drafts, "1 haber", "Bekleyen Taslak")
	mustNotContain(t, drafts, "Spor Haberi")
	byCat := s.page(t, s.editor, "/admin/haberler?kategori="+strconv.FormatInt(s.cats["dunya"].ID, 10), 200)
	mustContain(t, byCat, "1 haber", "Işıklı Dünya Haberi")
	search := s.page(t, s.editor, "/admin/haberler?q=isikli", 200)
	mustContain(t, search, "1 haber", "Işıklı Dünya Haberi")
}

func TestAdminMansetCuration(t *testing.T) {
	s := newAdminTest(t)
	a := s.add(t, "Birinci Aday", "dunya", 5)
	b := s.add(t, "İkinci Aday", "spor", 10)
	c := s.add(t, "Üçüncü Aday", "spor", 15)
	leadOf := func() string {
		home := s.mustGet(t, "/", http.StatusOK)
		i := strings.Index(home, `class="lead-title"`)
		if i < 0 {
			t.Fatal("home page has no lead")
		}
		return home[i : i+200]
	}
	mustContain(t, leadOf(), "Birinci Aday") // newest leads by default
	ids := []string{strconv.FormatInt(a.ID, 10), strconv.FormatInt(b.ID, 10), strconv.FormatInt(c.ID, 10)}
	form := url.Values{"ids": ids, "pos_" + ids[1]: {"1"}, "pos_" + ids[2]: {"5"}, "pos_" + ids[0]: {""}}
	s.mustPost(t, s.editor, "/admin/manset", form)
	mustContain(t, leadOf(), "İkinci Aday")
	got, _ := s.db.Article(context.Background(), c.ID)
	if got.Featured != 2 {
		t.Errorf("slider article position %d, want renumbered to 2", got.Featured)
	}
	page := s.page(t, s.editor, "/admin/manset", 200)
	if strings.Index(page, "İkinci Aday") > strings.Index(page, "Üçüncü Aday") {
		t.Error("pinned articles not listed in manşet order")
	}
	// Unpinning everything brings back the default lead.
	s.mustPost(t, s.editor, "/admin/manset", url.Values{"ids": ids})
	mustContain(t, leadOf(), "Birinci Aday")
	if !s.audited(t, "manset.update", "") {
		t.Error("no manset.update audit entry")
	}
}
