package web

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"manset/internal/news"
)

// adminTest is an engageSite with an admin, an editor and a reader logged
// in (session tokens).
type adminTest struct {
	*engageSite
	admin, editor, reader string
}

func newAdminTest(t *testing.T) *adminTest {
	t.Helper()
	s := &adminTest{engageSite: newEngageSite(t, "http://manset.example")}
	s.admin = s.user(t, "yonetici@manset.example", news.RoleAdmin)
	s.editor = s.user(t, "editor@manset.example", news.RoleEditor)
	s.reader = s.user(t, "okur@manset.example", news.RoleReader)
	return s
}

// do sends a request as the holder of token ("" for a guest), without
// following redirects, and returns the response and its body.
func (s *adminTest) do(t testing.TB, method, path, token string, body io.Reader, ctype string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, s.ts.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	if token != "" {
		req.AddCookie(&http.Cookie{Name: sessionCookie, Value: token})
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

// page fetches an admin page and fails unless the status is want.
func (s *adminTest) page(t testing.TB, token, path string, want int) string {
	t.Helper()
	resp, body := s.do(t, "GET", path, token, nil, "")
	if resp.StatusCode != want {
		t.Fatalf("GET %s: status %d, want %d; body:\n%.1500s", path, resp.StatusCode, want, body)
	}
	return body
}

// post submits a form and returns the response; a 303 is what a
// successful admin form answers.
func (s *adminTest) post(t testing.TB, token, path string, form url.Values) (*http.Response, string) {
	t.Helper()
	return s.do(t, "POST", path, token, strings.NewReader(form.Encode()), "application/x-www-form-urlencoded")
}

// mustPost submits a form and fails unless it redirects (303).
func (s *adminTest) mustPost(t testing.TB, token, path string, form url.Values) string {
	t.Helper()
	resp, body := s.post(t, token, path, form)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("POST %s: status %d, want 303; body:\n%.1500s", path, resp.StatusCode, body)
	}
	return resp.Header.Get("Location")
}

// articleForm is a complete editor form with defaults for what a test
// does not care about.
func articleForm(title, body string, status news.Status, kv ...string) url.Values {
	f := url.Values{"title": {title}, "summary": {title + " spotu."}, "body": {body},
		"status": {string(status)}, "author": {"Ayşe Yılmaz"}, "category": {"0"}, "featured": {"0"}}
	for i := 0; i+1 < len(kv); i += 2 {
		f.Set(kv[i], kv[i+1])
	}
	return f
}

// createArticle submits the editor form as token and returns the stored
// article.
func (s *adminTest) createArticle(t testing.TB, token string, form url.Values) news.Article {
	t.Helper()
	loc := s.mustPost(t, token, "/admin/haberler", form)
	var id int64
	for _, a := range s.allArticles(t) {
		if a.Title == form.Get("title") {
			id = a.ID
		}
	}
	if id == 0 {
		t.Fatalf("article %q not stored (redirected to %s)", form.Get("title"), loc)
	}
	art, err := s.db.Article(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return art
}

func (s *adminTest) allArticles(t testing.TB) []news.Article {
	t.Helper()
	list, _, err := s.db.ListArticles(context.Background(), news.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// audited reports whether the audit log has an entry with action and target.
func (s *adminTest) audited(t testing.TB, action, target string) bool {
	t.Helper()
	list, err := s.db.ListAudit(context.Background(), 1000)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range list {
		if e.Action == action && (target == "" || e.Target == target) && e.ActorID != 0 {
			return true
		}
	}
	return false
}
