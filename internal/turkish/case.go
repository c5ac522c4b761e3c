// Package turkish handles Turkish text: case mapping with the dotted and
// dotless i, diacritic folding, slugs, tokens, stems, sentences, paragraphs
// and dates. Never use strings.ToLower on Turkish text: it maps "I" to "i"
// and "İ" to "i̇" (with a combining dot).
package turkish

import (
	"strings"
	"unicode"
)

// Lower lowercases s with Turkish rules: "I" becomes "ı" and "İ" becomes "i".
func Lower(s string) string {
	return strings.ToLowerSpecial(unicode.TurkishCase, s)
}

// Upper uppercases s with Turkish rules: "i" becomes "İ" and "ı" becomes "I".
func Upper(s string) string {
	return strings.ToUpperSpecial(unicode.TurkishCase, s)
}

// foldMap maps lowercase Turkish (and common Latin) letters with diacritics
// to ASCII, so "ışık" folds to "isik".
var foldMap = map[rune]string{
	'ı': "i", 'ş': "s", 'ğ': "g", 'ü': "u", 'ö': "o", 'ç': "c",
	'â': "a", 'î': "i", 'û': "u", 'á': "a", 'à': "a", 'ä': "a", 'ã': "a", 'å': "a",
	'é': "e", 'è': "e", 'ê': "e", 'ë': "e", 'í': "i", 'ì': "i", 'ï': "i",
	'ó': "o", 'ò': "o", 'ô': "o", 'õ': "o", 'ú': "u", 'ù': "u", 'ñ': "n", 'ß': "ss",
	'\u0307': "", // combining dot above, left by other lowercasers
}

// Fold lowercases s with Turkish rules and removes diacritics, for matching
// text typed without Turkish letters: Fold("IŞIK") == Fold("isik") == "isik".
func Fold(s string) string {
	s = Lower(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if f, ok := foldMap[r]; ok {
			b.WriteString(f)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}
