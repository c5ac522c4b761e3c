package demo

import (
	"strings"
	"testing"
)

// shingles returns the set of lower-cased word 4-grams of text.
func shingles(text string) map[string]bool {
	words := strings.Fields(strings.ToLower(text))
	out := map[string]bool{}
	for i := 0; i+4 <= len(words); i++ {
		out[strings.Join(words[i:i+4], " ")] = true
	}
	return out
}

func jaccard(a, b map[string]bool) float64 {
	inter := 0
	for k := range a {
		if b[k] {
			inter++
		}
	}
	union := len(a) + len(b) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

// TestNoNearCopies keeps every article original: even the story groups
// (several outlets on one event) are reworded, so dedup must not merge them
// while clustering still can.
func TestNoNearCopies(t *testing.T) {
	arts := loadArticles(t)
	sets := make([]map[string]bool, len(arts))
	for i, a := range arts {
		sets[i] = shingles(a.BodyText)
	}
	for i := range arts {
		for j := i + 1; j < len(arts); j++ {
			if s := jaccard(sets[i], sets[j]); s > 0.2 {
				t.Errorf("%q and %q share %.0f%% of their 4-grams", arts[i].Title, arts[j].Title, s*100)
			}
		}
	}
}

// TestStoryGroups checks that the demo has events told by several outlets,
// which story clustering is meant to group.
func TestStoryGroups(t *testing.T) {
	var texts []string
	for _, a := range loadArticles(t) {
		texts = append(texts, a.BodyText)
	}
	for _, d := range loadDumps(t) {
		texts = append(texts, strings.Join(d.lines, "\n"))
	}
	for key, want := range map[string]int{"Doğu Akdeniz Konteyner Terminali": 3, "Valdoria": 2} {
		n := 0
		for _, text := range texts {
			if strings.Contains(text, key) {
				n++
			}
		}
		if n < want {
			t.Errorf("%d texts tell the story of %q, want at least %d", n, key, want)
		}
	}
}
