package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// addSeeds adds the handwritten pages and the files in testdata/fuzz.
func addSeeds(f *testing.F) {
	for _, dir := range []string{"pages", "fuzz"} {
		files, _ := filepath.Glob(filepath.Join("testdata", dir, "*"))
		for _, name := range files {
			if filepath.Ext(name) == ".json" {
				continue
			}
			b, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
		}
	}
}

func FuzzHTML(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		got, err := HTML(body, "https://haber.example/gundem/x", "")
		if err != nil {
			return
		}
		for _, s := range []string{got.Title, got.Text, got.HTML, got.Author, got.Summary, got.Category} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in output: %q", s)
			}
		}
	})
}

// FuzzDropLeadBlock: the function removes at most the first paragraph, and
// only one whose text is the given text.
func FuzzDropLeadBlock(f *testing.F) {
	f.Add("<p>Spot cümlesi.</p><p>Gövde.</p>", "Spot cümlesi.")
	f.Add("<div><p>Spot</p></div>", "Spot")
	f.Add("<p>a<p>b</p></p>", "a")
	f.Fuzz(func(t *testing.T, fragment, text string) {
		out := DropLeadBlock(fragment, text)
		if out == fragment {
			return
		}
		if len(out) >= len(fragment) {
			t.Fatalf("changed without getting shorter: %q -> %q", fragment, out)
		}
		before, after := FragmentText(fragment), FragmentText(out)
		if !strings.HasPrefix(before, strings.Join(strings.Fields(text), " ")) {
			t.Fatalf("removed a paragraph that is not %q: %q -> %q", text, before, after)
		}
	})
}
