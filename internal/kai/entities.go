package kai

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"manset/internal/turkish"
)

// span is a byte range in a sentence's text.
type span struct{ start, end int }

// answerSpans returns phrases of s that could answer a question of type typ
// and are not just words of the question, best first.
func answerSpans(typ qtype, s *sentence, qu *query) []span {
	switch typ {
	case qPerson:
		return nameRuns(s, qu)
	case qDate:
		return dateSpans(s, qu, false)
	case qPlace:
		if sp := placeSpans(s, qu); len(sp) > 0 {
			return sp
		}
		return nameRuns(s, qu)
	case qNumber:
		return numberSpans(s, qu)
	case qReason:
		return clauseSpans(s, reasonMarkers)
	case qHow:
		return clauseSpans(s, mannerMarkers)
	}
	return nil
}

// entityKind is a kind of phrase an answer sentence can offer.
type entityKind int

const (
	eName entityKind = iota
	eDate
	ePlace
	eNumber
	eReason
	eManner
	nEntityKinds
)

// hasEntity reports whether s offers a phrase of kind k that the question
// does not already contain.
func hasEntity(k entityKind, s *sentence, qu *query) bool {
	var spans []span
	switch k {
	case eName:
		spans = nameRuns(s, qu)
	case eDate:
		spans = dateSpans(s, qu, false)
	case ePlace:
		spans = placeSpans(s, qu)
	case eNumber:
		spans = numberSpans(s, qu)
	case eReason:
		spans = clauseSpans(s, reasonMarkers)
	case eManner:
		spans = clauseSpans(s, mannerMarkers)
	}
	return len(spans) > 0
}

// nameRuns are runs of capitalised words with at least one word the
// question does not contain. A sentence's first word counts only inside a
// run of two or more, since every sentence starts with a capital.
func nameRuns(s *sentence, qu *query) []span {
	var out []span
	for i := 0; i < len(s.toks); {
		j := i
		for j < len(s.toks) && isCapitalised(s.toks[j].word) {
			j++
		}
		if j == i {
			i++
			continue
		}
		if (i > 0 || j-i > 1) && anyNew(s.toks[i:j], qu) {
			out = append(out, span{s.toks[i].start, s.toks[j-1].end})
		}
		i = j
	}
	return out
}

func anyNew(toks []token, qu *query) bool {
	for _, t := range toks {
		if !qu.mentions(t) {
			return true
		}
	}
	return false
}

var monthSurfaces = setOf("ocak", "subat", "mart", "nisan", "mayis", "haziran", "temmuz",
	"agustos", "eylul", "ekim", "kasim", "aralik")

var weekdaySurfaces = setOf("pazartesi", "sali", "carsamba", "persembe", "cuma",
	"cumartesi", "pazar")

// dateSpans finds dates, years, month names, centuries and "salı günü".
// Full dates (turkish.FindDates, regular expressions) are looked for only
// when full is set: for the highlight, not for ranking every sentence.
func dateSpans(s *sentence, qu *query, full bool) []span {
	var out []span
	for _, m := range fullDates(s, full) {
		if !strings.Contains(turkish.Fold(qu.text()), turkish.Fold(s.Text[m.Start:m.End])) {
			out = append(out, span{m.Start, m.End})
		}
	}
	for i, t := range s.toks {
		if qu.surf[t.surface] {
			continue
		}
		next := ""
		if i+1 < len(s.toks) {
			next = s.toks[i+1].surface
		}
		switch {
		case weekdaySurfaces[t.surface] && strings.HasPrefix(next, "gun"):
			out = append(out, span{t.start, s.toks[i+1].end}) // "salı günü"
		case isYear(t.word), monthSurfaces[t.surface]:
			out = append(out, span{t.start, t.end})
		case strings.HasPrefix(t.surface, "yuzyil") && i > 0:
			out = append(out, span{s.toks[i-1].start, t.end})
		}
	}
	return out
}

func fullDates(s *sentence, full bool) []turkish.DateMatch {
	if !full {
		return nil
	}
	return turkish.FindDates(s.Text)
}

// isYear reports whether w is a plausible year: three or four digits.
func isYear(w string) bool {
	w = cutApostrophe(w)
	if len(w) < 3 || len(w) > 4 {
		return false
	}
	for _, c := range []byte(w) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return w[0] != '0'
}

// locativeSuffixes follow an apostrophe after a place name: 'da, 'dan, 'ya.
var locativeSuffixes = setOf("da", "de", "ta", "te", "dan", "den", "tan", "ten", "ya", "ye",
	"a", "e", "nda", "nde", "ndan", "nden", "na", "ne", "daki", "deki", "li", "lu")

