package dedup

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"manset/internal/demo"
	"manset/internal/extract/textdump"
	"manset/internal/turkish"
)

// demoArticle is one demo article, read from the demo package at test time.
type demoArticle struct {
	Title   string `json:"title"`
	Summary string `json:"summary"`
	Body    string `json:"body_text"`
}

func (a demoArticle) text() string { return a.Title + "\n\n" + a.Body }

func (a demoArticle) paragraphs() []string { return strings.Split(a.Body, "\n\n") }

// loadDemo returns the demo articles and, last, the third Mersin port strike
// article, which the demo ships as a page dump of another outlet.
func loadDemo(t testing.TB) []demoArticle {
	t.Helper()
	var out []demoArticle
	for _, a := range demo.Articles() {
		out = append(out, demoArticle{Title: a.Title, Summary: a.Summary, Body: a.Body})
	}
	raw, err := os.ReadFile("../../demo/content/dumps/bosphorus-post-liman.txt")
	if err != nil {
		t.Fatal(err)
	}
	x, err := textdump.Parse(string(raw), "")
	if err != nil {
		t.Fatal(err)
	}
	out = append(out, demoArticle{Title: x.Title, Summary: x.Summary, Body: x.Text})
	if len(out) < 20 {
		t.Fatalf("only %d demo articles", len(out))
	}
	return out
}

// variant is one way a copy of an article differs from the original.
type variant struct {
	name string
	make func(a demoArticle) string
}

var variants = []variant{
	{"exact copy", func(a demoArticle) string { return a.text() }},
	{"new headline", func(a demoArticle) string {
		return firstSentence(a.Summary) + "\n\n" + a.Body
	}},
	{"last paragraph cut", func(a demoArticle) string {
		p := a.paragraphs()
		return a.Title + "\n\n" + strings.Join(p[:len(p)-1], "\n\n")
	}},
	{"first paragraph rewritten", func(a demoArticle) string {
		p := a.paragraphs()
		return a.Title + "\n\n" + a.Summary + "\n\n" + strings.Join(p[1:], "\n\n")
	}},
	{"agency intro sentence", func(a demoArticle) string {
		s := turkish.SplitSentences(a.Body)
		intro := "ANKARA (Ajans) - Muhabirimizin edindiği bilgilere göre konuyla ilgili yeni gelişmeler yaşandı."
		return a.Title + "\n\n" + intro + " " + strings.Join(s[1:], " ")
	}},
	{"case, spacing, diacritics", func(a demoArticle) string {
		body := strings.ReplaceAll(asciiFold(a.Body), "\n\n", "\n \n  ")
		return turkish.Upper(a.Title) + "\n\n" + strings.ReplaceAll(body, " ", "  ")
	}},
	{"five words substituted", func(a demoArticle) string {
		return a.Title + "\n\n" + substitute(a.Body, 5)
	}},
	{"headline, trim and footer", func(a demoArticle) string {
		p := a.paragraphs()
		return firstSentence(a.Summary) + "\n\n" + strings.Join(p[:len(p)-1], "\n\n") +
			"\n\nKaynak: Ajans. Haberin tüm yayın hakları saklıdır, izinsiz kullanılamaz."
	}},
}

func firstSentence(s string) string {
	if ss := turkish.SplitSentences(s); len(ss) > 0 {
		return ss[0]
	}
	return s
}

// asciiFold writes Turkish letters without diacritics, as some sites do.
func asciiFold(s string) string {
	return strings.NewReplacer("ç", "c", "Ç", "C", "ğ", "g", "Ğ", "G", "ı", "i", "İ", "I",
		"ö", "o", "Ö", "O", "ş", "s", "Ş", "S", "ü", "u", "Ü", "U").Replace(s)
}

// substitute replaces n words spread evenly through s with other words.
func substitute(s string, n int) string {
	words := strings.Fields(s)
	repl := []string{"açıkladı", "bildirdi", "kaydetti", "vurguladı", "aktardı"}
	step := len(words) / (n + 1)
	for i := 1; i <= n; i++ {
		words[i*step] = repl[i%len(repl)]
	}
	return strings.Join(words, " ")
}

// labelledPair is one constructed pair with its SimHash distance.
type labelledPair struct {
	kind string
	dup  bool
	dist int
	res  float64 // Resemblance
}

func pairOf(kind string, dup bool, a, b string) labelledPair {
	return labelledPair{kind, dup, Distance(SimHash(a), SimHash(b)), Resemblance(a, b)}
}

