package extract

import (
	"strings"

	"manset/internal/turkish"
)

// Frequent short words of each language, for guessing when the page does
// not say.
var (
	trWords = map[string]bool{"ve": true, "bir": true, "bu": true, "da": true, "de": true, "için": true, "ile": true, "olarak": true, "çok": true, "daha": true, "gibi": true, "olan": true, "ama": true, "ancak": true, "sonra": true, "kadar": true, "göre": true}
	enWords = map[string]bool{"the": true, "and": true, "of": true, "to": true, "in": true, "is": true, "that": true, "for": true, "with": true, "was": true, "on": true, "as": true, "are": true, "it": true, "by": true}
)

// guessLang returns "tr" or "en" when the text's frequent words say so,
// and "" otherwise.
func guessLang(text string) string {
	if len(text) > 4000 {
		text = text[:4000]
	}
	tr, en := 0, 0
	for _, w := range strings.FieldsFunc(turkish.Lower(text), func(r rune) bool { return !(r >= 'a' && r <= 'z' || r > 127) }) {
		if trWords[w] {
			tr++
		}
		if enWords[w] {
			en++
		}
	}
	switch {
	case tr >= 3 && tr > 2*en:
		return "tr"
	case en >= 3 && en > 2*tr:
		return "en"
	}
	return ""
}
