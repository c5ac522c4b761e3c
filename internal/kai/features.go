package kai

import (
	"math"

	"manset/internal/kai/pairs"
)

// Feature indexes; featureNames lists them for the weights file.
const (
	fBM25 = iota
	fBM25Norm
	fBM25Top
	fAltNorm
	fIDFCov
	fExactCov
	fBigram
	fProximity
	fRun
	fPrev
	fNext
	fPara
	fFirstInPara
	fRelPos
	fLogLen
	fNovel
	fTitleFreeCov
	fBM25Rank
	fMatched
	fSoftCov
	fPairBest // mean over question tokens of the best association (Pairs)
	fPairSum  // log(1 + sum of all associations)
	fTypeBase // question type × kind of phrase the sentence offers, see entityKinds
)

// nFeatures is the length of a feature vector.
const nFeatures = fTypeBase + int(nQTypes)*int(nEntityKinds)

var featureNames = func() []string {
	names := []string{"bm25", "bm25_norm", "bm25_top", "alt_norm", "idf_cov",
		"exact_cov", "bigram", "proximity", "run", "prev", "next", "para", "first_in_para",
		"rel_pos", "log_len", "novel", "title_free_cov", "bm25_rank", "matched", "soft_cov",
		"pair_best", "pair_sum"}
	qnames := []string{"other", "person", "date", "place", "number", "reason", "how"}
	enames := []string{"name", "date", "place", "number", "reason", "manner"}
	for _, q := range qnames {
		for _, e := range enames {
			names = append(names, "q_"+q+"_has_"+e)
		}
	}
	return names
}()

// computeFeatures fills Features for every sentence of d.
func computeFeatures(d *document, qu *query, titles []map[string]bool, table *pairs.Table) {
	if len(d.sents) == 0 {
		return
	}
	idf := idfs(d.sents, qu.terms, termOf)
	altIDF := idfs(d.sents, qu.alts, altOf)
	total := 0
	for _, s := range d.sents {
		total += len(s.toks)
	}
	avg := float64(total) / float64(len(d.sents))
	bm, alt := make([]float64, len(d.sents)), make([]float64, len(d.sents))
	for i, s := range d.sents {
		bm[i] = bm25(s.toks, qu.terms, idf, termOf, avg)
		alt[i] = bm25(s.toks, qu.alts, altIDF, altOf, avg)
	}
	para := paragraphScores(d, qu, idf)
	maxBM, maxAlt, maxPara := maxOf(bm), maxOf(alt), maxOf(para)
	for i, s := range d.sents {
		x := make([]float64, nFeatures)
		x[fBM25] = bm[i]
		x[fBM25Norm] = ratio(bm[i], maxBM)
		if bm[i] > 0 && bm[i] == maxBM {
			x[fBM25Top] = 1
		}
		x[fAltNorm] = ratio(alt[i], maxAlt)
		if i > 0 && d.sents[i-1].para == s.para {
			x[fPrev] = ratio(bm[i-1], maxBM)
		}
		if i+1 < len(d.sents) && d.sents[i+1].para == s.para {
			x[fNext] = ratio(bm[i+1], maxBM)
		}
		x[fPara] = ratio(para[s.para], maxPara)
		x[fBM25Rank] = 1 / float64(1+rankAbove(bm, bm[i]))
		sentenceFeatures(x, s, qu, idf, titles[s.Article])
		s.Features = x
	}
	pairFeatures(d, qu, table)
}

// sentenceFeatures fills the features that depend on one sentence alone.
func sentenceFeatures(x []float64, s *sentence, qu *query, idf map[string]float64, title map[string]bool) {
	pos := map[string][]int{}
	for i, t := range s.toks {
		pos[t.term] = append(pos[t.term], i)
	}
	var got, all, free, freeAll float64
	for _, term := range qu.terms {
		all += idf[term]
		if !title[term] {
			freeAll += idf[term]
		}
		if len(pos[term]) > 0 {
			got += idf[term]
			if !title[term] {
				free += idf[term]
			}
		}
	}
	x[fIDFCov] = ratio(got, all)
	for _, term := range qu.terms {
		if len(pos[term]) > 0 {
			x[fMatched]++
		}
	}
	x[fTitleFreeCov] = ratio(free, freeAll)
	x[fExactCov] = exactCoverage(s, qu)
	x[fSoftCov] = softCoverage(s, qu, idf)
	x[fBigram], x[fRun] = sequenceMatches(s, qu)
	x[fProximity] = proximity(pos, qu.terms)
	if s.inPara == 0 {
		x[fFirstInPara] = 1
	}
	x[fRelPos] = s.relPos
	x[fLogLen] = math.Log1p(float64(len(s.toks)))
	novel := 0
	for _, t := range s.toks {
		if !qu.mentions(t) {
			novel++
		}
	}
	x[fNovel] = ratio(float64(novel), float64(len(s.toks)))
	for k := range nEntityKinds {
		if hasEntity(k, s, qu) {
			x[fTypeBase+int(qu.typ)*int(nEntityKinds)+int(k)] = 1
		}
	}
}

