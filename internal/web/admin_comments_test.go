package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"manset/internal/news"
)

// addComment stores a guest comment with status on art.
func (s *adminTest) addComment(t testing.TB, art news.Article, name, email, body string) news.Comment {
	t.Helper()
	c := news.Comment{ArticleID: art.ID, Name: name, Email: email, Body: body, Status: news.CommentPending, IP: "192.0.2.7"}
	if err := s.db.CreateComment(context.Background(), &c); err != nil {
		t.Fatal(err)
	}
	return c
}

func (s *adminTest) commentStatus(t testing.TB, id int64) news.CommentStatus {
	t.Helper()
	c, err := s.db.Comment(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return c.Status
}

func TestAdminModerationAPI(t *testing.T) {
	s := newAdminTest(t)
	art := s.add(t, "Yorumlu Haber", "dunya", 5)
	c := s.addComment(t, art, "Meraklı Okur", "merakli@okur.example", "Harika bir <haber> olmuş!")
	s.mustGet(t, "/haber/"+art.Slug, http.StatusOK) // warm the page cache

	resp, body := s.do(t, "GET", "/api/v1/admin/comments?status=pending", s.editor, nil, "")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("list: status %d: %s", resp.StatusCode, body)
	}
	var list struct {
		Items []apiModerationComment `json:"items"`
		Total int                    `json:"total"`
	}
	if err := json.Unmarshal([]byte(body), &list); err != nil {
		t.Fatal(err)
	}
	if list.Total != 1 || len(list.Items) != 1 || list.Items[0].Email != "merakli@okur.example" ||
		list.Items[0].ArticleTitle != "Yorumlu Haber" || list.Items[0].Status != "pending" {
		t.Fatalf("queue %+v", list)
	}
	if resp, _ := s.do(t, "GET", "/api/v1/admin/comments?status=nope", s.editor, nil, ""); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("unknown status: %d, want 400", resp.StatusCode)
	}

	patch := func(token, id, body string) int {
		resp, _ := s.do(t, "PATCH", "/api/v1/admin/comments/"+id, token, strings.NewReader(body), "application/json")
		return resp.StatusCode
	}
	id := strconv.FormatInt(c.ID, 10)
	for _, bad := range []string{`{"status":"pending"}`, `{"status":"published"}`, `{}`, `not json`} {
		if got := patch(s.editor, id, bad); got != http.StatusBadRequest {
			t.Errorf("PATCH %s: %d, want 400", bad, got)
		}
	}
	if got := patch("", id, `{"status":"approved"}`); got != http.StatusUnauthorized {
		t.Errorf("guest PATCH: %d, want 401", got)
	}
	if got := patch(s.reader, id, `{"status":"approved"}`); got != http.StatusForbidden {
		t.Errorf("reader PATCH: %d, want 403", got)
	}
	if got := patch(s.editor, "999999", `{"status":"approved"}`); got != http.StatusNotFound {
		t.Errorf("unknown comment: %d, want 404", got)
	}
	if s.commentStatus(t, c.ID) != news.CommentPending {
		t.Fatal("a refused PATCH changed the status")
	}
	if got := patch(s.editor, id, `{"status":"approved"}`); got != http.StatusOK {
		t.Fatalf("approve: %d", got)
	}
	page := s.mustGet(t, "/haber/"+art.Slug, http.StatusOK)
	mustContain(t, page, "Meraklı Okur", "Harika bir &lt;haber&gt; olmuş!")
	mustNotContain(t, page, "merakli@okur.example")
	if !s.audited(t, "comment.status", "comment:"+id) {
		t.Error("no comment.status audit entry")
	}
}

