// Package dedup finds copies of an article: an exact content hash for the
// same text and a 64-bit SimHash for near copies (a new headline, a trimmed
// ending, a rewritten intro, an agency text republished with small edits).
// It has no storage; an Index keeps the hashes of recent articles in memory.
package dedup

import (
	"crypto/sha256"
	"encoding/hex"
	"math/bits"
	"strings"

	"manset/internal/turkish"
)

// ShingleSize is how many consecutive terms make one shingle. Three keeps
// word order (two articles on one topic share words, rarely phrases) while a
// substituted word disturbs only three shingles.
const ShingleSize = 3

// DefaultMaxDistance is the largest SimHash distance at which two texts are
// near copies. Measured by TestDedupFigures on pairs built from the demo
// articles: rewritten intros land at 6-14 bits, different articles (also
// the same story from different outlets) at 20 bits or more.
const DefaultMaxDistance = 14

// MinResemblance is the Resemblance at or above which a SimHash candidate
// is confirmed as a copy (see Resemblance for why confirm).
const MinResemblance = 0.5

// SimHash returns the 64-bit SimHash of text over shingles of ShingleSize
// terms (see Terms), so case, diacritics, punctuation, spacing and word
// suffixes do not count. A text shorter than one shingle is one shingle; a
// text without words hashes to 0.
func SimHash(text string) uint64 {
	var votes [64]int
	n := 0
	eachShingle(text, func(h uint64) {
		n++
		for b := 0; b < 64; b++ {
			votes[b] += int(h>>b&1)*2 - 1
		}
	})
	if n == 0 {
		return 0
	}
	var out uint64
	for b, v := range votes {
		if v > 0 {
			out |= 1 << b
		}
	}
	return out
}

// Resemblance is the share of the shorter text's distinct shingles that the
// other text also has: 1 for a copy or a trimmed copy, 0.85-0.95 for a new
// intro or headline, at most 0.11 for different articles, even on the same
// story (measured in TestDedupFigures). It confirms SimHash candidates: at the distances needed
// to catch rewrites, unrelated hashes in a large index sometimes meet by
// chance (about 3 in a million pairs at 14 bits).
func Resemblance(a, b string) float64 {
	sa, sb := shingleSet(a), shingleSet(b)
	if len(sa) > len(sb) {
		sa, sb = sb, sa
	}
	if len(sa) == 0 {
		return 0
	}
	common := 0
	for h := range sa {
		if sb[h] {
			common++
		}
	}
	return float64(common) / float64(len(sa))
}

func shingleSet(text string) map[uint64]bool {
	set := map[uint64]bool{}
	eachShingle(text, func(h uint64) { set[h] = true })
	return set
}

// eachShingle calls fn with the hash of every shingle of text in order.
func eachShingle(text string, fn func(uint64)) {
	terms := Terms(text)
	if len(terms) == 0 {
		return
	}
	for i := 0; i+ShingleSize <= max(len(terms), ShingleSize); i++ {
		fn(shingleHash(terms[i:min(i+ShingleSize, len(terms))]))
	}
}

// Terms returns the words of text as SimHash sees them: Turkish lowercase,
// apostrophe suffix dropped, cut to five letters, folded to ASCII. Without
// snowball, a text retyped without Turkish letters or in capitals gives the
// same terms; stop words stay, as they carry the word order of a copy.
func Terms(text string) []string {
	words := turkish.Tokenize(text)
	for i, w := range words {
		words[i] = turkish.StemPrefix(w, 5)
	}
	return words
}

// shingleHash is FNV-1a over the terms (separated by a zero byte so "ab c"
// and "a bc" differ) followed by a 64-bit finaliser: FNV alone leaves the
// high bits of short inputs poorly mixed, and SimHash needs every bit fair.
func shingleHash(terms []string) uint64 {
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	h := uint64(offset)
	for i, t := range terms {
		if i > 0 {
			h ^= 0
			h *= prime
		}
		for j := 0; j < len(t); j++ {
			h ^= uint64(t[j])
			h *= prime
		}
	}
	return mix64(h)
}

// mix64 is the MurmurHash3 64-bit finaliser.
func mix64(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// Distance is the number of bits in which two SimHashes differ.
func Distance(a, b uint64) int {
	return bits.OnesCount64(a ^ b)
}

// ContentHash is the hex SHA-256 of text folded the Turkish way with
// whitespace collapsed, so copies that differ only in case, diacritics or
// spacing hash the same. It is defined exactly as ingest.ContentHash.
func ContentHash(text string) string {
	sum := sha256.Sum256([]byte(strings.Join(strings.Fields(turkish.Fold(text)), " ")))
	return hex.EncodeToString(sum[:])
}
