package feed

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzFeedParse checks that no input panics the parser and that what comes
// out is valid UTF-8 and no bigger than what went in.
func FuzzFeedParse(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*.*"))
	for _, name := range seeds {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`<rss version="2.0"><channel><item><link>//x</link></item></channel></rss>`))
	f.Fuzz(func(t *testing.T, body []byte) {
		title, items, err := Parse(body, "https://fuzz.example/feed")
		if err != nil {
			return
		}
		if len(items) > len(body) {
			t.Fatalf("%d items from %d bytes", len(items), len(body))
		}
		if !utf8.ValidString(title) {
			t.Errorf("title not UTF-8: %q", title)
		}
		for _, it := range items {
			if !utf8.ValidString(it.Title) || !utf8.ValidString(it.ContentHTML) {
				t.Errorf("item not UTF-8: %#v", it)
			}
		}
		DiscoverLinks(body, "https://fuzz.example/gundem")
	})
}
