// Command search benchmarks Manşet's search: it fills a fresh SQLite file
// with N synthetic Turkish articles through the real store, then times a
// fixed query mix through the real search package and prints a table.
//
//	go run ./bench/search -n 100000 -db /tmp/search.db
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"runtime/pprof"
	"slices"
	"time"

	"manset/internal/news"
	"manset/internal/search"
	"manset/internal/store/sqlite"
)

func main() {
	n := flag.Int("n", 100_000, "articles to generate")
	dbPath := flag.String("db", "search-bench.db", "SQLite file to create (must not exist unless -reuse)")
	reuse := flag.Bool("reuse", false, "query an existing file instead of building one")
	demo := flag.String("demo", "internal/demo/content/articles.jsonl", "demo articles to learn words from")
	perClass := flag.Int("queries", 20, "queries per class")
	rounds := flag.Int("rounds", 5, "times each query is run")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the query phase to this file")
	flag.Parse()
	ctx := context.Background()
	c, err := loadCorpus(*demo, 1, *n)
	if err != nil {
		log.Fatal(err)
	}
	if !*reuse {
		if _, err := os.Stat(*dbPath); err == nil {
			log.Fatalf("%s exists; remove it or pass -reuse", *dbPath)
		}
	}
	db, err := sqlite.Open(ctx, *dbPath)
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	if !*reuse {
		build(ctx, db, c, *n, *dbPath)
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			log.Fatal(err)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	measure(ctx, db, c.queryMix(*perClass), *rounds)
}

// build inserts n articles, generating text in a second goroutine so that
// the writer's time is mostly the store's (normalising and indexing).
func build(ctx context.Context, db *sqlite.DB, c *corpus, n int, path string) {
	ch := make(chan news.Article, 256)
	go func() {
		for i := range n {
			ch <- c.article(i)
		}
		close(ch)
	}()
	start := time.Now()
	i := 0
	for a := range ch {
		if err := db.CreateArticle(ctx, &a); err != nil {
			log.Fatalf("article %d: %v", i, err)
		}
		if i++; i%50_000 == 0 {
			el := time.Since(start)
			fmt.Fprintf(os.Stderr, "%d articles, %.0f/s\n", i, float64(i)/el.Seconds())
		}
	}
	el := time.Since(start)
	size := fileSize(path) + fileSize(path+"-wal")
	fmt.Printf("build: %d articles in %s = %.0f articles/s (store.CreateArticle incl. normalising and FTS5), file %.0f MB\n\n",
		n, el.Round(time.Second), float64(n)/el.Seconds(), float64(size)/1e6)
}

func measure(ctx context.Context, db *sqlite.DB, mix []queryClass, rounds int) {
	svc := search.New(db, search.Options{})
	if _, err := svc.Search(ctx, search.Request{Query: "ısınma"}); err != nil { // builds the vocabulary
		log.Fatal(err)
	}
	fmt.Printf("%-10s %7s %9s %9s %9s %10s   %s\n", "class", "samples", "p50 ms", "p95 ms", "max ms", "avg total", "store p95 ms")
	var all, allStore []time.Duration
	for _, cl := range mix {
		var lat, storeLat []time.Duration
		totals := 0
		for range rounds {
			for _, q := range cl.queries {
				t0 := time.Now()
				res, err := svc.Search(ctx, search.Request{Query: q})
				if err != nil {
					log.Fatalf("%q: %v", q, err)
				}
				lat = append(lat, time.Since(t0))
				totals += res.Total
				storeLat = append(storeLat, timeStore(ctx, db, res.Query))
			}
		}
		all, allStore = append(all, lat...), append(allStore, storeLat...)
		fmt.Printf("%-10s %7d %9.2f %9.2f %9.2f %10d   %9.2f   e.g. %s\n", cl.name, len(lat), pct(lat, 50), pct(lat, 95),
			pct(lat, 100), totals/len(lat), pct(storeLat, 95), cl.queries[0])
	}
	fmt.Printf("%-10s %7d %9.2f %9.2f %9.2f %10s   %9.2f\n", "ALL", len(all), pct(all, 50), pct(all, 95), pct(all, 100), "", pct(allStore, 95))
}

// timeStore times the index query alone (no article loads, no snippets).
func timeStore(ctx context.Context, db *sqlite.DB, q search.Query) time.Duration {
	if q.Empty() {
		return 0
	}
	t0 := time.Now()
	_, _, err := db.SearchArticles(ctx, news.SearchQuery{All: q.All, None: q.None, VisibleAt: time.Now(),
		Weights: news.SearchWeights{Title: 4, Summary: 2, Body: 1}, Limit: 500})
	if err != nil {
		log.Fatal(err)
	}
	return time.Since(t0)
}

func pct(d []time.Duration, p int) float64 {
	s := slices.Clone(d)
	slices.Sort(s)
	i := min(len(s)-1, (len(s)*p+99)/100-1)
	return float64(s[max(0, i)].Microseconds()) / 1000
}

func fileSize(path string) int64 {
	if st, err := os.Stat(path); err == nil {
		return st.Size()
	}
	return 0
}
