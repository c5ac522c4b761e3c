package main

import (
	"math"
	"math/rand/v2"
	"slices"
	"sort"
)

// boostParams configure the trees fitted on top of the linear model.
type boostParams struct {
	rounds, depth int
	shrink        float64 // leaf values are scaled by this
	lambda        float64 // L2 on leaf values
	minHess       float64 // smallest hessian sum in a child
	keep          int     // rows per question kept (best by base score)
	subsample     float64 // share of questions each tree is fitted on (1: all)
	colsample     float64 // share of features each tree may split on (1: all)
}

// rows is a flattened training set for boosting: raw features, their bins,
// base scores, and per-question row ranges.
type rows struct {
	x     [][]float64
	bins  [][]uint8
	pos   []bool
	base  []float64
	start []int // question q owns rows start[q]:start[q+1]
	thr   [][]float64
	// allowed marks the features the current tree may split on (nil: all).
	allowed []bool
}

// newRows keeps, per question, the keep best rows by base score.
func newRows(raw []example, base [][]float64, keep int) *rows {
	r := &rows{start: []int{0}}
	for qi, ex := range raw {
		idx := make([]int, len(ex.x))
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(a, b int) bool { return base[qi][idx[a]] > base[qi][idx[b]] })
		for _, i := range idx[:min(keep, len(idx))] {
			r.x = append(r.x, ex.x[i])
			r.pos = append(r.pos, ex.pos[i])
			r.base = append(r.base, base[qi][i])
		}
		r.start = append(r.start, len(r.x))
	}
	return r
}

// binning puts each feature's values into at most 32 quantile bins.
func (r *rows) binning() {
	nf := len(r.x[0])
	r.thr = make([][]float64, nf)
	for f := range nf {
		vals := make([]float64, 0, len(r.x)/7+1)
		for i := 0; i < len(r.x); i += 7 {
			vals = append(vals, r.x[i][f])
		}
		slices.Sort(vals)
		for b := 1; b < 32; b++ {
			v := vals[b*len(vals)/32]
			if n := len(r.thr[f]); (n == 0 || v > r.thr[f][n-1]) && v < vals[len(vals)-1] {
				r.thr[f] = append(r.thr[f], v)
			}
		}
	}
	r.bins = make([][]uint8, len(r.x))
	for i, x := range r.x {
		r.bins[i] = make([]uint8, nf)
		for f := range nf {
			r.bins[i][f] = uint8(sort.SearchFloat64s(r.thr[f], x[f]))
		}
	}
}

// boost fits trees to the listwise softmax loss, starting from the base
// scores, and returns them.
func boost(r *rows, p boostParams) []treeOut {
	r.binning()
	score := append([]float64(nil), r.base...)
	g, h := make([]float64, len(score)), make([]float64, len(score))
	var trees []treeOut
	all := make([]int, len(score))
	for i := range all {
		all[i] = i
	}
	// A fixed seed keeps training reproducible; sampling questions and
	// features per tree (stochastic boosting) fits the training titles
	// less closely than every tree seeing everything.
	rng := rand.New(rand.NewPCG(1, 2))
	nf := len(r.thr)
	for range p.rounds {
		r.gradients(score, g, h)
		t := newTree(p.depth)
		idx := all
		if p.subsample < 1 {
			idx = nil
			for q := 0; q+1 < len(r.start); q++ {
				if rng.Float64() < p.subsample {
					for i := r.start[q]; i < r.start[q+1]; i++ {
						idx = append(idx, i)
					}
				}
			}
		}
		r.allowed = nil
		if p.colsample < 1 {
			r.allowed = make([]bool, nf)
			for f := range r.allowed {
				r.allowed[f] = rng.Float64() < p.colsample
			}
		}
		r.build(&t, 0, idx, 0, p, g, h)
		for i := range score {
			score[i] += t.value(r.x[i])
		}
		trees = append(trees, t)
	}
	return trees
}

// gradients of -log P(answer rows) per question for the current scores.
func (r *rows) gradients(score, g, h []float64) {
	for q := 0; q+1 < len(r.start); q++ {
		lo, hi := r.start[q], r.start[q+1]
		top := math.Inf(-1)
		for i := lo; i < hi; i++ {
			top = max(top, score[i])
		}
		sum, posSum := 0.0, 0.0
		for i := lo; i < hi; i++ {
			e := math.Exp(score[i] - top)
			g[i] = e
			sum += e
		}
		for i := lo; i < hi; i++ {
			g[i] /= sum
			if r.pos[i] {
				posSum += g[i]
			}
		}
		for i := lo; i < hi; i++ {
			pr := g[i]
			h[i] = max(pr*(1-pr), 1e-6)
			if r.pos[i] && posSum > 0 {
				g[i] = pr - pr/posSum
			}
		}
	}
}

// treeOut is a tree as written to weights.go (same layout as kai's tree).
type treeOut struct {
	feature []int
	thr     []float64
	leaf    []float64
}

func newTree(depth int) treeOut {
	n := 1<<depth - 1
	return treeOut{feature: make([]int, n), thr: make([]float64, n), leaf: make([]float64, 1<<depth)}
}

func (t *treeOut) value(x []float64) float64 {
	k := 0
	for k < len(t.feature) {
		if f := t.feature[k]; f < 0 || x[f] <= t.thr[k] {
			k = 2*k + 1
		} else {
			k = 2*k + 2
		}
	}
	return t.leaf[k-len(t.feature)]
}

func (r *rows) build(t *treeOut, k int, idx []int, level int, p boostParams, g, h []float64) {
	if level == p.depth {
		gs, hs := 0.0, 0.0
		for _, i := range idx {
			gs += g[i]
			hs += h[i]
		}
		t.leaf[k-len(t.feature)] = -p.shrink * gs / (hs + p.lambda)
		return
	}
	f, b, ok := r.bestSplit(idx, p, g, h)
	var left, right []int
	if !ok {
		t.feature[k] = -1
		left = idx
	} else {
		t.feature[k], t.thr[k] = f, r.thr[f][b]
		for _, i := range idx {
			if int(r.bins[i][f]) <= b {
				left = append(left, i)
			} else {
				right = append(right, i)
			}
		}
	}
	r.build(t, 2*k+1, left, level+1, p, g, h)
	r.build(t, 2*k+2, right, level+1, p, g, h)
}

// bestSplit finds the feature and bin whose split gains the most.
func (r *rows) bestSplit(idx []int, p boostParams, g, h []float64) (int, int, bool) {
	if len(idx) == 0 {
		return 0, 0, false
	}
	nf := len(r.thr)
	G, H := make([][33]float64, nf), make([][33]float64, nf)
	gt, ht := 0.0, 0.0
	for _, i := range idx {
		gi, hi := g[i], h[i]
		gt += gi
		ht += hi
		for f, b := range r.bins[i] {
			G[f][b] += gi
			H[f][b] += hi
		}
	}
	bestGain, bf, bb := 1e-6, 0, 0
	parent := gt * gt / (ht + p.lambda)
	for f := range nf {
		if r.allowed != nil && !r.allowed[f] {
			continue
		}
		gl, hl := 0.0, 0.0
		for b := range len(r.thr[f]) {
			gl += G[f][b]
			hl += H[f][b]
			gr, hr := gt-gl, ht-hl
			if hl < p.minHess || hr < p.minHess {
				continue
			}
			if gain := gl*gl/(hl+p.lambda) + gr*gr/(hr+p.lambda) - parent; gain > bestGain {
				bestGain, bf, bb = gain, f, b
			}
		}
	}
	return bf, bb, bestGain > 1e-6
}
