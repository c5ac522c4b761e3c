//go:build train

// Command extracttrain fits the extractor's block model (internal/extract,
// features.go). It reads the article-body benchmark pages, labels each
// block by whether its text is in the gold article, fits the logistic
// model with 5-fold cross-validation over pages and prints the out-of-fold
// score (the honest one) next to the heuristics' score. It then fits on
// all pages; with -o it writes that model as Go:
//
//	go run -tags train ./tools/extracttrain -o internal/extract/model.go
//
// -errors lists the blocks the heuristics get wrong instead, and -speed
// times extract.HTML over the pages.
package main

import (
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"go/format"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"manset/internal/extract"
)

// nFeatures is the length of a block's feature vector.
const nFeatures = extract.NumFeatures

// pageURL is the address every benchmark page is extracted as.
const pageURL = "https://fake-url.com"

var (
	benchDir   = flag.String("bench", "../shared/bench/extraction", "benchmark folder")
	outFile    = flag.String("o", "", "write the model fitted on all pages here as Go (internal/extract/model.go)")
	listErrors = flag.Bool("errors", false, "list the blocks the heuristics get wrong instead of training")
	timeHTML   = flag.Bool("speed", false, "time extract.HTML over the pages instead of training")
	showDiff   = flag.String("diff", "", "print the blocks where the model and the heuristics differ on this page")
	verbose    = flag.Bool("pages", false, "print pages whose score moved")
	stacked    = flag.Bool("stacked", true, "fit the second, stacked stage")
	l2         = flag.Float64("l2", 3e-4, "L2 penalty per unit of sample weight (3e-4: near the cross-validated best; 1e-4 scores 0.001 higher but drops a last paragraph on a test page)")
)

// trainPage is one benchmark page cut into blocks.
type trainPage struct {
	id     string
	gold   string
	texts  []string
	heur   []bool
	feats  [][nFeatures]float64
	labels []bool
	allow  []bool // not vetoed
	weight []float64
}

