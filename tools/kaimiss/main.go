// Command kaimiss lists the questions KAI ranks wrongly, with the gold and
// the top sentence, sorted into repeats, lenient hits (the top sentence
// holds the answer text elsewhere) and other misses:
//
//	go run ./tools/kaimiss [flags] FILE.json [QUESTION-SUBSTRING]
//
// With a substring it prints the top five sentences and their features.
// -cover measures the covered/not covered decision (own article vs an
// unrelated one). -split TRAIN.json prints acc@1 apart for the articles
// that share a paragraph with the training file and for the unseen ones.
// -eval prints what `manset kai eval` prints, for the ranker the flags
// choose: -bm25 ranks by BM25 alone (the baseline), -stem measures another
// primary stemmer.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"manset/internal/kai"
	"manset/internal/turkish"
)

func main() {
	coverMode := flag.Bool("cover", false, "measure the covered decision: own article vs an unrelated one")
	trainPath := flag.String("split", "", "print acc@1 apart by overlap with this training file")
	evalMode := flag.Bool("eval", false, "print acc@1, acc@3 and latency as `manset kai eval` does")
	scope := flag.String("scope", kai.ScopeArticle, "paragraph or article")
	bm25 := flag.Bool("bm25", false, "rank by BM25 alone (the baseline), not the learned ranker")
	stem := flag.String("stem", "", "measure another primary stemmer: snowball, prefixN (N letters), none")
	flag.Parse()
	if flag.NArg() < 1 || flag.NArg() > 2 {
		fmt.Fprintln(os.Stderr, "usage: kaimiss [-cover | -split TRAIN.json | -eval] [-scope paragraph|article] [-bm25] [-stem S] FILE.json [QUESTION-SUBSTRING]")
		os.Exit(2)
	}
	e := kai.Tuned(kai.Tuning{BM25Only: *bm25, Stem: stemmer(*stem)})
	if err := run(e, *scope, *coverMode, *trainPath, *evalMode); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(e *kai.Extractive, scope string, coverMode bool, trainPath string, evalMode bool) error {
	f, err := os.Open(flag.Arg(0))
	if err != nil {
		return err
	}
	defer f.Close()
	if evalMode {
		_, err := kai.Eval(context.Background(), f, scope, e, os.Stdout)
		return err
	}
	items, _, err := kai.LoadEval(f, scope)
	if err != nil {
		return err
	}
	switch {
	case coverMode:
		return cover(items, e)
	case trainPath != "":
		return split(trainPath, items, e)
	case flag.NArg() > 1:
		debug(items, e, flag.Arg(1))
		return nil
	}
	misses(items, e)
	return nil
}

// misses prints every question whose top sentence holds no gold answer.
func misses(items []kai.EvalItem, e *kai.Extractive) {
	repeat, len1, other := 0, 0, 0
	for _, it := range items {
		r := e.Rank(it.Question)
		k := kai.HitRank(r, it.Gold)
		if k == 0 {
			continue
		}
		txt := it.Question.Articles[0].Text
		g := it.Gold[0]
		ans := txt[g.Start:g.End]
		var gs kai.RankedSentence
		for _, s := range r {
			if s.Start <= g.Start && g.End <= s.End {
				gs = s
			}
		}
		kind := "OTHER"
		if strings.TrimSpace(gs.Text) == strings.TrimSpace(r[0].Text) {
			kind = "REPEAT"
			repeat++
		} else if strings.Contains(r[0].Text, ans) {
			kind = "LENIENT"
			len1++
		} else {
			other++
		}
		fmt.Printf("=== %s rank=%d Q: %s\n  A: %s\n  GOLD: %s\n  TOP: %s\n", kind, k, it.Question.Text, ans, gs.Text, r[0].Text)
	}
	fmt.Println("repeat", repeat, "lenient", len1, "other", other)
}

// stemmer returns the primary stemmer named by -stem, or nil for the
// shipped one.
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
