package kai

import (
	"math"
	"sort"
	"strings"

	"manset/internal/turkish"
)

// Summary weights. News puts the gist first (the inverted pyramid), so the
// lead counts most; centrality (how much a sentence shares with the rest,
// by TF-IDF over stems) picks the sentences the story keeps returning to.
const (
	summaryLeadWeight    = 0.45
	summaryCentralWeight = 0.55
	summaryMaxOverlap    = 0.35 // cosine above which a sentence repeats a picked one
	summaryMinWords      = 5
	summaryMaxWords      = 60
)

// Summarize returns up to n sentences of text that best sum it up (the
// "Özet" of an article), in their original order. Very short and very
// long sentences (captions, run-on lists) are passed over.
func Summarize(text string, n int) []string {
	if n <= 0 {
		return nil
	}
	sents := summaryCandidates(text)
	if len(sents) == 0 {
		return nil
	}
	vecs := tfidfVectors(sents)
	scores := make([]float64, len(sents))
	central := centrality(vecs)
	for i := range sents {
		lead := 1 / (1 + float64(i)/2)
		scores[i] = summaryLeadWeight*lead + summaryCentralWeight*central[i]
	}
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return scores[order[a]] > scores[order[b]] })
	var picked []int
	for _, i := range order {
		if len(picked) == n {
			break
		}
		if !repeats(vecs, picked, i) {
			picked = append(picked, i)
		}
	}
	sort.Ints(picked)
	out := make([]string, len(picked))
	for k, i := range picked {
		out[k] = sents[i].text
	}
	return out
}

type summarySentence struct {
	text  string
	terms []string
}

// summaryCandidates splits text into sentences fit for a summary.
func summaryCandidates(text string) []summarySentence {
	var out []summarySentence
	for _, para := range turkish.SplitParagraphs(text) {
		for _, s := range turkish.SplitSentences(para) {
			words := len(strings.Fields(s))
			if words < summaryMinWords || words > summaryMaxWords || strings.HasSuffix(s, "?") {
				continue
			}
			out = append(out, summarySentence{text: s, terms: turkish.NormalizeContentTokens(s)})
		}
	}
	return out
}

// tfidfVectors returns unit-length TF-IDF vectors of the sentences' stems.
func tfidfVectors(sents []summarySentence) []map[string]float64 {
	df := map[string]int{}
	for _, s := range sents {
		seen := map[string]bool{}
		for _, t := range s.terms {
			if !seen[t] {
				seen[t] = true
				df[t]++
			}
		}
	}
	n := float64(len(sents))
	vecs := make([]map[string]float64, len(sents))
	for i, s := range sents {
		v := map[string]float64{}
		for _, t := range s.terms {
			v[t]++
		}
		norm := 0.0
		for t, tf := range v {
			w := (1 + math.Log(tf)) * math.Log(1+n/float64(df[t]))
			v[t] = w
			norm += w * w
		}
		if norm > 0 {
			norm = math.Sqrt(norm)
			for t := range v {
				v[t] /= norm
			}
		}
		vecs[i] = v
	}
	return vecs
}

// centrality is each sentence's mean cosine similarity to the others,
// scaled so the most central sentence scores 1.
func centrality(vecs []map[string]float64) []float64 {
	out := make([]float64, len(vecs))
	best := 0.0
	for i := range vecs {
		for j := range vecs {
			if i != j {
				out[i] += cosine(vecs[i], vecs[j])
			}
		}
		best = max(best, out[i])
	}
	if best > 0 {
		for i := range out {
			out[i] /= best
		}
	}
	return out
}

func cosine(a, b map[string]float64) float64 {
	if len(b) < len(a) {
		a, b = b, a
	}
	dot := 0.0
	for t, w := range a {
		dot += w * b[t]
	}
	return dot
}

func repeats(vecs []map[string]float64, picked []int, i int) bool {
	for _, p := range picked {
		if cosine(vecs[p], vecs[i]) > summaryMaxOverlap {
			return true
		}
	}
	return false
}
