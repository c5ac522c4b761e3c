package turkish

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations are lowercased words that end with a dot without ending
// the sentence ("Prof. Dr. Ahmet", "vb.", "No. 5").
var abbreviations = map[string]bool{
	"prof": true, "dr": true, "doç": true, "doc": true, "yrd": true, "öğr": true, "ogr": true,
	"gör": true, "uzm": true, "av": true, "op": true, "müh": true, "sn": true, "say": true,
	"vb": true, "vs": true, "vd": true, "vb.": true, "örn": true, "orn": true, "bkz": true,
	"no": true, "nr": true, "nu": true, "tel": true, "faks": true, "cad": true, "sok": true,
	"mah": true, "apt": true, "blv": true, "bulv": true, "ltd": true, "şti": true, "sti": true,
	"a.ş": true, "aş": true, "inc": true, "co": true, "corp": true, "jr": true, "sr": true,
	"mr": true, "mrs": true, "ms": true, "st": true, "vol": true, "s": true, "sf": true,
	"yy": true, "hz": true, "gen": true, "org": true, "korg": true, "tuğg": true, "alb": true,
	"yzb": true, "bnb": true, "ütğm": true, "tğm": true, "kur": true, "bşk": true, "md": true,
	"genl": true, "tic": true, "san": true, "dz": true, "kd": true, "hv": true, "ort": true,
	"yak": true, "min": true, "maks": true, "max": true, "etc": true, "vs.": true, "cilt": true,
	"bl": true, "böl": true, "krş": true, "bk": true, "ing": true, "fr": true, "alm": true,
	"lat": true, "ar": true, "fa": true, "çev": true, "yay": true, "haz": true, "ed": true,
}

// SplitSentences splits text into trimmed sentences. A sentence ends at
// '!', '?', '…' or '.' followed by space and a capital letter (or opening
// quote); line breaks always end one. A dot does not end a sentence after an
// abbreviation ("Prof.", "vb."), an initial ("A. Yılmaz"), or an ordinal
// number ("2. Dünya Savaşı", "1. gün"), nor inside a word, number, URL or
// e-mail address, because those are not followed by a space. Two sentences
// glued without a space ("bilgini.Tam adı") are split as RepairGlued would.
func SplitSentences(text string) []string {
	var out []string
	start := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		end := -1
		switch r {
		case '\n', '\r':
			end = i
		case '.', '!', '?', '…':
			var next int
			end, next = sentenceEnd(text, i)
			if end < 0 {
				i = next // skip the whole run of terminators and closers
				continue
			}
		}
		if end >= 0 {
			out = appendTrimmed(out, text[start:end])
			start = end
			if end == i {
				start = i + size
			}
			i = max(start, i+size)
			continue
		}
		i += size
	}
	return appendTrimmed(out, text[start:])
}

func appendTrimmed(out []string, s string) []string {
	if s = strings.TrimSpace(s); s != "" {
		out = append(out, s)
	}
	return out
}

// sentenceEnd decides whether the terminator at text[i] ends a sentence and
// returns the byte offset just past it (and past closing quotes or
// brackets), or -1 when the sentence goes on; next is where scanning resumes.
func sentenceEnd(text string, i int) (end, next int) {
	j := i
	for j < len(text) {
		if strings.IndexByte(".!?", text[j]) >= 0 {
			j++
		} else if strings.HasPrefix(text[j:], "…") {
			j += len("…")
		} else {
			break
		}
	}
	j = skipClosers(text, j)
	if j < len(text) {
		r, _ := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsSpace(r) {
			if gluedSentences(text, i, j) {
				return j, j // "bilgini.Tam adı", "Musul).Astronom"
			}
			return -1, j // "3.5", "www.x.com", "a@b.com", "Prof.Dr."
		}
	}
	first, ok := nextVisible(text, j)
	if !ok {
		return j, j
	}
	if !startsSentence(first) {
		return -1, j // '"Dur!" dedi.', "Saat 10. sırada"
	}
	if text[i] == '.' && j-i == 1 && dotIsNotFinal(text[:i]) {
		return -1, j
	}
	return j, j
}

// skipClosers moves past closing quotes and brackets after a terminator.
func skipClosers(text string, j int) int {
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if !strings.ContainsRune(`"')]}”’»`, r) {
			break
		}
		j += size
	}
	return j
}

// nextVisible returns the first non-space rune at or after j, stopping at a
// line break (which ends the sentence anyway).
func nextVisible(text string, j int) (rune, bool) {
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if r == '\n' || r == '\r' {
			return 0, false
		}
		if !unicode.IsSpace(r) {
			return r, true
		}
		j += size
	}
	return 0, false
}

func startsSentence(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`"'“‘«([-–—`, r)
}

// dotIsNotFinal reports whether a dot after before belongs to the word in
// front of it: an abbreviation, a single-letter initial or a short ordinal.
func dotIsNotFinal(before string) bool {
	// Abbreviations are short; a bounded look-back keeps long dotted
	// tokens linear.
	k := len(before)
	for k > 0 && len(before)-k < 32 {
		r, size := utf8.DecodeLastRuneInString(before[:k])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' {
			break
		}
		k -= size
	}
	word := before[k:]
	if word == "" {
		return false
	}
	if isDigits(word) {
		return len(word) <= 3 // "2. Dünya Savaşı"; a year "2024." ends a sentence
	}
	last := word[strings.LastIndexByte(word, '.')+1:]
	if r, size := utf8.DecodeRuneInString(last); size == len(last) && unicode.IsUpper(r) {
		return true // an initial: "A. Yılmaz", "M.K. Atatürk"
	}
	if abbreviations[Lower(last)] {
		return true // "Prof.", "Doç.Dr."
	}
	return strings.Contains(word, ".") && isDottedAbbreviation(word) // "A.Ş.", not "haber.com."
}

// isDottedAbbreviation reports whether every dot-separated part of word is
// one or two letters long, as in "A.Ş", "T.C" or "U.S".
func isDottedAbbreviation(word string) bool {
	for part := range strings.SplitSeq(word, ".") {
		if n := utf8.RuneCountInString(part); n == 0 || n > 2 {
			return false
		}
	}
	return true
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
