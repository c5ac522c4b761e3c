// Command kaimiss lists the questions KAI ranks wrongly at article scope,
// with the gold and the top sentence, sorted into repeats, lenient hits
// (the top sentence holds the answer text elsewhere) and other misses:
//
//	go run ./internal/kai/cmd/kaimiss FILE.json [QUESTION-SUBSTRING]
//
// With a substring it prints the top five sentences and their features.
// With -cover it measures the covered/not covered decision (own article
// vs an unrelated one). With -split TRAIN.json first, it prints acc@1 apart for the articles that
// share a paragraph with the training file and for the unseen ones.
package main

import (
	"fmt"
	"os"
	"strings"

	"manset/internal/kai"
)

func main() {
	var trainPath string
	coverMode := len(os.Args) > 1 && os.Args[1] == "-cover"
	if coverMode {
		os.Args = append(os.Args[:1], os.Args[2:]...)
	}
	if len(os.Args) > 2 && os.Args[1] == "-split" {
		trainPath = os.Args[2]
		os.Args = append(os.Args[:1], os.Args[3:]...)
	}
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: kaimiss [-cover | -split TRAIN.json] FILE.json [QUESTION-SUBSTRING]")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	items, _, err := kai.LoadEval(f, kai.ScopeArticle)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	e := kai.NewExtractive()
	if coverMode {
		if err := cover(items, e); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	if trainPath != "" {
		if err := split(trainPath, items, e); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	if len(os.Args) > 2 {
		debug(items, e, os.Args[2])
		return
	}
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
