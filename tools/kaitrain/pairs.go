package main

import (
	"hash/fnv"
	"math"
	"slices"

	"manset/internal/kai"
	"manset/internal/kai/pairs"
)

// pairParams configure the association table (package kai/pairs).
type pairParams struct {
	on      bool
	minGold int     // a pair must occur in this many gold sentences
	alpha   float64 // additive smoothing of the log-odds
	minW    float64 // pairs weaker than this are not kept
	folds   int     // cross-fitting folds over the training titles
}

// pairStats is what one training question contributes to the table.
type pairStats struct {
	q    []uint64           // question tokens
	gold []uint64           // tokens of its gold sentences
	bg   map[uint64]float64 // per sentence token: chance that a sentence drawn in proportion to its length holds it
}

// collectPairs gathers the tokens of one question. The background is
// length-weighted because gold sentences are longer than average: counting
// plain sentence frequency would make every word look associated.
func collectPairs(e *kai.Extractive, it kai.EvalItem) (pairStats, bool) {
	qk, sents, sk := e.PairKeys(it.Question)
	st := pairStats{q: qk, bg: map[uint64]float64{}}
	total := 0.0
	any := false
	for i, s := range sents {
		total += float64(len(sk[i]))
		if kai.HitRank([]kai.RankedSentence{s}, it.Gold) == 0 {
			any = true
			for _, k := range sk[i] {
				if !slices.Contains(st.gold, k) {
					st.gold = append(st.gold, k)
				}
			}
		}
	}
	if !any || total == 0 {
		return st, false
	}
	for i := range sents {
		w := float64(len(sk[i])) / total
		for _, k := range sk[i] {
			st.bg[k] += w
		}
	}
	return st, true
}

// learnPairs fits weight(q, s) = log((G + α) / (R + α)), where G counts the
// questions with token q whose gold sentence holds s and R is the number
// expected from the length-weighted background of their articles. Only
// pairs seen in at least minGold gold sentences are kept.
func learnPairs(stats []*pairStats, p pairParams) *pairs.Table {
	gold := map[[2]uint64]int{}
	for _, st := range stats {
		for _, q := range st.q {
			for _, s := range st.gold {
				gold[[2]uint64{q, s}]++
			}
		}
	}
	cand := map[uint64][]uint64{}
	for k, n := range gold {
		if n >= p.minGold {
			cand[k[0]] = append(cand[k[0]], k[1])
		}
	}
	bg := map[[2]uint64]float64{}
	for _, st := range stats {
		for _, q := range st.q {
			for _, s := range cand[q] {
				bg[[2]uint64{q, s}] += st.bg[s]
			}
		}
	}
	var entries []pairs.Entry
	for q, ss := range cand {
		for _, s := range ss {
			k := [2]uint64{q, s}
			w := math.Log((float64(gold[k]) + p.alpha) / (bg[k] + p.alpha))
			if w >= p.minW {
				entries = append(entries, pairs.Entry{Q: q, S: s, W: w})
			}
		}
	}
	return pairs.New(entries)
}

// pairFold puts a title in one of n cross-fitting folds; the hash is
// salted so the folds do not line up with the held-out split.
func pairFold(title string, n int) int {
	h := fnv.New32a()
	h.Write([]byte("pairs\x00" + title))
	return int(h.Sum32() % uint32(n))
}