// placeSpans are capitalised words with a locative or directional suffix.
func placeSpans(s *sentence, qu *query) []span {
	var out []span
	for i, t := range s.toks {
		if !isCapitalised(t.word) || qu.mentions(t) {
			continue
		}
		suf := ""
		if k := strings.IndexAny(t.word, "'’"); k >= 0 {
			_, size := utf8.DecodeRuneInString(t.word[k:])
			suf = turkish.Fold(t.word[k+size:])
		}
		if locativeSuffixes[suf] {
			start := t.start
			if i > 0 && isCapitalised(s.toks[i-1].word) && i-1 > 0 {
				start = s.toks[i-1].start // "Hatay Antakya'da"
			}
			out = append(out, span{start, t.end})
		}
	}
	return out
}

var numberWords = setOf("iki", "uc", "dort", "bes", "alti", "yedi", "sekiz", "dokuz", "on",
	"yirmi", "otuz", "kirk", "elli", "altmis", "yetmis", "seksen", "doksan", "yuz", "bin",
	"milyon", "milyar", "trilyon", "yuzde", "dusunde", "yarim", "cift")

// numberSpans are numbers the question does not contain, with the word
// after them ("330 makale", "yüzde 40").
func numberSpans(s *sentence, qu *query) []span {
	var out []span
	for i, t := range s.toks {
		if qu.surf[t.surface] || !(hasDigit(t.word) || numberWords[t.surface]) {
			continue
		}
		start, end := t.start, t.end
		percent := i > 0 && s.toks[i-1].surface == "yuzde"
		switch {
		case start > 0 && s.Text[start-1] == '%':
			start--
			percent = true
		case percent:
			start = s.toks[i-1].start // "yüzde 45"
		}
		if !percent && i+1 < len(s.toks) && !hasDigit(s.toks[i+1].word) && !isCapitalised(s.toks[i+1].word) &&
			s.toks[i+1].start-end <= 1 {
			end = s.toks[i+1].end
		}
		out = append(out, span{start, end})
	}
	return out
}

func hasDigit(w string) bool {
	return strings.IndexFunc(w, unicode.IsDigit) >= 0
}

// reasonMarkers end ("nedeniyle", "için") or start ("çünkü") a reason clause.
var reasonMarkers = map[string]bool{"nedeniyle": false, "nedenle": false, "dolayi": false,
	"dolayisiyla": true, "icin": false, "sebebiyle": false, "yuzunden": false,
	"amaciyla": false, "amacla": false, "uzere": false, "cunku": true, "zira": true,
	// news attributes causes: "Uzmanlar artışı faizlerin düşmesine bağlıyor",
	// "kesintilerin amacının kayıpları azaltmak olduğunu söyledi"
	"bagliyor": false, "bagladi": false, "bagliyorlar": false, "amaci": true, "amacinin": true,
	"nedeni": true, "nedeninin": true, "sebebi": true}

// mannerMarkers end a clause that says how something happened.
var mannerMarkers = map[string]bool{"olarak": false, "sekilde": false, "bicimde": false,
	"yoluyla": false, "sayesinde": false, "kullanarak": false, "ederek": false,
	"yaparak": false}

// clauseSpans return the clause a marker opens (true) or closes (false),
// bounded by commas and the sentence ends.
func clauseSpans(s *sentence, markers map[string]bool) []span {
	var out []span
	for _, t := range s.toks {
		opens, ok := markers[t.surface]
		if !ok {
			continue
		}
		if opens {
			end := len(s.Text)
			if k := strings.IndexAny(s.Text[t.end:], ",;"); k >= 0 {
				end = t.end + k
			}
			out = append(out, span{t.start, trimEnd(s.Text, end)})
			continue
		}
		start := strings.LastIndexAny(s.Text[:t.start], ",;:") + 1
		for start < t.start && s.Text[start] == ' ' {
			start++
		}
		out = append(out, span{start, t.end})
	}
	return out
}

func trimEnd(text string, end int) int {
	for end > 0 && strings.ContainsRune(" .!?", rune(text[end-1])) {
		end--
	}
	return end
}

// text is the question's words joined, for substring checks.
func (qu *query) text() string {
	if qu.joined == "" {
		words := make([]string, len(qu.toks))
		for i, t := range qu.toks {
			words[i] = t.word
		}
		qu.joined = strings.Join(words, " ")
	}
	return qu.joined
}
