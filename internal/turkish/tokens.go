package turkish

import (
	"unicode"
	"unicode/utf8"
)

// Tokenize splits s into words in their original case. A word is a run of
// letters, digits and combining marks. Two joiners stay inside a word when
// they sit between word characters: an apostrophe ("İstanbul'da" is one
// token; callers that index stems drop the suffix after it) and a '.' or ','
// between digits ("3.5", "1.250.000"). Everything else separates words.
func Tokenize(s string) []string {
	var out []string
	start := -1
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWordRune(r):
			if start < 0 {
				start = i
			}
		case start >= 0 && joinsWord(s, start, i, r, size):
			// stays inside the current word
		default:
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
		}
		i += size
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// joinsWord reports whether the joiner r at s[i:i+size] sits inside a word
// that began at start.
func joinsWord(s string, start, i int, r rune, size int) bool {
	next, _ := utf8.DecodeRuneInString(s[i+size:])
	prev, _ := utf8.DecodeLastRuneInString(s[start:i])
	switch {
	case isApostrophe(r):
		return unicode.IsLetter(prev) && unicode.IsLetter(next)
	case r == '.' || r == ',':
		return unicode.IsDigit(prev) && unicode.IsDigit(next)
	}
	return false
}

// IsStopWord reports whether lowerWord (already lowercased with Lower) is a
// Turkish or common English function word that carries no search meaning.
func IsStopWord(lowerWord string) bool {
	_, ok := stopWords[lowerWord]
	return ok
}

var stopWords = func() map[string]struct{} {
	words := []string{
		// Turkish
		"acaba", "ama", "ancak", "artık", "aslında", "az", "bana", "bazı", "belki", "ben", "beni",
		"benim", "beri", "bile", "bir", "biri", "birkaç", "birçok", "biz", "bize", "bizi", "bizim",
		"bu", "buna", "bunda", "bundan", "bunlar", "bunları", "bunların", "bunu", "bunun", "burada",
		"çok", "çünkü", "da", "daha", "dahi", "de", "defa", "değil", "diğer", "diye", "dolayı",
		"en", "gibi", "göre", "hangi", "hem", "hep", "hepsi", "her", "hiç", "için", "ile", "ise",
		"işte", "kadar", "kendi", "kendine", "ki", "kim", "kimse", "mi", "mı", "mu", "mü", "nasıl",
		"ne", "neden", "nerede", "nereye", "niçin", "niye", "o", "olan", "olarak", "oldu", "olduğu",
		"olduğunu", "olmak", "olması", "olup", "ona", "ondan", "onlar", "onları", "onların",
		"onu", "onun", "orada", "öyle", "pek", "sanki", "sen", "siz", "şey", "şu", "şuna", "şunu",
		"tüm", "ve", "veya", "ya", "yani", "yine", "zaten", "ayrıca", "üzere", "sonra", "önce",
		"karşı", "kez", "yapılan", "eden", "etti", "ettiği",
		// English
		"a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "he",
		"in", "is", "it", "its", "of", "or", "she", "that", "the", "their", "there", "they",
		"this", "to", "was", "were", "which", "will", "with",
	}
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}()
