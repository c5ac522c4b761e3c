package kai

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"manset/internal/news"
)

// Evaluation scopes: each paragraph alone, or all paragraphs of a title as
// one article.
const (
	ScopeParagraph = "paragraph"
	ScopeArticle   = "article"
)

// EvalItem is one question with its document and the byte spans of its gold
// answers in Question.Articles[0].Text.
type EvalItem struct {
	Question Question
	Gold     []Span
}

// Span is a [Start, End) byte range.
type Span struct{ Start, End int }

// EvalResult holds the figures Eval prints. Acc1 and Acc3 are percentages.
type EvalResult struct {
	Questions int
	Skipped   int // questions without a usable gold answer
	Acc1      float64
	Acc3      float64
	P50, P95  time.Duration
}

// Eval ranks the sentences of every question's document with e and reports
// how often a top-1 and top-3 sentence contains a gold answer span. The
// latency is of Rank per question, document preparation included: the
// engine indexes an article's sentences for every question, as Ask does.
// The last line written to w is exactly
// "acc@1=N acc@3=N p50_ms=N p95_ms=N questions=N".
func Eval(ctx context.Context, r io.Reader, scope string, e *Extractive, w io.Writer) (EvalResult, error) {
	items, skipped, err := LoadEval(r, scope)
	if err != nil {
		return EvalResult{}, err
	}
	res := EvalResult{Questions: len(items), Skipped: skipped}
	lat := make([]time.Duration, 0, len(items))
	hit1, hit3 := 0, 0
	for _, it := range items {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		t0 := time.Now()
		ranked := e.Rank(it.Question)
		lat = append(lat, time.Since(t0))
		if k := HitRank(ranked, it.Gold); k >= 0 {
			hit3 += b2i(k < 3)
			hit1 += b2i(k < 1)
		}
	}
	if n := len(items); n > 0 {
		res.Acc1 = 100 * float64(hit1) / float64(n)
		res.Acc3 = 100 * float64(hit3) / float64(n)
		res.P50, res.P95 = percentile(lat, 0.50), percentile(lat, 0.95)
	}
	if skipped > 0 {
		fmt.Fprintf(w, "skipped=%d (no gold answer inside its context)\n", skipped)
	}
	_, err = fmt.Fprintf(w, "acc@1=%.1f acc@3=%.1f p50_ms=%s p95_ms=%s questions=%d\n",
		res.Acc1, res.Acc3, ms(res.P50), ms(res.P95), res.Questions)
	return res, err
}

// HitRank returns the rank of the first sentence that contains a gold span,
// or -1.
func HitRank(ranked []RankedSentence, gold []Span) int {
	for k, s := range ranked {
		if s.Article != 0 {
			continue
		}
		for _, g := range gold {
			if s.Start <= g.Start && g.End <= s.End {
				return k
			}
			for _, r := range s.Repeats {
				if r.Start <= g.Start && g.End <= r.End {
					return k
				}
			}
		}
	}
	return -1
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func percentile(d []time.Duration, p float64) time.Duration {
	s := append([]time.Duration(nil), d...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[int(math.Ceil(p*float64(len(s))))-1]
}

// ms formats d in milliseconds with up to three decimals ("0.412").
func ms(d time.Duration) string {
	return strconv.FormatFloat(float64(d.Microseconds())/1000, 'f', -1, 64)
}

// squad is the SQuAD v1.1 layout. TQuAD writes answer_start as a string and
// ids as numbers, XQuAD the other way round; flexInt and RawMessage take both.
type squad struct {
	Data []struct {
		Title      string `json:"title"`
		Paragraphs []struct {
			Context string `json:"context"`
			QAs     []struct {
				Question string          `json:"question"`
				ID       json.RawMessage `json:"id"`
				Answers  []struct {
					Text  string  `json:"text"`
					Start flexInt `json:"answer_start"`
				} `json:"answers"`
			} `json:"qas"`
		} `json:"paragraphs"`
	} `json:"data"`
}

// flexInt is a JSON integer written as a number or a string ("255").
type flexInt int

func (f *flexInt) UnmarshalJSON(b []byte) error {
	s := strings.TrimSpace(strings.Trim(string(b), `"`))
	n, err := strconv.Atoi(s)
	if err != nil {
		return fmt.Errorf("answer_start %s is not an integer", b)
	}
	*f = flexInt(n)
	return nil
}

// LoadEval reads a SQuAD-format file into questions over documents of the
// given scope. Gold offsets count characters (runes, as in Python), a BOM
// included; they become byte spans, trimmed of surrounding white space.
// It also returns how many questions had no usable answer span.
func LoadEval(r io.Reader, scope string) ([]EvalItem, int, error) {
	if scope != ScopeParagraph && scope != ScopeArticle {
		return nil, 0, news.E(news.EINVALID, "kai.eval_scope", ScopeParagraph, ScopeArticle, scope)
	}
	var f squad
	if err := json.NewDecoder(r).Decode(&f); err != nil {
		return nil, 0, news.WrapError(news.EINVALID, "kai.eval_not_squad", err, err.Error())
	}
	var items []EvalItem
	skipped := 0
	for ti, art := range f.Data {
		var doc strings.Builder
		var pending []EvalItem
		for pi, p := range art.Paragraphs {
			if scope == ScopeParagraph {
				doc.Reset()
			} else if doc.Len() > 0 {
				doc.WriteString("\n\n")
			}
			base := doc.Len()
			doc.WriteString(p.Context)
			offs := runeOffsets(p.Context)
			for _, qa := range p.QAs {
				it := EvalItem{Question: Question{Text: qa.Question}}
				for _, a := range qa.Answers {
					if sp, ok := goldSpan(p.Context, offs, int(a.Start), a.Text); ok {
						it.Gold = append(it.Gold, Span{base + sp.Start, base + sp.End})
					}
				}
				if len(it.Gold) == 0 {
					skipped++
					continue
				}
				pending = append(pending, it)
			}
			if scope == ScopeParagraph || pi == len(art.Paragraphs)-1 {
				passage := Passage{ArticleID: int64(ti + 1), Title: art.Title, Text: doc.String()}
				for _, it := range pending {
					it.Question.Articles = []Passage{passage}
					items = append(items, it)
				}
				pending = pending[:0]
			}
		}
	}
	return items, skipped, nil
}

// runeOffsets maps rune index to byte offset; the last entry is len(s).
func runeOffsets(s string) []int {
	offs := make([]int, 0, len(s)+1)
	for i := range s {
		offs = append(offs, i)
	}
	return append(offs, len(s))
}

// goldSpan converts a rune-offset answer to a byte span of context, trimmed
// of white space; ok is false when it does not fit the context.
func goldSpan(context string, offs []int, start int, text string) (Span, bool) {
	n := utf8.RuneCountInString(text)
	if start < 0 || n == 0 || start+n >= len(offs) {
		return Span{}, false
	}
	sp := Span{offs[start], offs[start+n]}
	for sp.Start < sp.End && isTrimmable(context[sp.Start]) {
		sp.Start++
	}
	for sp.End > sp.Start && isTrimmable(context[sp.End-1]) {
		sp.End--
	}
	return sp, sp.Start < sp.End
}

func isTrimmable(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
