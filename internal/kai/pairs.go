package kai

import (
	_ "embed"
	"hash/fnv"
	"math"
	"slices"

	"manset/internal/kai/pairs"
)

//go:embed pairs.bin
var pairsBin []byte

// defaultPairs is the embedded association table (package pairs);
// tools/kaitrain writes pairs.bin. Empty when pairs.bin is.
var defaultPairs = func() *pairs.Table {
	p, err := pairs.Decode(pairsBin)
	if err != nil {
		panic("kai: bad pairs.bin: " + err.Error())
	}
	return p
}()

// hashToken is the 64-bit FNV-1a of a token with its kind prefix.
func hashToken(kind, s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(kind))
	h.Write([]byte{0})
	h.Write([]byte(s))
	return h.Sum64()
}

// pairFillers are question words that say nothing about what is asked;
// they are neither an interrogative token nor the word after one.
var pairFillers = setOf("peki", "acaba", "mi", "mu", "midir", "mudur", "misin", "musun",
	"dir", "dur", "tir", "tur")

// questionPairTokens are the question's side of the association: its
// content stems, its type, and each interrogative alone and with the word
// after it ("kaç yıl", "hangi üniversite", "ne zaman"), which say what kind
// of sentence answers better than either word alone.
func (a *analyzer) questionPairTokens(text string, qu *query) []uint64 {
	var out []uint64
	seen := map[uint64]bool{}
	add := func(h uint64) {
		if !seen[h] {
			seen[h] = true
			out = append(out, h)
		}
	}
	add(hashToken("y", string(rune('0'+qu.typ))))
	for _, t := range qu.content {
		add(hashToken("t", t.term))
	}
	toks := a.tokens(text)
	for i, t := range toks {
		if !questionWords[t.surface] || pairFillers[t.surface] || t.surface == "zaman" {
			continue
		}
		add(hashToken("w", t.surface))
		if i+1 < len(toks) && !pairFillers[toks[i+1].surface] {
			add(hashToken("w2", t.surface+" "+toks[i+1].term))
		}
	}
	return out
}

// kindTokens are the sentence-side tokens of the phrase kinds (entityKinds).
var kindTokens = func() []uint64 {
	out := make([]uint64, nEntityKinds)
	for k := range out {
		out[k] = hashToken("k", string(rune('0'+k)))
	}
	return out
}()

// sentencePairTokens are the sentence's side: its stems the question does
// not contain (a shared word is already scored by the overlap features) and
// the kinds of phrase it offers (kinds[k]).
func sentencePairTokens(s *sentence, qu *query, kinds func(entityKind) bool) []uint64 {
	out := make([]uint64, 0, len(s.toks)+2)
	for _, t := range s.toks {
		if !qu.mentions(t) && !slices.Contains(out, t.hash) {
			out = append(out, t.hash)
		}
	}
	for k := range nEntityKinds {
		if kinds(k) {
			out = append(out, kindTokens[k])
		}
	}
	return out
}

// pairFeatures fills the association features of every sentence of d.
// Variants over the previous sentence too, the strongest single pair, the
// share of question tokens matched and the best relative to the document's
// best were tried and did not help (RANKER.md).
func pairFeatures(d *document, qu *query, p *pairs.Table) {
	if p.Len() == 0 || len(qu.pairs) == 0 {
		return
	}
	for _, s := range d.sents {
		x := s.Features
		sk := sentencePairTokens(s, qu, func(k entityKind) bool {
			return x[fTypeBase+int(qu.typ)*int(nEntityKinds)+int(k)] > 0
		})
		best, sum := p.Best(qu.pairs, sk)
		x[fPairBest] = mean(best)
		x[fPairSum] = math.Log1p(sum)
	}
}

func mean(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

// PairKeys returns the hashed tokens the association table is learned
// from: the question's, and per sentence (in document order, with its
// offsets) the sentence's. For the trainer.
func (e *Extractive) PairKeys(q Question) (qk []uint64, sents []RankedSentence, sk [][]uint64) {
	a := newAnalyzer(e)
	qu := a.analyzeQuery(q)
	d := a.prepare(q.Articles)
	for _, s := range d.sents {
		sents = append(sents, s.RankedSentence)
		sk = append(sk, sentencePairTokens(s, qu, func(k entityKind) bool { return hasEntity(k, s, qu) }))
	}
	return qu.pairs, sents, sk
}
