package kai

import (
	"math"
	"sort"
	"strings"

	"manset/internal/kai/pairs"
	"manset/internal/turkish"
)

// RankedSentence is a candidate answer sentence. Start and End are byte
// offsets in the text of Question.Articles[Article]; Features are the
// ranker's inputs in featureNames order (kept for training and debugging).
type RankedSentence struct {
	ArticleID  int64
	Article    int
	Start, End int
	Text       string
	Score      float64
	Features   []float64
	// Repeats are the other places in the same article where exactly
	// this sentence stands (an article that repeats a paragraph). The
	// copies are one candidate: a reader is never quoted the same
	// sentence twice, and a copy cannot outrank itself.
	Repeats []Span
}

// Extractive answers by quoting article sentences. It is safe for
// concurrent use; all state is per question.
type Extractive struct {
	forms *wordCache // primary stem and snowball stem of words
	model *model
	pairs *pairs.Table // question × sentence token associations
}

// NewExtractive returns the extractive engine with the embedded ranker.
func NewExtractive() *Extractive {
	return Tuned(Tuning{})
}

// Tuning chooses the ranker's parts, for the offline tools that train and
// measure it (tools/); the zero value is the shipped ranker.
type Tuning struct {
	// BM25Only ranks by raw BM25 instead of the learned model: the
	// baseline, and how the trainer extracts features.
	BM25Only bool
	// Pairs replaces the embedded association table; an empty table
	// (pairs.New(nil)) turns the association features off.
	Pairs *pairs.Table
	// Stem replaces the primary stemmer (turkish.Stem).
	Stem func(string) string
}

// Tuned returns the extractive engine with the ranker t chooses.
func Tuned(t Tuning) *Extractive {
	e := &Extractive{forms: newWordCache(turkish.StemForms), model: &defaultModel, pairs: defaultPairs}
	if t.BM25Only {
		e.model = nil
	}
	if t.Pairs != nil {
		e.pairs = t.Pairs
	}
	if stem := t.Stem; stem != nil {
		e.forms = newWordCache(func(w string) (string, string) { return stem(w), turkish.StemSnowball(w) })
	}
	return e
}

// secondaryPenalty lowers sentences of articles other than the one asked
// about (in model score units), so they win only when clearly better.
const secondaryPenalty = 1.5

// ranking is one question's analysed query and scored sentences.
type ranking struct {
	q      *query
	doc    *document
	sents  []*sentence // best first
	titles [][]token   // title tokens per article
	// untyped is set when a vague typed question ("Bu olay ne zaman
	// oldu?") finds no phrase of its type in the article.
	untyped bool
}

// Rank returns every candidate sentence of q.Articles, best first. Ask and
// Eval both rank through here, so the evaluation measures what readers get.
func (e *Extractive) Rank(q Question) []RankedSentence {
	r := e.rank(q)
	out := make([]RankedSentence, len(r.sents))
	for i, s := range r.sents {
		out[i] = s.RankedSentence
	}
	return out
}

func (e *Extractive) rank(q Question) *ranking {
	a := newAnalyzer(e)
	r := &ranking{q: a.analyzeQuery(q), doc: a.prepare(q.Articles)}
	titles := make([]map[string]bool, len(q.Articles))
	r.titles = make([][]token, len(q.Articles))
	for i, p := range q.Articles {
		titles[i] = map[string]bool{}
		r.titles[i] = a.tokens(p.Title)
		for _, t := range r.titles[i] {
			titles[i][t.term] = true
		}
	}
	computeFeatures(r.doc, r.q, titles, e.pairs)
	for _, s := range r.doc.sents {
		s.Score = e.model.score(s.Features)
		if s.Article > 0 {
			s.Score -= secondaryPenalty
		}
	}
	if r.q.vague {
		r.untyped = !r.rescoreForEvent()
	}
	if r.q.clock {
		yieldTo(r.doc.sents, hasClockTime)
	}
	yieldTo(r.doc.sents, askedArticle)
	r.sents = append([]*sentence(nil), r.doc.sents...)
	sort.SliceStable(r.sents, func(i, j int) bool { return r.sents[i].Score > r.sents[j].Score })
	r.sents = mergeRepeats(r.sents)
	return r
}