func main() {
	flag.Parse()
	var err error
	switch {
	case *timeHTML:
		err = speed()
	case *listErrors:
		err = errorsList()
	default:
		err = train()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func train() error {
	pages, err := loadTrainPages()
	if err != nil {
		return err
	}
	fmt.Printf("%d pages, %d blocks\n", len(pages), countBlocks(pages))
	fmt.Printf("heuristics:        %s\n", scorePages(pages, nil))
	fmt.Printf("oracle labels:     %s\n", scoreKeeps(pages, func(i int) []bool { return pages[i].labels }))
	fmt.Printf("oracle in span:    %s\n", scoreKeeps(pages, func(i int) []bool {
		k := make([]bool, len(pages[i].labels))
		for j := range k {
			k[j] = pages[i].labels[j] && extract.Candidate(&pages[i].feats[j])
		}
		return k
	}))
	const k = 5
	models := make([]extract.BlockModel, k)
	for fold := 0; fold < k; fold++ {
		var train []*trainPage
		for i := range pages {
			if i%k != fold {
				train = append(train, &pages[i])
			}
		}
		models[fold] = fit(train)
	}
	fmt.Printf("model, out-of-fold: %s\n", scorePages(pages, func(i int) *extract.BlockModel { return &models[i%k] }))
	if *verbose {
		for i := range pages {
			p := &pages[i]
			oof := predict(p, &models[i%k])
			a, b := pageF1(p, p.heur), pageF1(p, oof)
			if math.Abs(a-b) > 0.02 || b < 0.85 {
				fmt.Printf("  %s heur %.3f  oof %.3f\n", p.id[:12], a, b)
			}
			if *showDiff != "" && strings.HasPrefix(p.id, *showDiff) {
				for j := range oof {
					if oof[j] != p.heur[j] {
						txt := []rune(p.texts[j])
						fmt.Printf("    heur=%v oof=%v gold=%v %q\n", p.heur[j], oof[j], p.labels[j], string(txt[:min(len(txt), 100)]))
					}
				}
			}
		}
	}
	all := make([]*trainPage, len(pages))
	for i := range pages {
		all[i] = &pages[i]
	}
	w := fit(all)
	fmt.Printf("model, in-sample:   %s\n", scorePages(pages, func(int) *extract.BlockModel { return &w }))
	if *outFile == "" {
		return nil
	}
	return writeWeights(*outFile, w)
}

func loadTrainPages() ([]trainPage, error) {
	raw, err := os.ReadFile(filepath.Join(*benchDir, "ground-truth.json"))
	if err != nil {
		return nil, fmt.Errorf("no benchmark data (-bench): %w", err)
	}
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(raw, &gt); err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(gt))
	for id := range gt {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var pages []trainPage
	for _, id := range ids {
		b, err := readGzFile(filepath.Join(*benchDir, "html", id+".html.gz"))
		if err != nil {
			return nil, err
		}
		p, err := preparePage(id, b, gt[id].ArticleBody)
		if err != nil {
			return nil, fmt.Errorf("page %s: %w", id, err)
		}
		pages = append(pages, p)
	}
	return pages, nil
}

func readGzFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// preparePage runs the extraction up to the model and labels the blocks.
func preparePage(id string, body []byte, gold string) (trainPage, error) {
	p := trainPage{id: id, gold: gold}
	blocks, err := extract.TrainingBlocks(body, pageURL)
	if err != nil {
		return p, err
	}
	goldTokens := tokenRE.FindAllString(gold, -1)
	goldSh := shingleSet(goldTokens)
	goldJoined := " " + strings.Join(goldTokens, " ") + " "
	for _, b := range blocks {
		p.texts = append(p.texts, b.Text)
		p.heur = append(p.heur, b.Heuristic)
		p.allow = append(p.allow, b.Allowed)
		p.feats = append(p.feats, b.Features)
		toks := tokenRE.FindAllString(b.Text, -1)
		p.labels = append(p.labels, inGold(toks, goldSh, goldJoined))
		p.weight = append(p.weight, float64(len(toks))/float64(max(len(goldTokens), 50)))
	}
	return p, nil
}

// inGold reports whether most of the block's 4-word shingles are in the
// gold text; a block of fewer than four words must appear in it whole.
func inGold(toks []string, gold map[string]bool, joined string) bool {
	if len(toks) == 0 {
		return false
	}
	if len(toks) < 4 {
		return strings.Contains(joined, " "+strings.Join(toks, " ")+" ")
	}
	hit := 0
	for i := 0; i+4 <= len(toks); i++ {
		if gold[strings.Join(toks[i:i+4], "\x00")] {
			hit++
		}
	}
	return 2*hit >= len(toks)-3
}

func shingleSet(toks []string) map[string]bool {
	out := map[string]bool{}
	for i := 0; i+4 <= len(toks); i++ {
		out[strings.Join(toks[i:i+4], "\x00")] = true
	}
	return out
}

func countBlocks(pages []trainPage) int {
	n := 0
	for _, p := range pages {
		n += len(p.texts)
	}
	return n
}

// fit runs Newton's method on the weighted, L2-penalised log-loss.
func fit(pages []*trainPage) extract.BlockModel {
	var m extract.BlockModel
	all := func(*[nFeatures]float64) bool { return true }
	for _, p := range pages {
		for i := range p.feats {
			for j := extract.StackAt; j < nFeatures; j++ {
				p.feats[i][j] = 0
			}
		}
	}
	m[0] = fitRow(pages, all)
	if !*stacked {
		m[1] = m[0]
		return m
	}
	for _, p := range pages {
		extract.Stack(&m, p.feats)
	}
	m[1] = fitRow(pages, all)
	return m
}

func fitRow(pages []*trainPage, use func(*[nFeatures]float64) bool) [nFeatures]float64 {
	var w [nFeatures]float64
	for iter := 0; iter < 25; iter++ {
		var grad [nFeatures]float64
		var hess [nFeatures][nFeatures]float64
		total := 0.0
		for _, p := range pages {
			for i := range p.feats {
				f := &p.feats[i]
				if !extract.Candidate(f) || !use(f) || !p.allow[i] {
					continue
				}
				sw := p.weight[i] + 1e-3
				total += sw
				pr := 1 / (1 + math.Exp(-extract.Logit(f, &w)))
				y := bool01(p.labels[i])
				g := sw * (pr - y)
				h := sw * max(pr*(1-pr), 1e-6)
				for a := 0; a < nFeatures; a++ {
					if f[a] == 0 {
						continue
					}
					grad[a] += g * f[a]
					for b := a; b < nFeatures; b++ {
						hess[a][b] += h * f[a] * f[b]
					}
				}
			}
		}
		lam := *l2 * total
		for a := 0; a < nFeatures; a++ {
			for b := 0; b < a; b++ {
				hess[a][b] = hess[b][a]
			}
			if a > 0 {
				grad[a] += lam * w[a]
			}
			hess[a][a] += lam + 1e-9
		}
		step := solve(hess, grad)
		change := 0.0
		for a := range w {
			w[a] -= step[a]
			change = max(change, math.Abs(step[a]))
		}
		if change < 1e-6 {
			break
		}
	}
	return w
}

// solve returns x with A x = b by Gaussian elimination with pivoting.
func solve(a [nFeatures][nFeatures]float64, b [nFeatures]float64) [nFeatures]float64 {
	const n = nFeatures
	for c := 0; c < n; c++ {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(a[r][c]) > math.Abs(a[p][c]) {
				p = r
			}
		}
		a[c], a[p] = a[p], a[c]
		b[c], b[p] = b[p], b[c]
		if math.Abs(a[c][c]) < 1e-12 {
			continue
		}
		for r := c + 1; r < n; r++ {
			k := a[r][c] / a[c][c]
			for j := c; j < n; j++ {
				a[r][j] -= k * a[c][j]
			}
			b[r] -= k * b[c]
		}
	}
	var x [nFeatures]float64
	for c := n - 1; c >= 0; c-- {
		if math.Abs(a[c][c]) < 1e-12 {
			continue
		}
		s := b[c]
		for j := c + 1; j < n; j++ {
			s -= a[c][j] * x[j]
		}
		x[c] = s / a[c][c]
	}
	return x
}

// scorePages renders each page's kept blocks, as classify would with the
// model that model(i) returns for page i (nil: the heuristics), and
// scores them with the benchmark's metric.
func scorePages(pages []trainPage, model func(int) *extract.BlockModel) string {
	return scoreKeeps(pages, func(i int) []bool {
		if model == nil {
			return pages[i].heur
		}
		return predict(&pages[i], model(i))
	})
}

func scoreKeeps(pages []trainPage, keeps func(int) []bool) string {
	var sp, sr float64
	var np, nr int
	for i := range pages {
		p := &pages[i]
		keep := keeps(i)
		var parts []string
		for j, k := range keep {
			if k {
				parts = append(parts, p.texts[j])
			}
		}
		d := scoreText(p.gold, strings.Join(parts, "\n\n"))
		if d.hasP {
			sp += d.p
			np++
		}
		if d.hasR {
			sr += d.r
			nr++
		}
	}
	P, R := sp/float64(max(np, 1)), sr/float64(max(nr, 1))
	return fmt.Sprintf("F1 %.4f  P %.4f  R %.4f", 2*P*R/(P+R), P, R)
}

func pageF1(p *trainPage, keep []bool) float64 {
	var parts []string
	for j, k := range keep {
		if k {
			parts = append(parts, p.texts[j])
		}
	}
	d := scoreText(p.gold, strings.Join(parts, "\n\n"))
	if d.p+d.r == 0 {
		return 0
	}
	return 2 * d.p * d.r / (d.p + d.r)
}

func predict(p *trainPage, w *extract.BlockModel) []bool {
	extract.Stack(w, p.feats)
	keep := make([]bool, len(p.feats))
	n := 0
	for i := range p.feats {
		if extract.Candidate(&p.feats[i]) && p.allow[i] && extract.Logit(&p.feats[i], &w[1]) > 0 {
			keep[i] = true
			n += len([]rune(p.texts[i]))
		}
	}
	if n < 100 {
		return p.heur
	}
	return keep
}

var tokenRE = regexp.MustCompile(`[\p{L}\p{N}_]+`)

type docScore struct {
	p, r       float64
	hasP, hasR bool
}

// scoreText is the benchmark's per-page metric: word 4-gram shingle
// counts, normalised per page.
func scoreText(gold, pred string) docScore {
	gs, ps := shingleCounts(tokenRE.FindAllString(gold, -1)), shingleCounts(tokenRE.FindAllString(pred, -1))
	var tp, fp, fn float64
	for k, c := range gs {
		tp += float64(min(c, ps[k]))
		fn += float64(max(0, c-ps[k]))
	}
	for k, c := range ps {
		fp += float64(max(0, c-gs[k]))
	}
	d := docScore{hasP: tp+fp > 0, hasR: tp+fn > 0}
	switch {
	case fp == 0 && fn == 0:
		d.p, d.r = 1, 1
	default:
		if tp+fp > 0 {
			d.p = tp / (tp + fp)
		}
		if tp+fn > 0 {
			d.r = tp / (tp + fn)
		}
	}
	return d
}

func shingleCounts(toks []string) map[string]int {
	out := map[string]int{}
	if len(toks) > 0 && len(toks) < 4 {
		out[strings.Join(toks, "\x00")]++
	}
	for i := 0; i+4 <= len(toks); i++ {
		out[strings.Join(toks[i:i+4], "\x00")]++
	}
	return out
}

func writeWeights(path string, w extract.BlockModel) error {
	var b strings.Builder
	b.WriteString("// Code generated by tools/extracttrain; DO NOT EDIT.\n\n")
	b.WriteString("package extract\n\n")
	b.WriteString("// blockWeights are the logistic model's weights, one per feature in\n")
	b.WriteString("// features.go, fitted on all benchmark pages by tools/extracttrain.\n")
	b.WriteString("var blockWeights = blockModel{\n")
	for _, row := range w {
		b.WriteString("\t{\n")
		for i, x := range row {
			fmt.Fprintf(&b, "\t\t%.4f, // %d\n", x, i)
		}
		b.WriteString("\t},\n")
	}
	b.WriteString("}\n")
	src, err := format.Source([]byte(b.String()))
	if err != nil {
		return err
	}
	return os.WriteFile(path, src, 0o644)
}

// errorsList prints the candidate blocks of some weight where the
// heuristics and the gold labels disagree, with their telling features.
func errorsList() error {
	pages, err := loadTrainPages()
	if err != nil {
		return err
	}
	for _, p := range pages {
		for i := range p.feats {
			if !extract.Candidate(&p.feats[i]) || p.heur[i] == p.labels[i] || p.weight[i] < 0.02 {
				continue
			}
			kind := "FP"
			if p.labels[i] {
				kind = "FN"
			}
			txt := []rune(p.texts[i])
			if len(txt) > 90 {
				txt = txt[:90]
			}
			fmt.Printf("%s %s w=%.2f %s  %q\n", kind, p.id[:6], p.weight[i], extract.DescribeFeatures(&p.feats[i]), string(txt))
		}
	}
	return nil
}

// speed times extract.HTML over every benchmark page.
func speed() error {
	raw, err := os.ReadFile(filepath.Join(*benchDir, "ground-truth.json"))
	if err != nil {
		return fmt.Errorf("no benchmark data (-bench): %w", err)
	}
	var gt map[string]any
	if err := json.Unmarshal(raw, &gt); err != nil {
		return err
	}
	var bodies [][]byte
	for id := range gt {
		body, err := readGzFile(filepath.Join(*benchDir, "html", id+".html.gz"))
		if err != nil {
			return err
		}
		bodies = append(bodies, body)
	}
	t0 := time.Now()
	for _, body := range bodies {
		if _, err := extract.HTML(body, pageURL, ""); err != nil {
			return err
		}
	}
	d := time.Since(t0)
	fmt.Printf("%d pages in %v: %.0f pages/s\n", len(bodies), d.Round(time.Millisecond), float64(len(bodies))/d.Seconds())
	return nil
}

func bool01(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
