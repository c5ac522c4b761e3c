package turkish

import (
	"strings"
	"unicode"
)

// Title capitalises the first letter of every word and lowercases the rest,
// with Turkish rules: Title("istanbul'da ılık") == "İstanbul'da Ilık". A
// letter after an apostrophe continues its word, so suffixes stay lowercase.
func Title(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 4)
	prev := rune(0)
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) && startsWord(prev):
			b.WriteString(Upper(string(r)))
		case unicode.IsLetter(r):
			b.WriteString(Lower(string(r)))
		default:
			b.WriteRune(r)
		}
		if !unicode.IsMark(r) {
			prev = r
		}
	}
	return b.String()
}

// startsWord reports whether a letter following prev begins a new word.
func startsWord(prev rune) bool {
	if prev == 0 {
		return true
	}
	return !unicode.IsLetter(prev) && !unicode.IsDigit(prev) && !isApostrophe(prev)
}

// isApostrophe reports whether r is one of the apostrophes that separate a
// proper noun from its suffix ("Ankara'ya", "Ankara’ya").
func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == '‘' || r == 'ʼ' || r == '`'
}
