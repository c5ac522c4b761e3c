package sitemap

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzSitemapParse checks that no input panics and that output stays
// bounded by input.
func FuzzSitemapParse(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*.xml"))
	for _, name := range seeds {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
			f.Add(gzipped(f, b))
		}
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		entries, children, _ := Parse(body)
		limit := len(body)
		if len(body) > 1 && body[0] == 0x1f && body[1] == 0x8b {
			limit = MaxSize
		}
		if len(entries)+len(children) > limit {
			t.Fatalf("%d entries and %d children from %d bytes", len(entries), len(children), len(body))
		}
		for _, e := range entries {
			if e.Loc == "" {
				t.Fatalf("entry without loc: %+v", e)
			}
		}
	})
}
