package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"

	"manset/internal/news"
)

func TestCrossOriginWritesRefused(t *testing.T) {
	site := newEngageSite(t, "http://manset.example")
	a := site.add(t, "Hedef haber", "dunya", 5)
	token := site.user(t, "kurban@example.com", news.RoleReader)
	id := fmt.Sprint(a.ID)
	routes := []struct {
		method, path string
		body         any
	}{
		{"POST", "/giris", url.Values{"email": {"kurban@example.com"}, "password": {testPassword}}},
		{"POST", "/kayit", url.Values{"email": {"x@example.com"}, "name": {"X"}, "password": {testPassword}}},
		{"POST", "/cikis", nil},
		{"POST", "/hesap/sifre", url.Values{"current": {testPassword}, "password": {"ele-gecirildi-1"}}},
		{"POST", "/sifremi-unuttum", url.Values{"email": {"kurban@example.com"}}},
		{"POST", "/sifre-yenile", url.Values{"token": {"x"}, "password": {"ele-gecirildi-1"}}},
		{"POST", "/haber/" + a.Slug + "/tepki", url.Values{"kind": {"begendim"}}},
		{"POST", "/haber/" + a.Slug + "/yorum", guestForm("x", "csrf")},
		{"POST", "/api/v1/auth/register", map[string]string{"email": "y@example.com", "name": "Y", "password": testPassword}},
		{"POST", "/api/v1/auth/login", map[string]string{"email": "kurban@example.com", "password": testPassword}},
		{"POST", "/api/v1/auth/logout", nil},
		{"POST", "/api/v1/articles/" + id + "/reactions", map[string]string{"kind": "sevdim"}},
		{"DELETE", "/api/v1/articles/" + id + "/reactions", nil},
		{"POST", "/api/v1/articles/" + id + "/comments", map[string]string{"name": "A", "email": "a@example.com", "body": "csrf"}},
		{"PUT", "/api/v1/articles/" + id, map[string]string{"title": "x"}},
		{"PATCH", "/api/v1/admin/comments/1", map[string]string{"status": "approved"}},
	}
	foreign := [][]string{
		{"Origin", "https://evil.example"},
		{"Sec-Fetch-Site", "cross-site"},
		{"Origin", "http://manset.example.evil.example"},
	}
	for _, rt := range routes {
		for _, hdr := range foreign {
			t.Run(rt.method+rt.path+"/"+hdr[1], func(t *testing.T) {
				c := site.client(t)
				u, _ := urlOf(site)
				c.Jar.SetCookies(u, []*http.Cookie{{Name: sessionCookie, Value: token, Path: "/"}})
				resp, body := site.do(t, c, rt.method, rt.path, rt.body, hdr...)
				want(t, resp, body, http.StatusForbidden)
			})
		}
	}
	// Nothing happened: no reaction, no comment, the session lives, the
	// password is unchanged.
	if got := site.reactAPI(t, nil, "GET", a.ID, ""); got.Counts["begendim"]+got.Counts["sevdim"] != 0 {
		t.Errorf("a cross-origin vote counted: %v", got.Counts)
	}
	if n, _ := site.db.CountComments(t.Context(), ""); n != 0 {
		t.Errorf("%d cross-origin comments stored", n)
	}
	if _, _, err := site.auth.SessionUser(t.Context(), token); err != nil {
		t.Errorf("cross-origin logout ended the session: %v", err)
	}
	// Our own origin passes.
	resp, body := site.do(t, nil, "POST", "/api/v1/articles/"+id+"/reactions", map[string]string{"kind": "sevdim"},
		"Origin", site.ts.URL, "Sec-Fetch-Site", "same-origin")
	want(t, resp, body, http.StatusOK)
}

