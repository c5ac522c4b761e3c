package main

import (
	"fmt"
	"strings"

	"manset/internal/kai"
)

func debug(items []kai.EvalItem, e *kai.Extractive, sub string) {
	names := kai.FeatureNames()
	for _, it := range items {
		if !strings.Contains(it.Question.Text, sub) {
			continue
		}
		r := e.Rank(it.Question)
		fmt.Println("Q:", it.Question.Text)
		for k, s := range r[:min(5, len(r))] {
			hit := kai.HitRank([]kai.RankedSentence{s}, it.Gold) == 0
			fmt.Printf(" #%d %.2f gold=%v %.80s\n   ", k, s.Score, hit, s.Text)
			for i, v := range s.Features {
				if v != 0 && i < 20 {
					fmt.Printf("%s=%.2f ", names[i], v)
				}
			}
			fmt.Println()
		}
	}
}
