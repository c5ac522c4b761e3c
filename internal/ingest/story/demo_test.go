package story

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"manset/internal/demo"
	"manset/internal/extract/textdump"
)

// loadDemo reads the demo articles and page dumps (from the demo package,
// at test time) as Docs in publication order.
func loadDemo(t testing.TB) []Doc {
	docs, _ := loadDemoTexts(t)
	return docs
}

// loadDemoTexts is loadDemo with each document's full text, by ID.
func loadDemoTexts(t testing.TB) ([]Doc, map[int64]string) {
	t.Helper()
	var docs []Doc
	var texts []string
	for _, a := range demo.Articles() {
		docs = append(docs, Doc{Title: a.Title, Lead: a.Summary, Time: a.Published})
		texts = append(texts, a.Title+"\n"+a.Body)
	}
	dumps, _ := filepath.Glob("../../demo/content/dumps/*.txt")
	for _, name := range dumps {
		raw, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		x, err := textdump.Parse(string(raw), "")
		if err != nil {
			t.Fatal(name, err)
		}
		d := Doc{Title: x.Title, Lead: x.Summary}
		if d.Lead == "" {
			d.Lead, _, _ = strings.Cut(x.Text, "\n\n")
		}
		if x.PublishedAt != nil {
			d.Time = *x.PublishedAt
		}
		docs = append(docs, d)
		texts = append(texts, x.Title+"\n"+x.Text)
	}
	if len(docs) < 30 {
		t.Fatalf("only %d demo documents", len(docs))
	}
	for i := range docs {
		docs[i].ID = int64(i + 1)
	}
	byID := map[int64]string{}
	for i, d := range docs {
		byID[d.ID] = texts[i]
	}
	sort.SliceStable(docs, func(i, j int) bool { return docs[i].Time.Before(docs[j].Time) })
	return docs, byID
}

// demoStories are title prefixes of the demo articles that report one
// event; every other article stands alone.
var demoStories = [][]string{
	{"Mersin Limanı'nda grev", "Mersin'de liman grevi", "Liman grevi ihracatçıyı"},
	{"Valdoria'da seçim", "Valdoria sandıktan"},
}

func storyOf(d Doc) int {
	for i, group := range demoStories {
		for _, prefix := range group {
			if strings.HasPrefix(d.Title, prefix) {
				return i + 1
			}
		}
	}
	return 0
}

// demoStats counts stems over the full texts of the demo articles, as the
// importer would over its recent articles.
func demoStats(t testing.TB) *Stats {
	_, texts := loadDemoTexts(t)
	s := NewStats()
	for _, text := range texts {
		s.Add(text)
	}
	return s
}

// TestDemoSimilarities logs the similarity of same-story pairs and the
// closest other pairs, and checks that the default threshold parts them.
func TestDemoSimilarities(t *testing.T) {
	docs := loadDemo(t)
	stats := demoStats(t)
	type pair struct {
		a, b     string
		sim, raw float64
		shared   int
		same     bool
	}
	var pairs []pair
	for i, a := range docs {
		for _, b := range docs[i+1:] {
			same := storyOf(a) != 0 && storyOf(a) == storyOf(b)
			n := shared(stats.vectorOf(a), stats.vectorOf(b))
			pairs = append(pairs, pair{a.Title, b.Title, stats.Similarity(a, b), Similarity(a, b), n, same})
		}
	}
	slices.SortFunc(pairs, func(x, y pair) int { return int((y.sim - x.sim) * 1e6) })
	var b strings.Builder
	for _, p := range pairs[:8] {
		fmt.Fprintf(&b, "\n%5.3f (no IDF %5.3f) shared %d, same=%-5v %.35s | %.35s", p.sim, p.raw, p.shared, p.same, p.a, p.b)
	}
	t.Log(b.String())
	for _, p := range pairs {
		if p.same != (p.sim >= DefaultThreshold && p.shared >= DefaultMinShared) {
			t.Errorf("similarity %.3f, %d shared, same story %v: %q / %q", p.sim, p.shared, p.same, p.a, p.b)
		}
	}
}

// TestDemoStories clusters the demo articles in publication order, as the
// importer would, and expects exactly the two multi-outlet stories.
func TestDemoStories(t *testing.T) {
	docs := loadDemo(t)
	c := &Clusterer{Stats: demoStats(t)}
	var seen []Doc
	nextStory := int64(100)
	for _, d := range docs {
		storyID, matched, ok := c.Assign(d, seen)
		if ok {
			if storyID == 0 {
				nextStory++
				storyID = nextStory
				for i := range seen {
					if seen[i].ID == matched {
						seen[i].StoryID = storyID
					}
				}
			}
			d.StoryID = storyID
		}
		seen = append(seen, d)
	}
	got := map[int64][]int{} // story id -> expected groups of its members
	for _, d := range seen {
		if d.StoryID == 0 {
			if storyOf(d) != 0 {
				t.Errorf("%q is in no story", d.Title)
			}
			continue
		}
		got[d.StoryID] = append(got[d.StoryID], storyOf(d))
	}
	var sizes []int
	for id, members := range got {
		sizes = append(sizes, len(members))
		if members[0] == 0 || slices.ContainsFunc(members, func(g int) bool { return g != members[0] }) {
			t.Errorf("story %d mixes events: %v", id, members)
		}
	}
	slices.Sort(sizes)
	if !slices.Equal(sizes, []int{2, 3}) {
		t.Errorf("story sizes %v, want [2 3]", sizes)
	}
}
