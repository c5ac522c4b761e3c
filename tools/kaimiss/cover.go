package main

import (
	"context"
	"fmt"

	"manset/internal/kai"
)

// cover measures the "covered" decision: every 4th question is asked of its
// own article (it should be covered) and of the next title's article (it
// should not).
func cover(items []kai.EvalItem, e *kai.Extractive) error {
	own, other, n := 0, 0, 0
	for i := 0; i < len(items); i += 4 {
		it := items[i]
		var unrelated kai.Passage
		for j := 1; j < len(items); j++ {
			p := items[(i+j)%len(items)].Question.Articles[0]
			if p.Title != it.Question.Articles[0].Title {
				unrelated = p
				break
			}
		}
		a, err := e.Ask(context.Background(), it.Question)
		if err != nil {
			return err
		}
		q := it.Question
		q.Articles = []kai.Passage{unrelated}
		b, err := e.Ask(context.Background(), q)
		if err != nil {
			return err
		}
		n++
		if a.Covered {
			own++
		}
		if b.Covered {
			other++
		}
	}
	fmt.Printf("covered: own article %.1f%%, unrelated article %.1f%% (%d questions)\n",
		100*float64(own)/float64(n), 100*float64(other)/float64(n), n)
	return nil
}
