// Command extraction measures article extractors on the article-body
// benchmark: word 4-gram shingle precision, recall, F1 and exact-token
// accuracy (the upstream evaluate.py metric), and pages per second on one
// core. It compares manset's extractor with go-trafilatura and
// go-readability, which live only in this module.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	readeck "codeberg.org/readeck/go-readability/v2"
	shiori "github.com/go-shiori/go-readability"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"manset/internal/extract"
)

const fakeURL = "https://fake-url.com"

// page is one benchmark page, decompressed in memory.
type page struct {
	id   string
	html []byte
	gold string
}

// tool is one extractor under test: raw page bytes in, article text out.
type tool struct {
	name string
	run  func([]byte) string
}

func main() {
	dataDir := flag.String("data", "../../../shared/bench/extraction", "benchmark folder with html/ and ground-truth.json")
	only := flag.String("only", "", "comma-separated tool names to run (default all)")
	rounds := flag.Int("rounds", 3, "timing rounds per tool; the fastest is reported")
	worst := flag.Int("worst", 0, "list the N pages where manset scores lowest")
	dump := flag.String("dump", "", "write manset's text for each page into this folder")
	showID := flag.String("show", "", "print manset's paragraphs against the gold for pages whose id starts with this")
	flag.Parse()
	runtime.GOMAXPROCS(1)

	pages, err := loadPages(*dataDir)
	if err != nil {
		log.Fatal(err)
	}
	var results []result
	for _, t := range tools() {
		if *only != "" && !contains(strings.Split(*only, ","), t.name) {
			continue
		}
		r := evaluate(t, pages, *rounds)
		results = append(results, r)
		if t.name == "manset" {
			if *worst > 0 {
				printWorst(r, pages, *worst)
			}
			for i, p := range pages {
				if *showID != "" && strings.HasPrefix(p.id, *showID) {
					show(p, r.outputs[i])
				}
			}
			if *dump != "" {
				writeDump(*dump, pages, r.outputs)
			}
		}
	}
	printTable(results, len(pages))
}

func tools() []tool {
	u, _ := url.Parse(fakeURL)
	return []tool{
		{"manset", func(b []byte) string {
			e, err := extract.HTML(b, fakeURL, "")
			if err != nil {
				return ""
			}
			return e.Text
		}},
		{"go-trafilatura", func(b []byte) string {
			doc, err := html.Parse(bytes.NewReader(b))
			if err != nil {
				return ""
			}
			r, err := trafilatura.ExtractDocument(doc, trafilatura.Options{EnableFallback: true, OriginalURL: u})
			if err != nil || r == nil {
				return ""
			}
			return strings.ReplaceAll(r.ContentText, "\u00ad", "")
		}},
		{"readeck/go-readability", func(b []byte) string {
			doc, err := html.Parse(bytes.NewReader(b))
			if err != nil {
				return ""
			}
			a, err := readeck.FromDocument(doc, u)
			if err != nil {
				return ""
			}
			var sb strings.Builder
			if a.RenderText(&sb) != nil {
				return ""
			}
			return sb.String()
		}},
		{"go-shiori/go-readability", func(b []byte) string {
			doc, err := html.Parse(bytes.NewReader(b))
			if err != nil {
				return ""
			}
			a, err := shiori.FromDocument(doc, u)
			if err != nil {
				return ""
			}
			return a.TextContent
		}},
	}
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if strings.TrimSpace(x) == s {
			return true
		}
	}
	return false
}

func loadPages(dir string) ([]page, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, err
	}
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(raw, &gt); err != nil {
		return nil, fmt.Errorf("ground truth: %w", err)
	}
	var pages []page
	for id, g := range gt {
		b, err := readGz(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			return nil, err
		}
		pages = append(pages, page{id: id, html: b, gold: g.ArticleBody})
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].id < pages[j].id })
	return pages, nil
}

func readGz(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return io.ReadAll(zr)
}

// evaluate runs t over all pages rounds times, timing only the extraction
// calls, and scores the outputs of the first round.
func evaluate(t tool, pages []page, rounds int) result {
	outputs := make([]string, len(pages))
	best := time.Duration(0)
	for r := 0; r < max(rounds, 1); r++ {
		runtime.GC()
		var total time.Duration
		for i, p := range pages {
			start := time.Now()
			out := t.run(p.html)
			total += time.Since(start)
			if r == 0 {
				outputs[i] = out
			}
		}
		if best == 0 || total < best {
			best = total
		}
	}
	res := score(pages, outputs)
	res.name = t.name
	res.outputs = outputs
	res.pagesPerSec = float64(len(pages)) / best.Seconds()
	return res
}

func printWorst(r result, pages []page, n int) {
	idx := make([]int, len(pages))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return r.docs[idx[a]].f1() < r.docs[idx[b]].f1() })
	fmt.Println("manset's lowest pages (id, P, R, gold chars, ours chars):")
	for _, i := range idx[:min(n, len(idx))] {
		d := r.docs[i]
		fmt.Printf("  %s  P=%.3f R=%.3f  gold=%d ours=%d\n", pages[i].id[:12], d.p, d.r, len(pages[i].gold), len(r.outputs[i]))
	}
}

func writeDump(dir string, pages []page, outputs []string) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		log.Fatal(err)
	}
	for i, p := range pages {
		if err := os.WriteFile(filepath.Join(dir, p.id[:12]+".txt"), []byte(outputs[i]), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

func printTable(results []result, n int) {
	fmt.Printf("\n%d pages, GOMAXPROCS=1, page URL %s\n\n", n, fakeURL)
	fmt.Printf("%-26s %-14s %-14s %-14s %-14s %10s\n", "tool", "F1", "precision", "recall", "accuracy", "pages/s")
	var traf float64
	for _, r := range results {
		if r.name == "go-trafilatura" {
			traf = r.pagesPerSec
		}
	}
	for _, r := range results {
		fmt.Printf("%-26s %.3f ± %.3f  %.3f ± %.3f  %.3f ± %.3f  %.3f ± %.3f  %10.1f\n", r.name,
			r.f1, r.sd[2], r.p, r.sd[0], r.r, r.sd[1], r.acc, r.sd[3], r.pagesPerSec)
	}
	for _, r := range results {
		if r.name == "manset" && traf > 0 {
			fmt.Printf("\nmanset speed vs go-trafilatura: %.2fx\n", r.pagesPerSec/traf)
		}
	}
}
