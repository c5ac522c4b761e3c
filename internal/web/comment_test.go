package web

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"manset/internal/auth"
	"manset/internal/news"
)

var tokenInPage = regexp.MustCompile(`name="form_token" value="([^"]+)"`)

// formToken loads the article page and returns its comment-form token.
func (s *engageSite) formToken(t testing.TB, c *http.Client, a news.Article) string {
	t.Helper()
	m := tokenInPage.FindStringSubmatch(mustStatus(t, s, c, "/haber/"+a.Slug, http.StatusOK))
	if m == nil {
		t.Fatal("no form token on the article page")
	}
	return m[1]
}

// guestForm is a filled-in guest comment form.
func guestForm(token, body string) url.Values {
	return url.Values{"name": {"Misafir Okur"}, "email": {"misafir@example.com"}, "body": {body},
		"form_token": {token}, "website": {""}}
}

// postComment sends the form and returns the response and body.
func (s *engageSite) postCommentForm(t testing.TB, c *http.Client, a news.Article, v url.Values) (*http.Response, string) {
	t.Helper()
	return s.do(t, c, "POST", "/haber/"+a.Slug+"/yorum", v)
}

// apiComments lists an article's public comments through the API.
func (s *engageSite) apiComments(t testing.TB, a news.Article) []apiComment {
	t.Helper()
	resp, body := s.do(t, nil, "GET", fmt.Sprintf("/api/v1/articles/%d/comments", a.ID), nil)
	want(t, resp, body, http.StatusOK)
	var out struct{ Items []apiComment }
	decode(t, body, &out)
	return out.Items
}

func TestGuestCommentHeldForModeration(t *testing.T) {
	site := newEngageSite(t, "http://manset.example")
	a := site.add(t, "Yorumlu haber", "dunya", 5)
	c := site.client(t)
	token := site.formToken(t, c, a)
	site.clock.Advance(10 * time.Second)

	resp, body := site.postCommentForm(t, c, a, guestForm(token, "Bekleyen misafir yorumu"))
	want(t, resp, body, http.StatusSeeOther)
	loc := resp.Header.Get("Location")
	if loc != "/haber/"+a.Slug+"?yorum=beklemede#comments" {
		t.Fatalf("Location %q", loc)
	}
	page := mustStatus(t, site, c, strings.TrimSuffix(loc, "#comments"), http.StatusOK)
	mustContain(t, page, "Yorumunuz onaylandıktan sonra yayınlanacak.")
	mustNotContain(t, page, "Bekleyen misafir yorumu")
	mustNotContain(t, mustStatus(t, site, nil, "/haber/"+a.Slug, http.StatusOK), "Bekleyen misafir yorumu", "onaylandıktan sonra")
	if got := site.apiComments(t, a); len(got) != 0 {
		t.Errorf("API lists pending comments: %+v", got)
	}
	queue, n, err := site.db.ListCommentsForModeration(t.Context(), news.CommentPending, 10, 0)
	if err != nil || n != 1 || queue[0].Email != "misafir@example.com" || queue[0].IP == "" {
		t.Fatalf("moderation queue %+v (%d, %v)", queue, n, err)
	}

	// Approved, it shows on the page, in the API and in the card count.
	if err := site.db.SetCommentStatus(t.Context(), queue[0].ID, news.CommentApproved); err != nil {
		t.Fatal(err)
	}
	site.srv.Invalidate()
	mustContain(t, mustStatus(t, site, nil, "/haber/"+a.Slug, http.StatusOK), "Bekleyen misafir yorumu", "Misafir Okur",
		`<span class="comment-count">(1)</span>`)
	if got := site.apiComments(t, a); len(got) != 1 || got[0].Name != "Misafir Okur" {
		t.Errorf("API after approval: %+v", got)
	}
	mustContain(t, mustStatus(t, site, nil, "/", http.StatusOK), "1 yorum")
}