func TestAdminModerationPage(t *testing.T) {
	s := newAdminTest(t)
	art := s.add(t, "Tartışmalı Haber", "dunya", 5)
	c1 := s.addComment(t, art, "Birinci", "bir@okur.example", "<script>alert(1)</script>")
	c2 := s.addComment(t, art, "İkinci", "iki@okur.example", "Reklam reklam")
	c3 := s.addComment(t, art, "Üçüncü", "uc@okur.example", "Güzel yorum")

	page := s.page(t, s.editor, "/admin/yorumlar", 200)
	mustContain(t, page, "Bekleyen: 3 yorum", "bir@okur.example", "Tartışmalı Haber", "&lt;script&gt;alert(1)&lt;/script&gt;")
	mustNotContain(t, page, "<script>alert(1)")

	mustNotContain(t, s.mustGet(t, "/haber/"+art.Slug, http.StatusOK), "Güzel yorum") // cached now
	// Bulk: mark two as spam with one submit.
	s.mustPost(t, s.editor, "/admin/yorumlar", url.Values{"durum": {"pending"}, "status": {"spam"},
		"ids": {strconv.FormatInt(c1.ID, 10), strconv.FormatInt(c2.ID, 10)}})
	// One item's own button.
	s.mustPost(t, s.editor, "/admin/yorumlar", url.Values{"durum": {"pending"}, "status": {"spam"},
		"one": {strconv.FormatInt(c3.ID, 10) + ":approved"}})
	for _, tc := range []struct {
		id   int64
		want news.CommentStatus
	}{{c1.ID, news.CommentSpam}, {c2.ID, news.CommentSpam}, {c3.ID, news.CommentApproved}} {
		if got := s.commentStatus(t, tc.id); got != tc.want {
			t.Errorf("comment %d: %s, want %s", tc.id, got, tc.want)
		}
	}
	mustContain(t, s.page(t, s.editor, "/admin/yorumlar?durum=spam", 200), "Spam: 2 yorum", "Reklam reklam")
	mustContain(t, s.mustGet(t, "/haber/"+art.Slug, http.StatusOK), "Güzel yorum")
	mustContain(t, s.page(t, s.editor, "/admin", 200), "Onay bekleyen yorum yok.")

	if resp, _ := s.post(t, s.editor, "/admin/yorumlar", url.Values{"status": {"pending"}, "ids": {"1"}}); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("back to pending: %d, want 400", resp.StatusCode)
	}
}

// TestAdminNoEmailOnPublicPages checks every page and API a reader can
// reach for the e-mail of commenters and of users.
func TestAdminNoEmailOnPublicPages(t *testing.T) {
	s := newAdminTest(t)
	art := s.add(t, "Gizlilik Haberi", "dunya", 5)
	c := s.addComment(t, art, "Gizli Okur", "gizli@okur.example", "Onaylı yorum.")
	if err := s.db.SetCommentStatus(context.Background(), c.ID, news.CommentApproved); err != nil {
		t.Fatal(err)
	}
	s.addComment(t, art, "Bekleyen Okur", "bekleyen@okur.example", "Bekleyen yorum.")
	s.srv.Invalidate()
	id := strconv.FormatInt(art.ID, 10)
	paths := []string{"/", "/haber/" + art.Slug, "/kategori/dunya", "/kategori/haberler", "/ara?q=gizlilik",
		"/rss.xml", "/atom.xml", "/feed.json", "/sitemap.xml", "/api/v1/articles", "/api/v1/articles/" + id,
		"/api/v1/articles/" + id + "/comments", "/api/v1/categories"}
	for _, token := range []string{"", s.reader} {
		for _, p := range paths {
			resp, body := s.do(t, "GET", p, token, nil, "")
			if resp.StatusCode >= 500 {
				t.Errorf("GET %s: %d", p, resp.StatusCode)
			}
			mustNotContain(t, body, "gizli@okur.example", "bekleyen@okur.example", "@manset.example")
		}
	}
	// Editors do see the e-mail, in the admin only.
	mustContain(t, s.page(t, s.editor, "/admin/yorumlar?durum=approved", 200), "gizli@okur.example")
}

// After moderating, the editor lands back on the tab they came from with
// the flash shown; whatever durum says stays inside that one parameter.
func TestAdminModerationRedirect(t *testing.T) {
	s := newAdminTest(t)
	art := s.add(t, "Yorumlu Haber", "dunya", 5)
	for _, tc := range []struct{ durum, want string }{
		{"pending", "/admin/yorumlar?durum=pending&ok=moderated"},
		{"spam&ok=x#y", "/admin/yorumlar?durum=spam%26ok%3Dx%23y&ok=moderated"},
	} {
		c := s.addComment(t, art, "Okur", "okur@okur.example", "Yorum")
		loc := s.mustPost(t, s.editor, "/admin/yorumlar", url.Values{"durum": {tc.durum},
			"one": {strconv.FormatInt(c.ID, 10) + ":approved"}})
		if loc != tc.want {
			t.Errorf("durum %q: Location %q, want %q", tc.durum, loc, tc.want)
		}
		u, err := url.Parse(loc)
		if err != nil || u.Query().Get("durum") != tc.durum || u.Query().Get("ok") != "moderated" {
			t.Errorf("durum %q: Location %q does not carry the tab and the flash", tc.durum, loc)
		}
	}
}
