// Command kaitrain fits KAI's sentence ranker on a SQuAD-format file: a linear
// model over the features of kai.RankedSentence, then boosted regression
// trees on top of it, both trained listwise (softmax over the sentences of
// each question's article, the sentences holding the gold answer as
// targets). It writes the model as Go, and the question × sentence word
// association table (package kai/pairs) it learns first as pairs.bin next
// to it.
// Only numbers and hashes leave the training data; no text is copied.
// -holdout N reports accuracy on titles kept out.
//
//	go run ./tools/kaitrain -o internal/kai/weights.go ../shared/bench/qa/tquad-train-v0.1.json
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"hash/fnv"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"manset/internal/kai"
	"manset/internal/kai/pairs"
)

// example is one question: standardised feature rows and which are answers.
type example struct {
	x    [][]float64
	pos  []bool // training targets
	gold []bool // the gold answer's own sentence, for accuracy
}

func main() {
	out := flag.String("o", "", "write the weights Go file here (default: print)")
	scope := flag.String("scope", kai.ScopeArticle, "paragraph or article")
	holdout := flag.Int("holdout", 0, "keep every title with hash%N==0 out of training and report it (0: none)")
	l2 := flag.Float64("l2", 1e-3, "L2 penalty")
	iters := flag.Int("iters", 400, "gradient steps")
	var bp boostParams
	flag.IntVar(&bp.rounds, "trees", 100, "boosted trees on top of the linear model (0: none)")
	flag.IntVar(&bp.depth, "depth", 3, "tree depth")
	flag.Float64Var(&bp.shrink, "shrink", 0.1, "tree shrinkage")
	flag.Float64Var(&bp.lambda, "lambda", 1, "L2 on leaf values")
	flag.Float64Var(&bp.minHess, "minhess", 5, "smallest hessian sum in a leaf")
	flag.IntVar(&bp.keep, "keep", 40, "rows per question kept for boosting")
	flag.Float64Var(&bp.subsample, "subsample", 1, "share of questions each tree sees")
	flag.Float64Var(&bp.colsample, "colsample", 1, "share of features each tree may split on")
	flag.BoolVar(&lenientTargets, "lenient", false, "also train towards other sentences holding the answer text")
	drop := flag.String("drop", "", "comma-separated features to leave out; ';' separates trials (reports only)")
	pp := pairParams{folds: 4}
	flag.BoolVar(&pp.on, "pairs", true, "learn the question × sentence token association table")
	flag.IntVar(&pp.minGold, "pairmin", 3, "gold sentences a pair must occur in")
	flag.Float64Var(&pp.alpha, "pairalpha", 1, "smoothing of the pair log-odds")
	flag.Float64Var(&pp.minW, "pairminw", 0.25, "smallest pair weight kept")
	flag.Parse()
	train, held, table, err := load(flag.Arg(0), *scope, *holdout, pp)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if *drop != "" {
		for _, trial := range strings.Split(*drop, ";") {
			fmt.Fprintf(os.Stderr, "without %q:\n", trial)
			tr, he := clone(train), clone(held)
			zero(tr, trial)
			zero(he, trial)
			run(tr, he, *l2, *iters, bp)
		}
		return
	}
	rawTrain, rawHeld := clone(train), clone(held)
	mean, std := standardise(train, held)
	w := fit(train, *l2, *iters)
	baseTrain, baseHeld := scores(train, w), scores(held, w)
	report("linear", rawTrain, rawHeld, baseTrain, baseHeld, nil)
	var trees []treeOut
	if bp.rounds > 0 {
		trees = boost(newRows(rawTrain, baseTrain, bp.keep), bp)
		report("linear+trees", rawTrain, rawHeld, baseTrain, baseHeld, trees)
	}
	src := goSource(mean, std, w, trees)
	if *out == "" {
		os.Stdout.Write(src)
		return
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if table == nil {
		table = pairs.New(nil)
	}
	// The table goes next to the weights: the model was fitted with it.
	if err := os.WriteFile(filepath.Join(filepath.Dir(*out), "pairs.bin"), table.Encode(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// lenientTargets also makes training targets of sentences of the asked
// article that contain the answer text elsewhere.
var lenientTargets bool

func holdsAnswer(s kai.RankedSentence, it kai.EvalItem) bool {
	if s.Article != 0 {
		return false
	}
	text := it.Question.Articles[0].Text
	for _, g := range it.Gold {
		if a := strings.TrimSpace(text[g.Start:g.End]); a != "" && strings.Contains(s.Text, a) {
			return true
		}
	}
	return false
}

// zero sets the named features to 0 in every row, to measure a model
// without them.
func zero(set []example, names string) {
	for _, name := range strings.Split(names, ",") {
		i := slices.Index(kai.FeatureNames(), strings.TrimSpace(name))
		if i < 0 {
			continue
		}
		for _, ex := range set {
			for _, x := range ex.x {
				x[i] = 0
			}
		}
	}
}

// run fits and reports one trial.
func run(train, held []example, l2 float64, iters int, bp boostParams) {
	rawTrain, rawHeld := clone(train), clone(held)
	standardise(train, held)
	w := fit(train, l2, iters)
	baseTrain, baseHeld := scores(train, w), scores(held, w)
	report("linear", rawTrain, rawHeld, baseTrain, baseHeld, nil)
	if bp.rounds > 0 {
		trees := boost(newRows(rawTrain, baseTrain, bp.keep), bp)
		report("linear+trees", rawTrain, rawHeld, baseTrain, baseHeld, trees)
	}
}

// load ranks every question with BM25 alone to get its feature rows. With
// pairs on, the association table is learned from the training titles
// only: held-out questions are scored with the table of all training
// titles, and each training question with the table of the other folds, so
// the ranker learns how much the table is worth on unseen titles. The
// returned table is the one of all training titles.
func load(path, scope string, holdout int, pp pairParams) (train, held []example, table *pairs.Table, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, nil, err
	}
	defer f.Close()
	items, _, err := kai.LoadEval(f, scope)
	if err != nil {
		return nil, nil, nil, err
	}
	isHeld := func(it kai.EvalItem) bool {
		h := fnv.New32a()
		h.Write([]byte(it.Question.Articles[0].Title))
		return holdout > 0 && h.Sum32()%uint32(holdout) == 0
	}
	e := kai.Tuned(kai.Tuning{BM25Only: true, Pairs: pairs.New(nil)})
	engine := func(kai.EvalItem) *kai.Extractive { return e }
	if pp.on {
		var all []*pairStats
		fold := make([][]*pairStats, pp.folds)
		for _, it := range items {
			if isHeld(it) {
				continue
			}
			st, ok := collectPairs(e, it)
			if !ok {
				continue
			}
			all = append(all, &st)
			k := pairFold(it.Question.Articles[0].Title, pp.folds)
			for j := range fold {
				if j != k {
					fold[j] = append(fold[j], &st)
				}
			}
		}
		table = learnPairs(all, pp)
		fmt.Fprintf(os.Stderr, "pairs: %d from %d training questions\n", table.Len(), len(all))
		full := kai.Tuned(kai.Tuning{BM25Only: true, Pairs: table})
		byFold := make([]*kai.Extractive, pp.folds)
		for j := range fold {
			byFold[j] = kai.Tuned(kai.Tuning{BM25Only: true, Pairs: learnPairs(fold[j], pp)})
		}
		engine = func(it kai.EvalItem) *kai.Extractive {
			if isHeld(it) {
				return full
			}
			return byFold[pairFold(it.Question.Articles[0].Title, pp.folds)]
		}
	}
	for _, it := range items {
		var ex example
		any := false
		for _, s := range engine(it).Rank(it.Question) {
			hit := kai.HitRank([]kai.RankedSentence{s}, it.Gold) == 0
			any = any || hit
			ex.x = append(ex.x, s.Features)
			ex.gold = append(ex.gold, hit)
			ex.pos = append(ex.pos, hit || (lenientTargets && holdsAnswer(s, it)))
		}
		if !any {
			continue // the answer crosses a sentence boundary: nothing to learn
		}
		if isHeld(it) {
			held = append(held, ex)
		} else {
			train = append(train, ex)
		}
	}
	return train, held, table, nil
}

// standardise rescales features in place to zero mean, unit variance over
// the training rows, and returns the scaling for the model file.
func standardise(train, held []example) (mean, std []float64) {
	n := len(kai.FeatureNames())
	mean, std = make([]float64, n), make([]float64, n)
	count := 0.0
	for _, ex := range train {
		for _, x := range ex.x {
			for i := range n {
				mean[i] += x[i]
				std[i] += x[i] * x[i]
			}
			count++
		}
	}
	for i := range n {
		mean[i] /= count
		std[i] = math.Sqrt(max(std[i]/count-mean[i]*mean[i], 0))
		if std[i] < 1e-9 {
			std[i] = 0
		}
	}
	for _, set := range [][]example{train, held} {
		for _, ex := range set {
			for _, x := range ex.x {
				for i := range n {
					if std[i] > 0 {
						x[i] = (x[i] - mean[i]) / std[i]
					} else {
						x[i] = 0
					}
				}
			}
		}
	}
	return mean, std
}

// fit minimises the listwise softmax loss -log P(answer sentences) with
// Adam, full batch.
func fit(train []example, l2 float64, iters int) []float64 {
	n := len(kai.FeatureNames())
	w, m, v := make([]float64, n), make([]float64, n), make([]float64, n)
	const lr, b1, b2 = 0.05, 0.9, 0.999
	for it := 1; it <= iters; it++ {
		g, loss := gradient(train, w)
		for i := range w {
			g[i] = g[i]/float64(len(train)) + l2*w[i]
			m[i] = b1*m[i] + (1-b1)*g[i]
			v[i] = b2*v[i] + (1-b2)*g[i]*g[i]
			mh, vh := m[i]/(1-math.Pow(b1, float64(it))), v[i]/(1-math.Pow(b2, float64(it)))
			w[i] -= lr * mh / (math.Sqrt(vh) + 1e-8)
		}
		if it%100 == 0 {
			fmt.Fprintf(os.Stderr, "iter %d loss %.4f\n", it, loss/float64(len(train)))
		}
	}
	return w
}

func gradient(train []example, w []float64) ([]float64, float64) {
	g := make([]float64, len(w))
	loss := 0.0
	for _, ex := range train {
		p := softmax(ex.x, w)
		pos := 0.0
		for i, ok := range ex.pos {
			if ok {
				pos += p[i]
			}
		}
		loss -= math.Log(pos + 1e-12)
		for i, x := range ex.x {
			d := p[i]
			if ex.pos[i] {
				d -= p[i] / pos
			}
			for j := range w {
				g[j] += d * x[j]
			}
		}
	}
	return g, loss
}

func softmax(x [][]float64, w []float64) []float64 {
	p := make([]float64, len(x))
	top := math.Inf(-1)
	for i, row := range x {
		p[i] = dot(row, w)
		top = max(top, p[i])
	}
	sum := 0.0
	for i := range p {
		p[i] = math.Exp(p[i] - top)
		sum += p[i]
	}
	for i := range p {
		p[i] /= sum
	}
	return p
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

func clone(set []example) []example {
	out := make([]example, len(set))
	for i, ex := range set {
		out[i].pos, out[i].gold = ex.pos, ex.gold
		for _, x := range ex.x {
			out[i].x = append(out[i].x, append([]float64(nil), x...))
		}
	}
	return out
}

// scores are the linear model's scores of standardised rows.
func scores(set []example, w []float64) [][]float64 {
	out := make([][]float64, len(set))
	for i, ex := range set {
		for _, x := range ex.x {
			out[i] = append(out[i], dot(x, w))
		}
	}
	return out
}

func report(name string, train, held []example, baseTrain, baseHeld [][]float64, trees []treeOut) {
	fmt.Fprintf(os.Stderr, "%s: train acc@1=%.1f (%d questions)", name, acc1(train, baseTrain, trees), len(train))
	if len(held) > 0 {
		fmt.Fprintf(os.Stderr, ", held-out acc@1=%.1f (%d questions)", acc1(held, baseHeld, trees), len(held))
	}
	fmt.Fprintln(os.Stderr)
}

// acc1 is the share of questions whose best-scored sentence is an answer;
// ties go to the earlier sentence, as in kai's stable sort.
func acc1(set []example, base [][]float64, trees []treeOut) float64 {
	hit := 0
	for qi, ex := range set {
		best, bestScore := 0, math.Inf(-1)
		for i, x := range ex.x {
			s := base[qi][i]
			for t := range trees {
				s += trees[t].value(x)
			}
			if s > bestScore {
				best, bestScore = i, s
			}
		}
		if ex.gold[best] {
			hit++
		}
	}
	return 100 * float64(hit) / float64(len(set))
}

func floats(v []float64) string {
	var b bytes.Buffer
	b.WriteString("[]float64{")
	for i, x := range v {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%.6g", x)
	}
	b.WriteString("}")
	return b.String()
}

func goSource(mean, std, w []float64, trees []treeOut) []byte {
	var b bytes.Buffer
	b.WriteString("// Code generated by tools/kaitrain; DO NOT EDIT.\n\npackage kai\n\n")
	b.WriteString("// defaultModel ranks answer sentences; trained on TQuAD train (numbers only).\n")
	b.WriteString("var defaultModel = model{\n")
	for _, row := range []struct {
		name string
		v    []float64
	}{{"Mean", mean}, {"Std", std}, {"W", w}} {
		fmt.Fprintf(&b, "\t%s: []float64{\n", row.name)
		for i, x := range row.v {
			fmt.Fprintf(&b, "\t\t%.6g, // %s\n", x, kai.FeatureNames()[i])
		}
		b.WriteString("\t},\n")
	}
	b.WriteString("\tTrees: []tree{\n")
	for _, t := range trees {
		fmt.Fprintf(&b, "\t\t{Feature: %#v, Threshold: %s, Leaf: %s},\n",
			t.feature, floats(t.thr), floats(t.leaf))
	}
	b.WriteString("\t},\n}\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		panic(err)
	}
	return src
}