// xssPayloads are hostile comment texts; each must come out as inert text.
var xssPayloads = []string{
	`<script>alert(1)</script>`,
	`<img src=x onerror=alert(1)>`,
	`<svg onload=alert(1)>`,
	`<svg><script>alert(1)</script></svg>`,
	`javascript:alert(1)`,
	`<a href="javascript:alert(1)">tıkla</a>`,
	`"><script>alert(1)</script>`,
	`'><img src=x onerror=alert(1)>`,
	`" onmouseover="alert(1)`,
	`</textarea><script>alert(1)</script>`,
	`</title><script>alert(1)</script>`,
	`<iframe src="javascript:alert(1)"></iframe>`,
	`data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==`,
	`<a href="data:text/html,<script>alert(1)</script>">veri</a>`,
	`http://ornek.example/"onmouseover="alert(1)`,
	`https://ornek.example/<script>alert(1)</script>`,
	`https://ornek.example/?a=1&b="><svg/onload=alert(1)>`,
	`https://ornek.example/'onfocus='alert(1)'autofocus='`,
	`JaVaScRiPt:alert(1) ve https://iyi.example/yol`,
	`java&#x73;cript:alert(1)`,
	`\u003cscript\u003ealert(1)\u003c/script\u003e`,
	"＜script＞alert(1)＜/script＞",
	"\u202e<script>alert(1)</script>",
	"<scr\u0000ipt>alert(1)</script>",
	`<scr<script>ipt>alert(1)</script>`,
	`<body onload=alert(1)>`,
	`<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
	`<!--<script>alert(1)--></script>`,
	`<object data="data:text/html,x"></object>`,
	`<div style="background:url(javascript:alert(1))">stil</div>`,
	`{{template "layout" .}} {{.Site}}`,
	`<base href="https://evil.example/">`,
	`<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`,
	`<form action="https://evil.example"><button>gönder</button></form>`,
}

func TestCommentXSS(t *testing.T) {
	site := newEngageSite(t, "http://manset.example")
	a := site.add(t, "XSS hedefi", "dunya", 5)
	for i, p := range xssPayloads {
		name := strings.ToValidUTF8(p, "")
		if utf8.RuneCountInString(name) > news.MaxCommentNameLen {
			name = string([]rune(name)[:news.MaxCommentNameLen])
		}
		name = strings.ReplaceAll(name, "\x00", "")
		resp, body := site.do(t, nil, "POST", fmt.Sprintf("/api/v1/articles/%d/comments", a.ID),
			map[string]any{"name": name, "email": fmt.Sprintf("x%d@example.com", i), "body": "Yorum: " + p})
		want(t, resp, body, http.StatusCreated)
		var out struct{ ID int64 }
		decode(t, body, &out)
		if err := site.db.SetCommentStatus(t.Context(), out.ID, news.CommentApproved); err != nil {
			t.Fatal(err)
		}
	}
	site.srv.Invalidate()
	page := mustStatus(t, site, nil, "/haber/"+a.Slug, http.StatusOK)
	mustContain(t, page, fmt.Sprintf(`<span class="comment-count">(%d)</span>`, len(xssPayloads)),
		"&lt;script&gt;alert(1)&lt;/script&gt;",
		`<a href="https://iyi.example/yol" rel="nofollow ugc noopener" target="_blank">https://iyi.example/yol</a>`)
	assertInert(t, page, site)
	for _, v := range []string{"?yorum=yayinda", "?yanit=1"} {
		assertInert(t, mustStatus(t, site, nil, "/haber/"+a.Slug+v, http.StatusOK), site)
	}
}