// yieldTo lets a sentence that is not preferred rank above the best
// preferred one only when it covers more of the question's words (by stem
// or shared prefix) than any preferred sentence does. The rules below use
// it where the model, trained on TQuAD, never saw the case.
func yieldTo(sents []*sentence, preferred func(*sentence) bool) {
	best, bestCov := math.Inf(-1), -1.0
	for _, s := range sents {
		if preferred(s) {
			best = max(best, s.Score)
			bestCov = max(bestCov, lexicalCoverage(s))
		}
	}
	if bestCov < 0 {
		return
	}
	for _, s := range sents {
		if !preferred(s) && s.Score >= best && lexicalCoverage(s) <= bestCov {
			s.Score = math.Nextafter(best, math.Inf(-1))
		}
	}
}

// askedArticle prefers the asked article's sentences to related ones: the
// model saw one article per question, and on a short question ("Kaç gemi
// bekliyor?") it can prefer a half-matching sentence of a related article,
// while a reader asking about this article expects its answer when it has
// one.
func askedArticle(s *sentence) bool { return s.Article == 0 }

// hasClockTime prefers, for "saat kaçta" questions, sentences that give a
// time of day ("06.40'ta"): TQuAD has almost none, and the model prefers a
// lead that says only "sabah saatlerinde" and matches the same words.
func hasClockTime(s *sentence) bool {
	for _, t := range s.toks {
		if clockTime.MatchString(t.word) {
			return true
		}
	}
	return false
}

func lexicalCoverage(s *sentence) float64 { return s.Features[fIDFCov] + s.Features[fSoftCov] }

// mergeRepeats folds later copies of a sentence (same article, same text
// once white space and byte-order marks are trimmed) into the best-ranked
// copy, whose Repeats lists where the others stand. sents is best first.
func mergeRepeats(sents []*sentence) []*sentence {
	type key struct {
		article int
		text    string
	}
	first := make(map[key]*sentence, len(sents))
	out := sents[:0]
	for _, s := range sents {
		k := key{s.Article, strings.Trim(s.Text, " \t\r\n\ufeff")}
		if f, ok := first[k]; ok {
			f.Repeats = append(f.Repeats, Span{s.Start, s.End})
			continue
		}
		first[k] = s
		out = append(out, s)
	}
	return out
}

const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// idfs returns BM25 idf per term over the sentences, for the terms of
// one field (primary stem, snowball stem).
func idfs(sents []*sentence, terms []string, field func(token) string) map[string]float64 {
	want := make(map[string]int, len(terms))
	for _, t := range terms {
		want[t] = 0
	}
	for _, s := range sents {
		seen := map[string]bool{}
		for _, t := range s.toks {
			f := field(t)
			if _, ok := want[f]; ok && !seen[f] {
				seen[f] = true
				want[f]++
			}
		}
	}
	n := float64(len(sents))
	idf := make(map[string]float64, len(want))
	for t, df := range want {
		idf[t] = math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
	}
	return idf
}

// bm25 scores toks against the query terms (summed in query order, so
// ties break the same way every time).
func bm25(toks []token, terms []string, idf map[string]float64, field func(token) string, avgLen float64) float64 {
	tf := map[string]int{}
	for _, t := range toks {
		if f := field(t); idf[f] > 0 {
			tf[f]++
		}
	}
	norm := bm25K1 * (1 - bm25B + bm25B*float64(len(toks))/avgLen)
	score := 0.0
	for _, term := range terms {
		if n := float64(tf[term]); n > 0 {
			score += idf[term] * n * (bm25K1 + 1) / (n + norm)
		}
	}
	return score
}

func termOf(t token) string { return t.term }
func altOf(t token) string  { return t.alt }
