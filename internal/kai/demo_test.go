package kai

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"manset/internal/extract/textdump"
)

// demoArticle is one demo article or page dump as the article page offers
// it to KAI: its title and its spot followed by its body.
type demoArticle struct {
	Name  string // file base name for dumps, "a<N>" for articles.jsonl line N
	Title string
	Text  string
}

// loadDemoArticles reads the demo content (read-only, at test time) so the
// tests ask questions of the articles a newcomer sees.
func loadDemoArticles(t testing.TB) []demoArticle {
	t.Helper()
	f, err := os.Open("../demo/content/articles.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []demoArticle
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var a struct {
			Title, Summary string
			Body           string `json:"body_text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		out = append(out, demoArticle{Name: "a" + itoa(len(out)), Title: a.Title, Text: joinSpot(a.Summary, a.Body)})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	dumps, _ := filepath.Glob("../demo/content/dumps/*.txt")
	for _, name := range dumps {
		raw, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		x, err := textdump.Parse(string(raw), "")
		if err != nil {
			t.Fatal(name, err)
		}
		base := strings.TrimSuffix(filepath.Base(name), ".txt")
		out = append(out, demoArticle{Name: base, Title: x.Title, Text: joinSpot(x.Summary, x.Text)})
	}
	if len(out) < 30 {
		t.Fatalf("only %d demo articles", len(out))
	}
	return out
}

func joinSpot(spot, body string) string {
	spot, body = strings.TrimSpace(spot), strings.TrimSpace(body)
	if spot == "" || strings.HasPrefix(body, spot) {
		return body
	}
	return spot + "\n\n" + body
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