// assertInert parses a page and fails on markup that could run script:
// a <script> that is not ours, an on* attribute, a javascript:/data: URL,
// or any element inside a comment's text other than p, br and our links.
func assertInert(t *testing.T, page string, site *engageSite) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		attrs := map[string]string{}
		for _, at := range n.Attr {
			attrs[at.Key] = at.Val
			v := strings.ToLower(strings.Join(strings.Fields(at.Val), ""))
			if strings.HasPrefix(at.Key, "on") {
				t.Errorf("<%s %s=%q>", n.Data, at.Key, at.Val)
			}
			if (at.Key == "href" || at.Key == "src" || at.Key == "action" || at.Key == "formaction" || at.Key == "data") &&
				(strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "data:") || strings.HasPrefix(v, "vbscript:")) {
				t.Errorf("<%s %s=%q>", n.Data, at.Key, at.Val)
			}
		}
		switch n.Data {
		case "script":
			if !strings.HasPrefix(attrs["src"], "/static/") && attrs["type"] != "application/ld+json" {
				t.Errorf("foreign <script> %v", n.Attr)
			}
		case "iframe", "object", "embed", "svg", "math", "base", "meta", "style", "form":
			if n.Data == "meta" && n.Parent != nil && n.Parent.Data == "head" {
				continue
			}
			if n.Data == "form" && (attrs["action"] == "/ara" || strings.HasPrefix(attrs["action"], "/haber/")) {
				continue
			}
			t.Errorf("unexpected <%s %v>", n.Data, n.Attr)
		}
		if hasClass(n, "comment-text") {
			for c := range n.Descendants() {
				if c.Type == html.ElementNode && c.Data != "p" && c.Data != "br" &&
					!(c.Data == "a" && attrs0(c, "rel") == "nofollow ugc noopener") {
					t.Errorf("element <%s> inside a comment", c.Data)
				}
			}
		}
	}
}

func hasClass(n *html.Node, class string) bool {
	return strings.Contains(" "+attrs0(n, "class")+" ", " "+class+" ")
}

func attrs0(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func TestCommentEmailNeverPublic(t *testing.T) {
	site := newEngageSite(t, "http://manset.example")
	site.setting(t, settingModeration, "none")
	a := site.add(t, "Sızıntı kontrolü", "dunya", 5)
	site.add(t, "Başka haber", "spor", 10)
	approved, _ := site.apiComment(t, nil, a, map[string]any{"name": "Gizli Okur", "email": "onayli-sizinti@gizli.example", "body": "Onaylı yorum sizinti"})
	site.apiComment(t, nil, a, map[string]any{"name": "Bekleyen", "email": "bekleyen-sizinti@gizli.example", "body": "bekleyen", "form_token": ""})
	site.apiComment(t, nil, a, map[string]any{"name": "Yanıtçı", "email": "yanit-sizinti@gizli.example", "body": "yanıt", "parent_id": approved})
	member := site.client(t)
	site.register(t, member, "uye-sizinti@gizli.example")
	site.apiComment(t, member, a, map[string]any{"body": "üye yorumu sizinti"})
	site.srv.Invalidate()

	id := fmt.Sprint(a.ID)
	paths := []string{"/", "/kategori/dunya", "/kategori/haberler", "/haber/" + a.Slug, "/haber/" + a.Slug + "?yorum=yayinda",
		"/haber/" + a.Slug + "?yanit=" + fmt.Sprint(approved), "/rss.xml", "/atom.xml", "/feed.json",
		"/kategori/dunya/rss.xml", "/sitemap.xml", "/sitemap-news.xml", "/robots.txt", "/ara?q=sizinti",
		"/api/v1/articles", "/api/v1/articles/" + id, "/api/v1/articles/" + id + "/comments",
		"/api/v1/articles/" + id + "/reactions", "/api/v1/search?q=sizinti", "/api/v1/categories",
		"/giris", "/kayit", "/sifremi-unuttum"}
	for _, c := range []*http.Client{nil, member} {
		for _, p := range paths {
			resp, body := site.do(t, c, "GET", p, nil)
			if resp.StatusCode >= 500 {
				t.Errorf("GET %s: %d", p, resp.StatusCode)
			}
			if strings.Contains(body, "gizli.example") {
				t.Errorf("GET %s shows a commenter's e-mail", p)
			}
		}
	}
	mustContain(t, mustStatus(t, site, nil, "/haber/"+a.Slug, http.StatusOK), "Onaylı yorum sizinti", "üye yorumu sizinti")
}
