// Package pairs is KAI's learned association table between question tokens
// and the words of answer sentences: "kaç yıl … ölmüştür" leads to "vefat",
// "evlendiği" to "evlendi". It catches paraphrases across roots that no
// overlap feature sees. Tokens are kept only as 64-bit hashes, so the table
// holds no text of the data it was learned from. tools/kaitrain learns it
// and writes it as internal/kai/pairs.bin; package kai embeds that file and
// hashes the tokens (see internal/kai/RANKER.md).
package pairs

import (
	"encoding/binary"
	"errors"
	"math"
	"slices"
)

// Table maps (question token, sentence token) to a weight.
type Table struct {
	w map[uint64]float32 // key(question token, sentence token) → weight > 0
	q map[uint64]bool    // question tokens with at least one pair
}

// Entry is one association: hashed question token Q, hashed sentence
// token S and its weight (log-odds of S in the gold sentence given Q).
type Entry struct {
	Q, S uint64
	W    float64
}

// New builds a table from entries; weights are stored in 1/scale steps,
// as in the file, so a table scores the same before and after encoding.
func New(entries []Entry) *Table {
	t := &Table{w: make(map[uint64]float32, len(entries)), q: map[uint64]bool{}}
	for _, e := range entries {
		v := quantise(e.W)
		if v <= 0 {
			continue
		}
		t.w[key(e.Q, e.S)] = float32(v) / scale
		t.q[e.Q] = true
	}
	return t
}

// Len is the number of pairs in the table.
func (t *Table) Len() int {
	if t == nil {
		return 0
	}
	return len(t.w)
}

// scale is the weight resolution in the file: one byte per weight.
const scale = 32

func quantise(w float64) int {
	return int(max(0, min(255, math.Round(w*scale))))
}

// magic starts the file: format version 1 is the magic, the count of
// question tokens, the count of pairs, the question token hashes, then per
// pair its key and one byte of weight, all little-endian.
const magic = "KAIPAIR1"

// Encode returns the table in the pairs.bin format, keys sorted so the
// file is the same for the same table.
func (t *Table) Encode() []byte {
	qs := make([]uint64, 0, len(t.q))
	for q := range t.q {
		qs = append(qs, q)
	}
	slices.Sort(qs)
	keys := make([]uint64, 0, len(t.w))
	for k := range t.w {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b := []byte(magic)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(qs)))
	b = binary.LittleEndian.AppendUint32(b, uint32(len(keys)))
	for _, q := range qs {
		b = binary.LittleEndian.AppendUint64(b, q)
	}
	for _, k := range keys {
		b = binary.LittleEndian.AppendUint64(b, k)
		b = append(b, byte(math.Round(float64(t.w[k])*scale)))
	}
	return b
}

// Decode reads a table written by Encode; empty input is an empty table
// (the ranker then gets zero association features).
func Decode(b []byte) (*Table, error) {
	t := &Table{w: map[uint64]float32{}, q: map[uint64]bool{}}
	if len(b) == 0 {
		return t, nil
	}
	if len(b) < len(magic)+8 || string(b[:len(magic)]) != magic {
		return nil, errors.New("not a pairs table")
	}
	b = b[len(magic):]
	nq, nw := int(binary.LittleEndian.Uint32(b)), int(binary.LittleEndian.Uint32(b[4:]))
	b = b[8:]
	if len(b) != nq*8+nw*9 {
		return nil, errors.New("pairs table has the wrong length")
	}
	for range nq {
		t.q[binary.LittleEndian.Uint64(b)] = true
		b = b[8:]
	}
	t.w = make(map[uint64]float32, nw)
	for range nw {
		t.w[binary.LittleEndian.Uint64(b)] = float32(b[8]) / scale
		b = b[9:]
	}
	return t, nil
}

// key combines two token hashes into one map key (splitmix64 finaliser,
// so (a,b) and (b,a) differ and keys spread evenly).
func key(q, s uint64) uint64 {
	x := q*0x9E3779B97F4A7C15 ^ (s<<31 | s>>33)
	x ^= x >> 30
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 27
	x *= 0x94D049BB133111EB
	return x ^ x>>31
}

// Best returns, per question token of qk, its best association with any of
// the sentence tokens sk (0 when none), and the sum of all associations.
func (t *Table) Best(qk, sk []uint64) (best []float64, sum float64) {
	best = make([]float64, len(qk))
	for i, q := range qk {
		if !t.q[q] {
			continue
		}
		for _, s := range sk {
			if w, ok := t.w[key(q, s)]; ok {
				best[i] = max(best[i], float64(w))
				sum += float64(w)
			}
		}
	}
	return best, sum
}
