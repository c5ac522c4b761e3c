// Command kaieval measures KAI's extractive ranker on a SQuAD-format file:
//
//	go run ./internal/kai/cmd/kaieval -scope article FILE.json
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"manset/internal/kai"
	"manset/internal/turkish"
)

func main() {
	scope := flag.String("scope", kai.ScopeArticle, "paragraph or article")
	stem := flag.String("stem", "", "measure another stemmer: snowball, prefixN (N letters), none")
	bm25 := flag.Bool("bm25", false, "rank by BM25 alone (the baseline), not the learned ranker")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: kaieval [-scope paragraph|article] [-stem S] [-bm25] FILE.json")
		os.Exit(2)
	}
	var opts []kai.Option
	if *bm25 {
		opts = append(opts, kai.WithoutModel())
	}
	if f := stemmer(*stem); f != nil {
		opts = append(opts, kai.WithStemmer(f))
	}
	f, err := os.Open(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	if _, err := kai.Eval(context.Background(), f, *scope, kai.NewExtractive(opts...), os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func stemmer(name string) func(string) string {
	var n int
	switch {
	case name == "":
		return nil
	case name == "snowball":
		return turkish.StemSnowball
	case name == "none":
		return func(w string) string { return turkish.StemPrefix(w, 1<<20) }
	}
	if _, err := fmt.Sscanf(name, "prefix%d", &n); err == nil && n > 0 {
		return func(w string) string { return turkish.StemPrefix(w, n) }
	}
	fmt.Fprintln(os.Stderr, "unknown stemmer", name)
	os.Exit(2)
	return nil
}
