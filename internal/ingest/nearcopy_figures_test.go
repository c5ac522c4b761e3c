package ingest_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"manset/internal/ingest"
	"manset/internal/news"
	"manset/internal/turkish"
)

type demoText struct {
	Title   string `json:"title"`
	Summary string `json:"summary"`
	Body    string `json:"body_text"`
}

func loadDemoTexts(t *testing.T) []demoText {
	t.Helper()
	f, err := os.Open("../demo/content/articles.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []demoText
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var d demoText
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		out = append(out, d)
	}
	return out
}

// copyKinds are how a republished copy differs from the stored original,
// as pages arrive at the importer (headline, spot, body).
var copyKinds = []struct {
	name string
	make func(d demoText) news.Extracted
}{
	{"new headline", func(d demoText) news.Extracted {
		return news.Extracted{Title: "Son dakika: " + d.Title, Summary: d.Summary, Text: d.Body}
	}},
	{"spot moved into the body", func(d demoText) news.Extracted {
		return news.Extracted{Title: d.Title, Text: d.Summary + "\n\n" + d.Body}
	}},
	{"last paragraph cut, no spot", func(d demoText) news.Extracted {
		p := strings.Split(d.Body, "\n\n")
		return news.Extracted{Title: d.Title, Text: strings.Join(p[:len(p)-1], "\n\n")}
	}},
	{"agency intro sentence", func(d demoText) news.Extracted {
		s := turkish.SplitSentences(d.Body)
		return news.Extracted{Title: d.Title, Summary: d.Summary,
			Text: "ANKARA (Ajans) - Muhabirimizin edindiği bilgilere göre konuyla ilgili yeni gelişmeler yaşandı. " + strings.Join(s[1:], " ")}
	}},
	{"five words substituted", func(d demoText) news.Extracted {
		w := strings.Fields(d.Body)
		step := len(w) / 6
		for i := 1; i <= 5; i++ {
			w[i*step] = "bildirdi"
		}
		return news.Extracted{Title: d.Title, Summary: d.Summary, Text: strings.Join(w, " ")}
	}},
	{"headline, trim and footer", func(d demoText) news.Extracted {
		p := strings.Split(d.Body, "\n\n")
		return news.Extracted{Title: "Yeni başlık: " + d.Title, Summary: d.Summary,
			Text: strings.Join(p[:len(p)-1], "\n\n") + "\n\nKaynak: Ajans. Haberin tüm yayın hakları saklıdır."}
	}},
}

// TestNearCopyFigures measures dedup through the importer: the demo
// articles are stored (none may be taken for a copy of another, though
// several report one story), then each constructed copy arrives from
// another URL and must be skipped as a copy of its own original.
func TestNearCopyFigures(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	im := ingest.New(st, nil)
	docs := loadDemoTexts(t)
	ids := make([]int64, len(docs))
	fp := 0
	for i, d := range docs {
		o, id, err := im.SaveExtracted(ctx, news.Extracted{Title: d.Title, Summary: d.Summary, Text: d.Body,
			URL: fmt.Sprintf("https://asil.example/haber/%d", i)}, ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if o != ingest.Imported {
			fp++
			t.Errorf("original %q taken for a copy of %d", d.Title, id)
		}
		ids[i] = id
	}
	var b strings.Builder
	tp, fn, wrong := 0, 0, 0
	for _, k := range copyKinds {
		hits := 0
		for i, d := range docs {
			x := k.make(d)
			x.URL = fmt.Sprintf("https://kopya.example/%d/%s", i, turkish.Slugify(k.name))
			o, id, err := im.SaveExtracted(ctx, x, ingest.Options{})
			switch {
			case err != nil:
				t.Fatal(err)
			case o == ingest.Skipped && id == ids[i]:
				hits++
			case o == ingest.Skipped:
				wrong++
			default:
				fn++
				if err := st.DeleteArticle(ctx, id); err != nil { // keep the next kinds independent
					t.Fatal(err)
				}
			}
		}
		tp += hits
		fmt.Fprintf(&b, "  %-28s %2d/%d caught\n", k.name, hits, len(docs))
	}
	precision := float64(tp) / float64(max(1, tp+wrong+fp))
	recall := float64(tp) / float64(tp+fn+wrong)
	t.Logf("near copies through the importer (%d originals, %d copies):\n%sprecision %.3f recall %.3f (false positives: %d originals, %d copies merged into the wrong article)",
		len(docs), len(docs)*len(copyKinds), b.String(), precision, recall, fp, wrong)
	if precision < 0.99 || recall < 0.9 {
		t.Errorf("precision %.3f recall %.3f, want >= 0.99 and >= 0.9", precision, recall)
	}
}
