package kai

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"hash/fnv"
	"math"
	"slices"
)

// Pairs is a learned association between question tokens and the words of
// answer sentences: "kaç yıl … ölmüştür" leads to "vefat", "evlendiği" to
// "evlendi". It catches paraphrases across roots that no overlap feature
// sees. Tokens are kept only as 64-bit hashes, so the table holds no text of
// the data it was learned from. The trainer (internal/kai/train) writes
// pairs.bin; see RANKER.md for how it is learned.
type Pairs struct {
	w map[uint64]float32 // pairKey(question token, sentence token) → weight > 0
	q map[uint64]bool    // question tokens with at least one pair
}

// PairEntry is one association: hashed question token Q, hashed sentence
// token S and its weight (log-odds of S in the gold sentence given Q).
type PairEntry struct {
	Q, S uint64
	W    float64
}

//go:embed pairs.bin
var pairsBin []byte

// defaultPairs is the embedded table; empty when pairs.bin is.
var defaultPairs = func() *Pairs {
	p, err := DecodePairs(pairsBin)
	if err != nil {
		panic("kai: bad pairs.bin: " + err.Error())
	}
	return p
}()

// WithPairs replaces the association table (nil: none), for the trainer,
// which learns it per fold so no question sees a table learned from itself.
func WithPairs(p *Pairs) Option {
	return func(e *Extractive) { e.pairs = p }
}

// NewPairs builds a table from entries; weights are stored in 1/pairScale
// steps, as in the file, so a table scores the same before and after
// encoding.
func NewPairs(entries []PairEntry) *Pairs {
	p := &Pairs{w: make(map[uint64]float32, len(entries)), q: map[uint64]bool{}}
	for _, e := range entries {
		v := quantise(e.W)
		if v <= 0 {
			continue
		}
		p.w[pairKey(e.Q, e.S)] = float32(v) / pairScale
		p.q[e.Q] = true
	}
	return p
}

// Len is the number of pairs in the table.
func (p *Pairs) Len() int {
	if p == nil {
		return 0
	}
	return len(p.w)
}

// pairScale is the weight resolution in the file: one byte per weight.
const pairScale = 32

func quantise(w float64) int {
	return int(max(0, min(255, math.Round(w*pairScale))))
}

// pairMagic starts pairs.bin: format version 1 is the magic, the count of
// question tokens, the count of pairs, the question token hashes, then per
// pair its key and one byte of weight, all little-endian.
const pairMagic = "KAIPAIR1"

// Encode returns the table in the pairs.bin format, keys sorted so the
// file is the same for the same table.
func (p *Pairs) Encode() []byte {
	qs := make([]uint64, 0, len(p.q))
	for q := range p.q {
		qs = append(qs, q)
	}
	slices.Sort(qs)
	keys := make([]uint64, 0, len(p.w))
	for k := range p.w {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b := []byte(pairMagic)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(qs)))
	b = binary.LittleEndian.AppendUint32(b, uint32(len(keys)))
	for _, q := range qs {
		b = binary.LittleEndian.AppendUint64(b, q)
	}
	for _, k := range keys {
		b = binary.LittleEndian.AppendUint64(b, k)
		b = append(b, byte(math.Round(float64(p.w[k])*pairScale)))
	}
	return b
}

// DecodePairs reads a table written by Encode; empty input is an empty
// table (the ranker then gets zero association features).
func DecodePairs(b []byte) (*Pairs, error) {
	p := &Pairs{w: map[uint64]float32{}, q: map[uint64]bool{}}
	if len(b) == 0 {
		return p, nil
	}
	if len(b) < len(pairMagic)+8 || string(b[:len(pairMagic)]) != pairMagic {
		return nil, errors.New("not a pairs table")
	}
	b = b[len(pairMagic):]
	nq, nw := int(binary.LittleEndian.Uint32(b)), int(binary.LittleEndian.Uint32(b[4:]))
	b = b[8:]
	if len(b) != nq*8+nw*9 {
		return nil, errors.New("pairs table has the wrong length")
	}
	for range nq {
		p.q[binary.LittleEndian.Uint64(b)] = true
		b = b[8:]
	}
	p.w = make(map[uint64]float32, nw)
	for range nw {
		p.w[binary.LittleEndian.Uint64(b)] = float32(b[8]) / pairScale
		b = b[9:]
	}
	return p, nil
}

// pairKey combines two token hashes into one map key (splitmix64 finaliser,
// so (a,b) and (b,a) differ and keys spread evenly).
func pairKey(q, s uint64) uint64 {
	x := q*0x9E3779B97F4A7C15 ^ (s<<31 | s>>33)
	x ^= x >> 30
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 27
	x *= 0x94D049BB133111EB
	return x ^ x>>31
}

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

// pairBest returns, per question token, the best association with any of
// the sentence tokens (0 when none).
func (p *Pairs) pairBest(qk, sk []uint64) (best []float64, sum float64) {
	best = make([]float64, len(qk))
	for i, q := range qk {
		if !p.q[q] {
			continue
		}
		for _, s := range sk {
			if w, ok := p.w[pairKey(q, s)]; ok {
				best[i] = max(best[i], float64(w))
				sum += float64(w)
			}
		}
	}
	return best, sum
}

// pairFeatures fills the association features of every sentence of d.
// Variants over the previous sentence too, the strongest single pair, the
// share of question tokens matched and the best relative to the document's
// best were tried and did not help (RANKER.md).
func pairFeatures(d *document, qu *query, p *Pairs) {
	if p.Len() == 0 || len(qu.pairs) == 0 {
		return
	}
	for _, s := range d.sents {
		x := s.Features
		sk := sentencePairTokens(s, qu, func(k entityKind) bool {
			return x[fTypeBase+int(qu.typ)*int(nEntityKinds)+int(k)] > 0
		})
		best, sum := p.pairBest(qu.pairs, sk)
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
