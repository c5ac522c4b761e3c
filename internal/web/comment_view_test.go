package web

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestCommentHTML(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Merhaba", "<p>Merhaba</p>"},
		{"bir\niki\n\nüç", "<p>bir<br>iki</p><p>üç</p>"},
		{"<b>kalın</b> & \"tırnak\"", "<p>&lt;b&gt;kalın&lt;/b&gt; &amp; &#34;tırnak&#34;</p>"},
		{"Bakın: https://ornek.example/a?b=1&c=2.", `<p>Bakın: <a href="https://ornek.example/a?b=1&amp;c=2" rel="nofollow ugc noopener" target="_blank">https://ornek.example/a?b=1&amp;c=2</a>.</p>`},
		{"(http://ornek.example/yol)", `<p>(<a href="http://ornek.example/yol" rel="nofollow ugc noopener" target="_blank">http://ornek.example/yol</a>)</p>`},
		{"javascript:alert(1)", "<p>javascript:alert(1)</p>"},
		{"ftp://ornek.example/dosya", "<p>ftp://ornek.example/dosya</p>"},
		{"http://", "<p>http://</p>"},
		{"HTTPS://ORNEK.EXAMPLE", `<p><a href="https://ORNEK.EXAMPLE" rel="nofollow ugc noopener" target="_blank">HTTPS://ORNEK.EXAMPLE</a></p>`},
	}
	for _, tc := range tests {
		if got := string(commentHTML(tc.in)); got != tc.want {
			t.Errorf("commentHTML(%q)\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
}

// FuzzCommentHTML checks that any comment renders to paragraphs, line
// breaks, http(s) links and text only, and that the text survives.
func FuzzCommentHTML(f *testing.F) {
	for _, p := range xssPayloads {
		f.Add(p)
	}
	f.Add("satır\r\nsatır\n\n\nparagraf https://a.example/x?y=\"z\"")
	f.Fuzz(func(t *testing.T, in string) {
		out := string(commentHTML(in))
		nodes, err := html.ParseFragment(strings.NewReader(out), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
		if err != nil {
			t.Fatal(err)
		}
		var text strings.Builder
		for _, top := range nodes {
			for n := range top.Descendants() {
				checkCommentNode(t, n, in)
				if n.Type == html.TextNode {
					text.WriteString(n.Data)
				}
			}
			if top.Type == html.TextNode {
				text.WriteString(top.Data)
			}
		}
		if strings.Contains(in, "\x00") || strings.Contains(in, "\r") {
			return // the HTML parser rewrites these
		}
		want := strings.Join(strings.Fields(in), "")
		if got := strings.Join(strings.Fields(text.String()), ""); got != want {
			t.Errorf("text changed:\n in %q\nout %q", want, got)
		}
	})
}

func checkCommentNode(t *testing.T, n *html.Node, in string) {
	if n.Type != html.ElementNode {
		return
	}
	switch n.Data {
	case "p", "br":
		if len(n.Attr) != 0 {
			t.Errorf("<%s> with attributes from %q", n.Data, in)
		}
	case "a":
		href := attrs0(n, "href")
		if !strings.HasPrefix(strings.ToLower(href), "http://") && !strings.HasPrefix(strings.ToLower(href), "https://") {
			t.Errorf("link %q from %q", href, in)
		}
		if len(n.Attr) != 3 || attrs0(n, "rel") != "nofollow ugc noopener" {
			t.Errorf("link attributes %v from %q", n.Attr, in)
		}
	default:
		t.Errorf("element <%s> from %q", n.Data, in)
	}
}

func TestCommentToken(t *testing.T) {
	site := newEngageSite(t, "http://manset.example")
	now := site.clock.Now()
	srv := site.srv
	other := New(Config{BaseURL: "http://manset.example", Secret: []byte("başka sır")}, Deps{Reader: site.db})
	tests := []struct {
		name  string
		token string
		ok    bool
	}{
		{"Written", srv.commentToken(7, now.Add(-time.Minute)), true},
		{"JustInTime", srv.commentToken(7, now.Add(-minFillTime)), true},
		{"TooFast", srv.commentToken(7, now.Add(-2*time.Second)), false},
		{"FromTheFuture", srv.commentToken(7, now.Add(time.Hour)), false},
		{"Expired", srv.commentToken(7, now.Add(-maxTokenAge-time.Second)), false},
		{"OtherArticle", srv.commentToken(8, now.Add(-time.Minute)), false},
		{"OtherSecret", other.commentToken(7, now.Add(-time.Minute)), false},
		{"Empty", "", false},
		{"Garbage", "abc.def", false},
	}
	for _, tc := range tests {
		if err := srv.checkCommentToken(tc.token, 7, now); (err == nil) != tc.ok {
			t.Errorf("%s: err %v, want ok=%v", tc.name, err, tc.ok)
		}
	}
}
