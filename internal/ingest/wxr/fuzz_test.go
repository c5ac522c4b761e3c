package wxr

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzWXRReader checks that no input panics or loops the reader and that
// it yields no more items than the input has bytes.
func FuzzWXRReader(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join("testdata", "sample.xml")); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`<rss><channel><wp:tag><wp:tag_slug>a</wp:tag_slug></wp:tag><item><category domain="post_tag">x</category></item></channel></rss>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewReader(strings.NewReader(string(data)))
		for n := 0; ; n++ {
			if n > len(data) {
				t.Fatalf("%d items from %d bytes", n, len(data))
			}
			v, err := r.Next()
			if err != nil {
				return
			}
			if v == nil {
				t.Fatal("nil item without error")
			}
		}
	})
}
