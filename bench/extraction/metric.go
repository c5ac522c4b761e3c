package main

import (
	"math"
	"math/rand/v2"
	"regexp"
	"strings"
)

// tokenRE is Python's Unicode \w+ as upstream evaluate.py uses it; Go's \w
// is ASCII-only.
var tokenRE = regexp.MustCompile(`[\p{L}\p{N}_]+`)

// doc is one page's normalised counts and derived scores.
type doc struct {
	tp, fp, fn float64
	p, r       float64
	hasP, hasR bool
	exact      bool
}

func (d doc) f1() float64 {
	if d.p+d.r == 0 {
		return 0
	}
	return 2 * d.p * d.r / (d.p + d.r)
}

type result struct {
	name        string
	docs        []doc
	outputs     []string
	p, r, f1    float64
	acc         float64
	sd          [4]float64 // bootstrap stdev of P, R, F1, accuracy
	pagesPerSec float64
}

func shingles(tokens []string) map[string]int {
	out := map[string]int{}
	n := len(tokens)
	if n == 0 {
		return out
	}
	if n < 4 {
		out[strings.Join(tokens, "\x00")]++
		return out
	}
	for i := 0; i < n-3; i++ {
		out[strings.Join(tokens[i:i+4], "\x00")]++
	}
	return out
}

func scoreDoc(gold, pred string) doc {
	gt, pt := tokenRE.FindAllString(gold, -1), tokenRE.FindAllString(pred, -1)
	gs, ps := shingles(gt), shingles(pt)
	var d doc
	for k, ct := range gs {
		cp := ps[k]
		d.tp += float64(min(ct, cp))
		d.fn += float64(max(0, ct-cp))
	}
	for k, cp := range ps {
		d.fp += float64(max(0, cp-gs[k]))
	}
	if s := d.tp + d.fp + d.fn; s > 0 {
		d.tp, d.fp, d.fn = d.tp/s, d.fp/s, d.fn/s
	}
	d.hasP, d.hasR = d.tp+d.fp > 0, d.tp+d.fn > 0
	d.p = ratio(d.tp, d.fp, d.fn, d.fp)
	d.r = ratio(d.tp, d.fp, d.fn, d.fn)
	d.exact = strings.Join(gt, " ") == strings.Join(pt, " ")
	return d
}

// ratio is upstream's precision (other = fp) or recall (other = fn).
func ratio(tp, fp, fn, other float64) float64 {
	switch {
	case fp == 0 && fn == 0:
		return 1
	case tp == 0 && other == 0:
		return 0
	}
	return tp / (tp + other)
}

// corpus returns P, R, F1 and accuracy over the documents at idx.
func corpus(docs []doc, idx []int) [4]float64 {
	var sp, sr, np, nr, acc float64
	for _, i := range idx {
		d := docs[i]
		if d.hasP {
			sp += d.p
			np++
		}
		if d.hasR {
			sr += d.r
			nr++
		}
		if d.exact {
			acc++
		}
	}
	var p, r, f float64
	if np > 0 {
		p = sp / np
	}
	if nr > 0 {
		r = sr / nr
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return [4]float64{p, r, f, acc / float64(len(idx))}
}

func score(pages []page, outputs []string) result {
	var res result
	res.docs = make([]doc, len(pages))
	idx := make([]int, len(pages))
	for i, p := range pages {
		res.docs[i] = scoreDoc(p.gold, outputs[i])
		idx[i] = i
	}
	c := corpus(res.docs, idx)
	res.p, res.r, res.f1, res.acc = c[0], c[1], c[2], c[3]
	res.sd = bootstrap(res.docs, 1000)
	return res
}

// bootstrap returns the sample standard deviation of P, R, F1 and accuracy
// over resamples of the pages with replacement.
func bootstrap(docs []doc, n int) [4]float64 {
	var sum, sum2 [4]float64
	idx := make([]int, len(docs))
	for k := 0; k < n; k++ {
		for i := range idx {
			idx[i] = rand.IntN(len(docs))
		}
		c := corpus(docs, idx)
		for j := range c {
			sum[j] += c[j]
			sum2[j] += c[j] * c[j]
		}
	}
	var sd [4]float64
	for j := range sd {
		mean := sum[j] / float64(n)
		sd[j] = math.Sqrt(math.Max(0, (sum2[j]-float64(n)*mean*mean)/float64(n-1)))
	}
	return sd
}
