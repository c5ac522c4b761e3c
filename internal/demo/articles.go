package demo

import (
	"bufio"
	"encoding/json"
	"strings"
	"time"
)

// Article is one demo article of articles.jsonl as tests and benchmarks use
// it: the text fields, the last element of its category path and its date.
type Article struct {
	Title     string
	Summary   string
	Body      string // paragraphs separated by a blank line
	Category  string // e.g. "Dünya"
	Published time.Time
}

// Articles parses the embedded articles.jsonl, in file order. The file is
// checked by this package's tests, so a broken line is a programming error.
func Articles() []Article {
	f, err := Files().Open("articles.jsonl")
	if err != nil {
		panic("demo: " + err.Error())
	}
	defer f.Close()
	var out []Article
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var rec struct {
			Title, Summary string
			Body           string    `json:"body_text"`
			Published      time.Time `json:"published_at"`
			Category       struct{ Path string }
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			panic("demo: articles.jsonl: " + err.Error())
		}
		path := strings.Split(rec.Category.Path, "›")
		out = append(out, Article{
			Title: rec.Title, Summary: rec.Summary, Body: rec.Body,
			Category: strings.TrimSpace(path[len(path)-1]), Published: rec.Published,
		})
	}
	return out
}
