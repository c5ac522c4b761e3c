// Package turkish handles Turkish text: case mapping with the dotted and
// dotless i, diacritic folding, slugs, tokens, stems, sentences, paragraphs
// and dates. Never use strings.ToLower on Turkish text: it maps "I" to "i"
// and "İ" to "i̇" (with a combining dot).
package turkish

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// combiningDot is U+0307, which decomposed "İ" ("I" + dot) and other
// lowercasers' "i̇" carry.
const combiningDot = '\u0307'

// Lower lowercases s with Turkish rules: "I" becomes "ı" and "İ" becomes "i".
// Decomposed input is composed first, and a combining dot left on an "i" by
// another lowercaser is dropped, so "I\u0307" and "i\u0307" both become "i".
func Lower(s string) string {
	return dropDotOnI(strings.ToLowerSpecial(unicode.TurkishCase, composed(s)))
}

// Upper uppercases s with Turkish rules: "i" becomes "İ" and "ı" becomes "I".
func Upper(s string) string {
	return strings.ToUpperSpecial(unicode.TurkishCase, dropDotOnI(composed(s)))
}

// composed returns s in NFC, so "I" + U+0307 is one "İ" before case mapping.
func composed(s string) string {
	if isASCII(s) || norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

// dropDotOnI removes a combining dot that follows "i" or "İ", where it is
// redundant ("i̇stanbul" from strings.ToLower("İstanbul")).
func dropDotOnI(s string) string {
	if !strings.ContainsRune(s, combiningDot) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	prev := rune(0)
	for _, r := range s {
		if r == combiningDot && (prev == 'i' || prev == 'İ') {
			continue
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// foldMap maps lowercase Turkish (and common Latin) letters with diacritics
// to ASCII, so "ışık" folds to "isik". Letters not listed here are
// decomposed (NFKD) and lose their combining marks.
var foldMap = map[rune]string{
	'ı': "i", 'ş': "s", 'ğ': "g", 'ü': "u", 'ö': "o", 'ç': "c",
	'â': "a", 'î': "i", 'û': "u", 'á': "a", 'à': "a", 'ä': "a", 'ã': "a", 'å': "a",
	'é': "e", 'è': "e", 'ê': "e", 'ë': "e", 'í': "i", 'ì': "i", 'ï': "i",
	'ó': "o", 'ò': "o", 'ô': "o", 'õ': "o", 'ú': "u", 'ù': "u", 'ñ': "n", 'ß': "ss",
	'æ': "ae", 'ø': "o", 'œ': "oe", 'đ': "d", 'ł': "l", 'þ': "th",
}

// Fold lowercases s with Turkish rules and removes diacritics, for matching
// text typed without Turkish letters: Fold("IŞIK") == Fold("isik") == "isik".
// It accepts decomposed (NFD) input and stray combining marks.
func Fold(s string) string {
	s = Lower(s)
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			b.WriteRune(r)
		case foldMap[r] != "":
			b.WriteString(foldMap[r])
		case unicode.Is(unicode.Mn, r):
			// a combining mark left after composition: drop it
		default:
			writeDecomposed(&b, r)
		}
	}
	return b.String()
}

// writeDecomposed writes r in compatibility-decomposed form without its
// combining marks ("ā" -> "a", "ﬁ" -> "fi"), lowercased again because NFKD
// can produce capitals ("Ⅸ" -> "IX").
func writeDecomposed(b *strings.Builder, r rune) {
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	d := norm.NFKD.Bytes(buf[:n])
	if len(d) == n {
		b.WriteRune(r)
		return
	}
	for _, c := range string(d) {
		if unicode.Is(unicode.Mn, c) {
			continue
		}
		if f := foldMap[c]; f != "" {
			b.WriteString(f)
			continue
		}
		b.WriteRune(unicode.ToLower(c))
	}
}
