package turkish

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	snowball "github.com/blevesearch/snowballstem/turkish"
)

// prefixLen is how many letters PrefixStem keeps. Measured on TQuAD answer
// sentence retrieval (internal/kai eval): prefix-5 beat snowball by 2-4
// points, prefix-4 was about equal to 5 but conflates more unrelated words.
const prefixLen = 5

// Stem returns the index term for one word: Turkish lowercase, apostrophe
// suffix dropped ("İstanbul'da" -> "istanbul"), stemmed, then folded to
// ASCII so "IŞIK", "ışığı" and "isik" meet. It is the stemmer behind
// NormalizeTokens; the measured choice is snowball followed by a prefix cut
// (see StemSnowball and StemPrefix).
func Stem(word string) string {
	w := cutSuffix(Lower(word))
	if w == "" {
		return ""
	}
	if !hasLetter(w) {
		return w // numbers are kept whole: "1923", "3.5"
	}
	return fold(prefix(harmonyFree(snowballStem(w)), prefixLen))
}

// StemVersion changes whenever Stem maps some word differently, so stored
// indexes of stems know to rebuild.
const StemVersion = 2

// looseSuffixes are case and plural endings that snowball keeps when they
// break vowel harmony with the root, as they do after many loanwords:
// "goller", "saatte", "kalpler", "roller", "halde" (gol, saat, kalp, rol,
// hal take front vowels). Longest first.
var looseSuffixes = []string{"lerden", "lardan", "lerde", "larda", "lerin", "ların", "leri",
	"ları", "lere", "lara", "ler", "lar", "deki", "daki", "teki", "taki", "den", "dan", "ten",
	"tan", "de", "da", "te", "ta", "le", "la"}

// harmonyFree removes one ending of looseSuffixes that snowball left on a
// root of at least three letters ending in a consonant, when the ending's
// vowel breaks harmony with the root's last vowel: that is the case
// snowball refuses ("saat|te"), while a harmonic look-alike is part of the
// root ("hafta" stays "hafta", not "haf" of "hafız").
func harmonyFree(sb string) string {
	for _, suf := range looseSuffixes {
		root, ok := strings.CutSuffix(sb, suf)
		if !ok || utf8.RuneCountInString(root) < 3 {
			continue
		}
		if r, _ := utf8.DecodeLastRuneInString(root); isVowel(r) {
			continue
		}
		if lastVowelFront(root) != lastVowelFront(suf) {
			return root
		}
	}
	return sb
}

// lastVowelFront reports whether the last vowel of w is a front vowel
// (e, i, ö, ü); false also when w has none.
func lastVowelFront(w string) bool {
	for i := len(w); i > 0; {
		r, size := utf8.DecodeLastRuneInString(w[:i])
		i -= size
		if isVowel(r) {
			return strings.ContainsRune("eiöüî", r)
		}
	}
	return false
}

func isVowel(r rune) bool { return strings.ContainsRune("aeıioöuüâîû", r) }

// StemForms returns Stem(word) and StemSnowball(word) at the cost of one
// snowball run, for rankers that use both.
func StemForms(word string) (stem, snowball string) {
	w := cutSuffix(Lower(word))
	if !hasLetter(w) {
		return w, w
	}
	sb := snowballStem(w)
	return fold(prefix(harmonyFree(sb), prefixLen)), fold(sb)
}

// StemSnowball is Stem with the snowball Turkish stemmer alone.
func StemSnowball(word string) string {
	w := cutSuffix(Lower(word))
	if !hasLetter(w) {
		return w
	}
	return fold(snowballStem(w))
}

// StemPrefix is Stem with a plain n-letter prefix cut instead of snowball.
func StemPrefix(word string, n int) string {
	w := cutSuffix(Lower(word))
	if !hasLetter(w) {
		return w
	}
	return fold(prefix(w, n))
}

// fold is Fold without the white space that compatibility decomposition
// can produce ("ͺ" decomposes to a space and a mark): a term is one word.
func fold(w string) string {
	f := Fold(w)
	if strings.IndexFunc(f, unicode.IsSpace) < 0 {
		return f
	}
	return strings.Join(strings.Fields(f), "")
}

// cutSuffix drops an apostrophe and the suffix after it: "istanbul'da".
func cutSuffix(w string) string {
	for i, r := range w {
		if isApostrophe(r) {
			return w[:i]
		}
	}
	return w
}

func hasLetter(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// prefix returns the first n runes of w.
func prefix(w string, n int) string {
	if utf8.RuneCountInString(w) <= n {
		return w
	}
	i := 0
	for k := 0; k < n; k++ {
		_, size := utf8.DecodeRuneInString(w[i:])
		i += size
	}
	return w[:i]
}

// envPool reuses snowball environments; stemming runs per token on hot
// paths (indexing, every KAI question).
var envPool = sync.Pool{New: func() any { return snowballstem.NewEnv("") }}

// snowballStem stems a lowercased word with the snowball Turkish stemmer.
func snowballStem(w string) string {
	if s, ok := memoStem(w); ok {
		return s
	}
	env := envPool.Get().(*snowballstem.Env)
	env.SetCurrent(w)
	snowball.Stem(env)
	s := env.Current()
	envPool.Put(env)
	rememberStem(w, s)
	return s
}
