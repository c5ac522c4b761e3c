package turkish

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxSlugLen is the longest slug Slugify returns, in bytes.
const MaxSlugLen = 80

// Slugify turns a title into a URL slug with Turkish transliteration:
// "Yoldaş Putin'den" becomes "yoldas-putinden". Apostrophes join the word
// and its suffix; other non-letters separate words. Long slugs are cut at a
// word boundary. An empty result means the title had no letters or digits.
func Slugify(s string) string {
	folded := Fold(s)
	var b strings.Builder
	dash := false
	for _, r := range folded {
		switch {
		case r == '\'' || r == '’' || r == '`' || r == '‘':
			continue
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	out := b.String()
	if len(out) > MaxSlugLen {
		out = out[:MaxSlugLen]
		if i := strings.LastIndexByte(out, '-'); i > MaxSlugLen/2 {
			out = out[:i]
		}
		out = strings.Trim(out, "-")
	}
	return out
}