// exactCoverage is the share of question words found in s as written
// (folded, suffix after an apostrophe dropped), rewarding unstemmed matches.
func exactCoverage(s *sentence, qu *query) float64 {
	if len(qu.surf) == 0 {
		return 0
	}
	seen := map[string]bool{}
	for _, t := range s.toks {
		if qu.surf[t.surface] {
			seen[t.surface] = true
		}
	}
	return float64(len(seen)) / float64(len(qu.surf))
}

// softCoverage is the idf-weighted share of question words that share a
// prefix of at least four letters with a word of s, or of three when the
// question word is short: "kuruldu" meets "kurdu" ("kur"), which the
// stemmers keep apart.
func softCoverage(s *sentence, qu *query, idf map[string]float64) float64 {
	var got, all float64
	for _, q := range qu.content {
		w := max(idf[q.term], 0.1)
		all += w
		need := min(4, max(3, len(q.surface)-3))
		for _, t := range s.toks {
			if commonPrefix(q.surface, t.surface) >= need {
				got += w
				break
			}
		}
	}
	return ratio(got, all)
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// sequenceMatches returns the share of adjacent question word pairs that are
// adjacent in s too, and the longest run of question words found in order
// and adjacent in s, relative to the question length.
func sequenceMatches(s *sentence, qu *query) (bigram, run float64) {
	if len(qu.toks) < 2 {
		return 0, 0
	}
	pairs := map[[2]string]bool{}
	for i := 1; i < len(s.toks); i++ {
		pairs[[2]string{s.toks[i-1].term, s.toks[i].term}] = true
	}
	hits, cur, best := 0, 0, 0
	for i := 1; i < len(qu.toks); i++ {
		if pairs[[2]string{qu.toks[i-1].term, qu.toks[i].term}] {
			hits++
			cur++
			best = max(best, cur)
		} else {
			cur = 0
		}
	}
	n := float64(len(qu.toks) - 1)
	return float64(hits) / n, float64(best) / n
}

// proximity is matched distinct terms over the width of the smallest
// window holding one occurrence of each, approximated from first positions.
func proximity(pos map[string][]int, terms []string) float64 {
	lo, hi, n := math.MaxInt, -1, 0
	for _, t := range terms {
		if p := pos[t]; len(p) > 0 {
			n++
			lo, hi = min(lo, p[0]), max(hi, p[0])
		}
	}
	if n < 2 {
		return 0
	}
	return float64(n) / float64(hi-lo+1)
}

// paragraphScores scores each paragraph as one bag of words, so a sentence
// in the paragraph about the question's topic ranks higher.
func paragraphScores(d *document, qu *query, idf map[string]float64) []float64 {
	out := make([]float64, len(d.paras))
	var bags [][]token
	total := 0
	for _, p := range d.paras {
		var bag []token
		for _, s := range p {
			bag = append(bag, s.toks...)
		}
		bags = append(bags, bag)
		total += len(bag)
	}
	avg := float64(total) / float64(len(bags))
	for i, bag := range bags {
		out[i] = bm25(bag, qu.terms, idf, termOf, avg)
	}
	return out
}

// rankAbove counts scores above v.
func rankAbove(xs []float64, v float64) int {
	n := 0
	for _, x := range xs {
		if x > v {
			n++
		}
	}
	return n
}

func maxOf(xs []float64) float64 {
	m := 0.0
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}

func ratio(a, b float64) float64 {
	if b <= 0 {
		return 0
	}
	return a / b
}

// FeatureNames returns the names of RankedSentence.Features, in order.
func FeatureNames() []string { return append([]string(nil), featureNames...) }
