package textdump

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"manset/internal/news"
)

// FuzzParse checks that any input gives either an EINVALID error or an
// article made of valid UTF-8 whose text uses only characters of the input
// (plus the spaces and newlines that join and repair paragraphs). Seeds are
// the golden fixtures, the demo dumps and the odd cases in testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	dumps, _ := filepath.Glob("testdata/*.txt")
	demo, _ := filepath.Glob("../../demo/content/dumps/*.txt")
	for _, p := range append(dumps, demo...) {
		raw, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(raw), "https://ornek.com/haber")
	}
	f.Fuzz(func(t *testing.T, text, pageURL string) {
		got, err := Parse(text, pageURL)
		if err != nil {
			if code := news.ErrorCode(err); code != news.EINVALID {
				t.Fatalf("error code %q, want %q: %v", code, news.EINVALID, err)
			}
			return
		}
		for name, v := range map[string]string{"title": got.Title, "text": got.Text, "summary": got.Summary,
			"html": got.HTML, "author": got.Author, "category": got.Category, "url": got.URL} {
			if !utf8.ValidString(v) {
				t.Fatalf("%s is not valid UTF-8: %q", name, v)
			}
		}
		if got.Title == "" || got.Text == "" {
			t.Fatalf("article without title or text: %+v", got)
		}
		allowed := map[rune]bool{'\n': true, ' ': true}
		for _, r := range strings.ToValidUTF8(text, "") {
			allowed[r] = true
		}
		for _, field := range []string{got.Text, got.Title, got.Summary} {
			for _, r := range field {
				if !allowed[r] {
					t.Fatalf("output has %q, which is not in the input", r)
				}
			}
		}
		if strings.Contains(got.Text, "\n\n\n") || strings.HasPrefix(got.Text, "\n") {
			t.Fatalf("text has empty paragraphs: %q", got.Text)
		}
	})
}