func TestCommentBotAndLimitChecks(t *testing.T) {
	site := newEngageSite(t, "http://manset.example")
	a := site.add(t, "Korunan haber", "dunya", 5)
	c := site.client(t)
	oldToken := site.formToken(t, c, a)
	site.clock.Advance(10 * time.Second)
	// The token the page's script fetches when the reader starts writing.
	resp, body := site.do(t, c, "GET", fmt.Sprintf("/api/v1/articles/%d/comments/token", a.ID), nil)
	want(t, resp, body, http.StatusOK)
	var tok struct{ Token string }
	decode(t, body, &tok)
	freshToken := tok.Token

	long := strings.Repeat("ç", news.MaxCommentLen+1)
	tests := []struct {
		name   string
		edit   func(url.Values)
		status int
		msg    string
	}{
		{"Honeypot", func(v url.Values) { v.Set("website", "http://spam.example") }, 400, "Yorumunuz gönderilemedi."},
		{"TooFast", func(v url.Values) { v.Set("form_token", freshToken) }, 400, "çok hızlı gönderildi"},
		{"NoToken", func(v url.Values) { v.Del("form_token") }, 400, "Yorum formu geçersiz"},
		{"ForgedToken", func(v url.Values) { v.Set("form_token", "1.AAAA") }, 400, "Yorum formu geçersiz"},
		{"OtherArticleToken", func(v url.Values) {
			v.Set("form_token", site.srv.commentToken(a.ID+1, site.clock.Now().Add(-time.Minute)))
		}, 400, "Yorum formu geçersiz"},
		{"TooLong", func(v url.Values) { v.Set("body", long) }, 400, "Yorum en fazla 4000 karakter olabilir"},
		{"NameTooLong", func(v url.Values) { v.Set("name", strings.Repeat("a", 101)) }, 400, "Ad en fazla 100 karakter"},
		{"NoEmail", func(v url.Values) { v.Del("email") }, 400, "Ad ve e-posta gerekli."},
		{"BadEmail", func(v url.Values) { v.Set("email", "eposta-degil") }, 400, "Geçerli bir e-posta adresi girin."},
		{"Empty", func(v url.Values) { v.Set("body", "   ") }, 400, "Yorum boş olamaz."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := guestForm(oldToken, "Geçerli bir yorum metni.")
			tc.edit(v)
			resp, body := site.postCommentForm(t, c, a, v)
			want(t, resp, body, tc.status)
			mustContain(t, body, tc.msg)
			if !strings.Contains(body, "Geçerli bir yorum metni.") && v.Get("body") == "Geçerli bir yorum metni." {
				t.Error("the form came back without what the reader typed")
			}
		})
	}
	if n, _ := site.db.CountComments(t.Context(), ""); n != 0 {
		t.Errorf("%d comments stored by rejected submissions", n)
	}
	// The API gives the same message for an overlong body.
	resp, body = site.do(t, nil, "POST", fmt.Sprintf("/api/v1/articles/%d/comments", a.ID),
		map[string]any{"name": "A", "email": "a@example.com", "body": long})
	want(t, resp, body, http.StatusBadRequest)
	mustContain(t, body, "Yorum en fazla 4000 karakter olabilir")
	// The form that was too fast works once the reader has taken time.
	site.clock.Advance(5 * time.Second)
	resp, body = site.postCommentForm(t, c, a, guestForm(freshToken, "Sonunda gönderildi."))
	want(t, resp, body, http.StatusSeeOther)
}

func TestCommentRateLimit(t *testing.T) {
	site := newEngageSite(t, "http://manset.example", func(cfg *Config, _ *Deps, _ *auth.Config) {
		cfg.EngageLimits.Comments = auth.Rule{Every: time.Hour, Burst: 3}
	})
	a := site.add(t, "Sınırlı", "dunya", 5)
	var last int
	for i := range 4 {
		resp, _ := site.do(t, nil, "POST", fmt.Sprintf("/api/v1/articles/%d/comments", a.ID),
			map[string]any{"name": "A", "email": "a@example.com", "body": fmt.Sprintf("yorum %d", i)})
		last = resp.StatusCode
		if i < 3 && last != http.StatusCreated {
			t.Fatalf("comment %d: status %d", i, last)
		}
	}
	if last != http.StatusTooManyRequests {
		t.Errorf("4th comment in a burst of 3: status %d, want 429", last)
	}
}
