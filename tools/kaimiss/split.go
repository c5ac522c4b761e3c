package main

import (
	"fmt"
	"os"
	"strings"

	"manset/internal/kai"
)

// split prints acc@1 separately for questions on articles the training
// file has not seen, on articles it has seen a paragraph of, and on
// paragraphs it holds itself (their questions may be there too): TQuAD's dev
// set repeats some training articles, and a model that learned from them
// scores better there than on unseen text.
func split(trainPath string, items []kai.EvalItem, e *kai.Extractive) error {
	f, err := os.Open(trainPath)
	if err != nil {
		return err
	}
	defer f.Close()
	train, _, err := kai.LoadEval(f, kai.ScopeParagraph)
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, it := range train {
		seen[it.Question.Articles[0].Text] = true
	}
	var hit, n [3]int
	strict := 0
	for _, it := range items {
		overlap := 0
		at := 0
		for _, p := range paragraphs(it.Question.Articles[0].Text) {
			if seen[p] {
				overlap = max(overlap, 1)
				if at <= it.Gold[0].Start && it.Gold[0].Start < at+len(p) {
					overlap = 2
				}
			}
			at += len(p) + len("\n\n")
		}
		n[overlap]++
		ranked := e.Rank(it.Question)
		if kai.HitRank(ranked, it.Gold) == 0 {
			hit[overlap]++
		}
		top := ranked[0]
		top.Repeats = nil
		if kai.HitRank([]kai.RankedSentence{top}, it.Gold) == 0 {
			strict++
		}
	}
	fmt.Printf("all: acc@1=%.1f, %.1f counting only the first copy of a repeated sentence\n",
		100*float64(hit[0]+hit[1]+hit[2])/float64(len(items)), 100*float64(strict)/float64(len(items)))
	for i, name := range []string{"unseen articles", "other paragraphs of articles sharing one with train",
		"the question's own paragraph is in train"} {
		fmt.Printf("%s: acc@1=%.1f questions=%d\n", name, 100*float64(hit[i])/float64(max(n[i], 1)), n[i])
	}
	return nil
}

// paragraphs undoes LoadEval's article scope, which joins the paragraph
// contexts of a title with a blank line.
func paragraphs(text string) []string { return strings.Split(text, "\n\n") }