func constructPairs(arts []demoArticle) []labelledPair {
	var out []labelledPair
	for i, a := range arts {
		for j := i + 1; j < len(arts); j++ {
			out = append(out, pairOf("different articles", false, a.text(), arts[j].text()))
		}
		for _, v := range variants {
			copied := v.make(a)
			out = append(out, pairOf(v.name, true, a.text(), copied))
			for j := range arts {
				if j != i {
					out = append(out, pairOf("variant vs other article", false, arts[j].text(), copied))
				}
			}
		}
	}
	return out
}

// sameStory are title prefixes of demo articles that report one event from
// different outlets: related, never duplicates.
var sameStory = [][]string{
	{"Mersin Limanı'nda grev", "Mersin'de liman grevi", "Liman grevi ihracatçıyı"},
	{"Valdoria'da seçim", "Valdoria sandıktan"},
}

func storyPairs(arts []demoArticle) []labelledPair {
	var out []labelledPair
	for _, group := range sameStory {
		var texts []string
		for _, prefix := range group {
			for _, a := range arts {
				if strings.HasPrefix(a.Title, prefix) {
					texts = append(texts, a.text())
				}
			}
		}
		for i := range texts {
			for j := i + 1; j < len(texts); j++ {
				out = append(out, pairOf("same story, other outlet", false, texts[i], texts[j]))
			}
		}
	}
	return out
}

type score struct{ precision, recall float64 }

// scoreAt scores the rule "SimHash within k bits and Resemblance at least
// minRes" over pairs.
func scoreAt(pairs []labelledPair, k int, minRes float64) score {
	var tp, fp, fn int
	for _, p := range pairs {
		switch near := p.dist <= k && p.res >= minRes; {
		case near && p.dup:
			tp++
		case near && !p.dup:
			fp++
		case !near && p.dup:
			fn++
		}
	}
	s := score{precision: 1, recall: 1}
	if tp+fp > 0 {
		s.precision = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		s.recall = float64(tp) / float64(tp+fn)
	}
	return s
}

// TestDedupFigures measures SimHash on constructed pairs and logs the
// precision/recall table (go test -v -run DedupFigures). It checks the
// chosen DefaultMaxDistance and that same-story articles stay apart.
func TestDedupFigures(t *testing.T) {
	arts := loadDemo(t)
	pairs := append(constructPairs(arts), storyPairs(arts)...)
	if n := len(storyPairs(arts)); n != 4 {
		t.Fatalf("found %d same-story pairs in the demo, want 4", n)
	}
	t.Log(distanceSummary(pairs))
	var b strings.Builder
	fmt.Fprintf(&b, "\n%9s %20s %20s\n", "", "SimHash alone", "and Resemblance")
	fmt.Fprintf(&b, "%9s %10s %9s %10s %9s\n", "max dist", "precision", "recall", "precision", "recall")
	for k := 0; k <= 24; k += 2 {
		s, r := scoreAt(pairs, k, 0), scoreAt(pairs, k, MinResemblance)
		fmt.Fprintf(&b, "%9d %10.3f %9.3f %10.3f %9.3f\n", k, s.precision, s.recall, r.precision, r.recall)
	}
	t.Log(b.String())
	s := scoreAt(pairs, DefaultMaxDistance, 0)
	if s.precision < 0.95 || s.recall < 0.9 {
		t.Errorf("at DefaultMaxDistance %d: precision %.3f recall %.3f, want >= 0.95 and >= 0.9",
			DefaultMaxDistance, s.precision, s.recall)
	}
	for _, p := range storyPairs(arts) {
		if p.dist <= DefaultMaxDistance {
			t.Errorf("same-story articles at distance %d count as duplicates", p.dist)
		}
	}
}

// distanceSummary gives min, mean and max distance per kind of pair.
func distanceSummary(pairs []labelledPair) string {
	type agg struct {
		n, sum, lo, hi int
		resLo, resHi   float64
	}
	byKind := map[string]*agg{}
	var kinds []string
	for _, p := range pairs {
		a := byKind[p.kind]
		if a == nil {
			a = &agg{lo: 64, resLo: 1}
			byKind[p.kind] = a
			kinds = append(kinds, p.kind)
		}
		a.n++
		a.sum += p.dist
		a.lo, a.hi = min(a.lo, p.dist), max(a.hi, p.dist)
		a.resLo, a.resHi = min(a.resLo, p.res), max(a.resHi, p.res)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n%-28s %5s %4s %5s %4s %16s\n", "pair kind", "pairs", "min", "mean", "max", "resemblance")
	for _, k := range kinds {
		a := byKind[k]
		fmt.Fprintf(&b, "%-28s %5d %4d %5.1f %4d %7.2f - %4.2f\n", k, a.n, a.lo, float64(a.sum)/float64(a.n), a.hi, a.resLo, a.resHi)
	}
	return b.String()
}
