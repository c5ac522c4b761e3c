package web

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"manset/internal/news"
)

// apiComment posts a comment through the API with a form token old enough
// to pass the time check, as the page's script does.
func (s *engageSite) apiComment(t testing.TB, c *http.Client, a news.Article, in map[string]any) (int64, string) {
	t.Helper()
	if _, ok := in["form_token"]; !ok {
		in["form_token"] = s.srv.commentToken(a.ID, s.clock.Now().Add(-time.Minute))
	}
	resp, body := s.do(t, c, "POST", fmt.Sprintf("/api/v1/articles/%d/comments", a.ID), in)
	want(t, resp, body, http.StatusCreated)
	var out struct {
		ID     int64
		Status string
	}
	decode(t, body, &out)
	return out.ID, out.Status
}

func TestModerationPolicies(t *testing.T) {
	guest := func(email, body string) map[string]any {
		return map[string]any{"name": "Misafir", "email": email, "body": body}
	}
	tests := []struct {
		policy string
		member bool
		body   string
		want   string
	}{
		{"", false, "Merhaba", "pending"},
		{"", true, "Merhaba", "approved"},
		{"guests", false, "Merhaba", "pending"},
		{"all", true, "Merhaba", "pending"},
		{"none", false, "Merhaba", "approved"},
		{"links", false, "Düz metin", "approved"},
		{"links", false, "Bakın https://ornek.example/x", "pending"},
		{"links", true, "www.ornek.example adresine bakın", "pending"},
		{"first", false, "İlk yorum", "pending"},
		{"first", true, "İlk yorum", "pending"},
		{"bilinmeyen", false, "Merhaba", "pending"},
	}
	for i, tc := range tests {
		who := "guest"
		if tc.member {
			who = "member"
		}
		t.Run(fmt.Sprintf("%d-%s-%s", i, tc.policy, who), func(t *testing.T) {
			site := newEngageSite(t, "http://manset.example")
			a := site.add(t, "Politika", "dunya", 5)
			if tc.policy != "" {
				site.setting(t, settingModeration, tc.policy)
			}
			c := site.client(t)
			if tc.member {
				site.register(t, c, "uye@example.com")
			}
			if _, got := site.apiComment(t, c, a, guest("misafir@example.com", tc.body)); got != tc.want {
				t.Errorf("status %q, want %q", got, tc.want)
			}
		})
	}
	t.Run("first/after-approval", func(t *testing.T) {
		site := newEngageSite(t, "http://manset.example")
		a := site.add(t, "Politika", "dunya", 5)
		site.setting(t, settingModeration, "first")
		id, _ := site.apiComment(t, nil, a, guest("sadik@example.com", "ilk"))
		if err := site.db.SetCommentStatus(t.Context(), id, news.CommentApproved); err != nil {
			t.Fatal(err)
		}
		if _, got := site.apiComment(t, nil, a, guest("sadik@example.com", "ikinci")); got != "approved" {
			t.Errorf("known author's second comment: %q", got)
		}
		if _, got := site.apiComment(t, nil, a, guest("yeni@example.com", "ilk")); got != "pending" {
			t.Errorf("new author's first comment: %q", got)
		}
	})
	t.Run("no-token-always-held", func(t *testing.T) {
		site := newEngageSite(t, "http://manset.example")
		a := site.add(t, "Politika", "dunya", 5)
		site.setting(t, settingModeration, "none")
		in := guest("bot@example.com", "tokensiz")
		in["form_token"] = ""
		if _, got := site.apiComment(t, nil, a, in); got != "pending" {
			t.Errorf("API comment without a form token: %q", got)
		}
	})
}

func TestMemberCommentAndReplies(t *testing.T) {
	site := newEngageSite(t, "http://manset.example")
	a := site.add(t, "Tartışma", "dunya", 5)
	editor := site.client(t)
	tokenE := site.user(t, "editor@example.com", news.RoleEditor)
	u, _ := urlOf(site)
	editor.Jar.SetCookies(u, []*http.Cookie{{Name: sessionCookie, Value: tokenE, Path: "/"}})

	// A member's name comes from the account; what the form says is ignored.
	top, st := site.apiComment(t, editor, a, map[string]any{"name": "Sahte Ad", "email": "sahte@example.com", "body": "Editör yorumu"})
	if st != "approved" {
		t.Fatalf("editor's comment %q", st)
	}
	reply, _ := site.apiComment(t, site.client(t), a, map[string]any{"name": "Yanıtlayan", "email": "y@example.com",
		"body": "Bir yanıt", "parent_id": top})
	if err := site.db.SetCommentStatus(t.Context(), reply, news.CommentApproved); err != nil {
		t.Fatal(err)
	}
	site.srv.Invalidate()
	page := mustStatus(t, site, nil, "/haber/"+a.Slug, http.StatusOK)
	mustContain(t, page, `<strong class="comment-author">Deneme Kişi</strong> <span class="badge">Üye</span>`,
		`<ol class="comment-replies">`, "Bir yanıt", `href="?yanit=`)
	mustNotContain(t, page, "Sahte Ad")
	if i, j := strings.Index(page, "Editör yorumu"), strings.Index(page, "Bir yanıt"); i < 0 || j < i {
		t.Error("reply not after its parent")
	}
	list := site.apiComments(t, a)
	if len(list) != 2 || list[1].ParentID != top || !list[0].Member || list[1].Member {
		t.Errorf("API comments %+v", list)
	}
	// The no-JS reply link opens the form with the parent set.
	form := mustStatus(t, site, nil, fmt.Sprintf("/haber/%s?yanit=%d", a.Slug, top), http.StatusOK)
	mustContain(t, form, fmt.Sprintf(`name="parent_id" value="%d"`, top))
}
