package dedup

import (
	"math"
	"slices"
	"sync"
)

// Index finds stored SimHashes near a query without comparing against all
// of them. The 64 bits are cut into blocks; two hashes within maxDist bits
// differ in at most maxDist/blocks bits in some block (pigeonhole), so every
// near hash is found by looking up each block's value and its variants
// within that many bits. Each block has its own table indexed by value;
// blocks are at most 16 bits so a table is a flat slice (1.5 MB).
//
// An Index is safe for concurrent use.
type Index struct {
	mu     sync.RWMutex
	maxK   int   // the largest maxDist answered from the tables
	widths []int // bits per block, summing to 64
	radius int   // per-block bit differences probed: maxK / len(widths)
	tables [][][]entry
	all    []entry
}

type entry struct {
	id  int64
	h   uint64
	seq int // insertion order
}

// NewIndex returns an index that answers Near for any maxDist up to maxK
// from its tables; larger distances fall back to a scan of every entry.
// The block count is chosen to keep the probes per query few while each
// probe still narrows to a small share of the stored hashes.
func NewIndex(maxK int) *Index {
	maxK = max(0, min(maxK, 63))
	blocks := chooseBlocks(maxK)
	ix := &Index{maxK: maxK, radius: maxK / blocks}
	for i := 0; i < blocks; i++ {
		w := 64 / blocks
		if i < 64%blocks {
			w++
		}
		ix.widths = append(ix.widths, w)
		ix.tables = append(ix.tables, make([][]entry, 1<<w))
	}
	return ix
}

// chooseBlocks picks the block count for maxK that minimises the work of
// one query on an index of about a million hashes. A probe is a cache miss
// (measured at about 30 candidate checks); each brings about n/2^width
// candidates. Four blocks of 16 bits is the least, to keep tables small.
// For maxK 14 this gives five blocks of 12-13 bits probed within 2 bits.
func chooseBlocks(maxK int) int {
	const n = 1 << 20
	best, bestCost := 4, math.Inf(1)
	for b := 4; b <= max(4, maxK+1); b++ {
		w := 64 / b
		p := float64(b * probes(w, maxK/b))
		if cost := 30*p + p*n/math.Exp2(float64(w)); cost < bestCost {
			best, bestCost = b, cost
		}
	}
	return best
}

// probes counts the values within r bits of a w-bit value.
func probes(w, r int) int {
	n, c := 0, 1
	for i := 0; i <= r; i++ {
		n += c
		c = c * (w - i) / (i + 1)
	}
	return n
}

// Add stores hash h for id. Adding an id again adds a second entry.
func (ix *Index) Add(id int64, h uint64) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	e := entry{id, h, len(ix.all)}
	ix.all = append(ix.all, e)
	shift := 0
	for i, w := range ix.widths {
		key := block(h, shift, w)
		ix.tables[i][key] = append(ix.tables[i][key], e)
		shift += w
	}
}

// Len is the number of stored entries.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.all)
}

// Near returns the ids whose hash is within maxDist bits of h, each once,
// in the order they were added.
func (ix *Index) Near(h uint64, maxDist int) []int64 {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if maxDist < 0 {
		return nil
	}
	if maxDist > ix.maxK {
		return scan(ix.all, h, maxDist)
	}
	seen := map[int64]bool{}
	var found []entry
	shift := 0
	for i, w := range ix.widths {
		key := block(h, shift, w)
		eachVariant(key, w, ix.radius, func(v uint64) {
			for _, e := range ix.tables[i][v] {
				if !seen[e.id] && Distance(e.h, h) <= maxDist {
					seen[e.id] = true
					found = append(found, e)
				}
			}
		})
		shift += w
	}
	// Answer in insertion order, whichever block matched first.
	slices.SortFunc(found, func(a, b entry) int { return a.seq - b.seq })
	return ids(found)
}

func block(h uint64, shift, width int) uint64 {
	return (h >> shift) & (1<<width - 1)
}

// eachVariant calls fn for v and every w-bit value within r bits of it.
func eachVariant(v uint64, w, r int, fn func(uint64)) {
	fn(v)
	var flip func(v uint64, from, left int)
	flip = func(v uint64, from, left int) {
		for b := from; b < w; b++ {
			u := v ^ 1<<b
			fn(u)
			if left > 1 {
				flip(u, b+1, left-1)
			}
		}
	}
	if r > 0 {
		flip(v, 0, r)
	}
}

func scan(all []entry, h uint64, maxDist int) []int64 {
	var out []int64
	seen := map[int64]bool{}
	for _, e := range all {
		if !seen[e.id] && Distance(e.h, h) <= maxDist {
			seen[e.id] = true
			out = append(out, e.id)
		}
	}
	return out
}

func ids(es []entry) []int64 {
	out := make([]int64, len(es))
	for i, e := range es {
		out[i] = e.id
	}
	return out
}
