package web

import (
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
)

// adminAllowedTags is what sanitizeBody may emit.
var adminAllowedTags = map[string]bool{"p": true, "br": true, "strong": true, "b": true, "em": true, "i": true,
	"ul": true, "ol": true, "li": true, "h2": true, "h3": true, "h4": true, "blockquote": true, "a": true}

// FuzzAdminSanitizeBody checks that whatever an editor types, the stored
// HTML has only allowed tags, no attribute but href, and no script URL.
func FuzzAdminSanitizeBody(f *testing.F) {
	for _, seed := range []string{
		"Düz metin.\n\nİkinci paragraf.",
		`<p onclick="x()">a</p><script>alert(1)</script>`,
		`<a href="javascript:alert(1)">x</a><a href=" JaVaScRiPt:alert(1)">y</a>`,
		`<a href="&#106;avascript:alert(1)">z</a>`,
		`<img src=x onerror=alert(1)><svg onload=alert(1)>`,
		`<p>3 < 5 <b>kalın</p></b><!-- yorum --><style>p{}</style>`,
		"<h1>Başlık</h1>\n\n<ul>\n<li>a</li>\n\n<li>b</li></ul>",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out, text := sanitizeBody(in)
		z := xhtml.NewTokenizer(strings.NewReader(out))
		for {
			tt := z.Next()
			if tt == xhtml.ErrorToken {
				break
			}
			if tt == xhtml.CommentToken || tt == xhtml.DoctypeToken {
				t.Fatalf("comment or doctype kept: %q", out)
			}
			if tt != xhtml.StartTagToken && tt != xhtml.SelfClosingTagToken {
				continue
			}
			tok := z.Token()
			if !adminAllowedTags[tok.Data] {
				t.Fatalf("tag <%s> kept in %q", tok.Data, out)
			}
			for _, a := range tok.Attr {
				v := strings.ToLower(strings.TrimSpace(a.Val))
				if a.Key != "href" || tok.Data != "a" || strings.HasPrefix(v, "javascript:") ||
					strings.HasPrefix(v, "data:") || strings.HasPrefix(v, "vbscript:") {
					t.Fatalf("attribute %s=%q kept in %q", a.Key, a.Val, out)
				}
			}
		}
		if out == "" && text != "" {
			t.Fatalf("text %q without HTML", text)
		}
	})
}
