package kai

import (
	"strconv"
	"strings"
)

// dayParts follow a weekday or "dün" to name when on that day something
// happened: "pazar sabahı", "salı günü", "cuma akşamı".
var dayParts = []string{"gun", "sabah", "aksam", "ogle", "gece"}

// relativeDays are dates relative to the report: "dün", "bugün".
var relativeDays = setOf("dun", "bugun", "evvelsi", "dunku", "bugunku")

// occurrenceVerbs start the words that tie a date to an event: "pazar
// sabahı yapılan tatbikat", "18 Kasım'da başlattığı grev".
var occurrenceVerbs = []string{"yapil", "yapt", "duzenlen", "basla", "gerceklest",
	"acil", "oyna", "kosul", "imzala", "yasan", "meydana", "tamamla", "toplan", "gorus",
	"acikla", "duyur", "baslat", "verilen", "sona er", "sonuclan", "bulun", "kayb", "patla"}

// dateRun is a phrase that says when: one or more adjacent date words.
type dateRun struct {
	span
	strength float64
}

// eventDate finds the phrases of s that say when something happened,
// merged into runs ("22 Kasım pazar sabahı saat 09.00'da"), each with how
// strongly it answers "ne zaman": 1 for a day ("18 Kasım'da", "salı
// günü", "dün"), less for a clock time, a month or a year alone, and half
// a point more when an event verb follows closely ("başlayan grev").
func eventDate(s *sentence) []dateRun {
	var runs []dateRun
	last := -1 // index of the last token of the last run
	for i := 0; i < len(s.toks); i++ {
		j, strength := dateAt(s, i)
		if j < i {
			continue
		}
		if eventVerbAfter(s, j) {
			strength += 0.5
		}
		if n := len(runs); n > 0 && last == i-1 {
			runs[n-1].end = s.toks[j].end
			runs[n-1].strength = max(runs[n-1].strength, strength)
		} else {
			runs = append(runs, dateRun{span{s.toks[i].start, s.toks[j].end}, strength})
		}
		last, i = j, j
	}
	return runs
}

// bestDate returns the strongest run, the first of equals.
func bestDate(runs []dateRun) dateRun {
	var best dateRun
	for _, r := range runs {
		if r.strength > best.strength {
			best = r
		}
	}
	return best
}

// dateAt reads a date phrase starting at token i and returns the index of
// its last token (or -1) and its strength.
func dateAt(s *sentence, i int) (int, float64) {
	t := s.toks[i]
	next := func(k int) string {
		if i+k < len(s.toks) {
			return s.toks[i+k].surface
		}
		return ""
	}
	switch {
	case isDayNumber(t.word) && monthSurfaces[next(1)]:
		return i + 1, 1
	case weekdaySurfaces[t.surface] && hasAnyPrefix(next(1), dayParts):
		return i + 1, 1
	case relativeDays[t.surface]:
		return i, 0.9
	case (t.surface == "gecen" || t.surface == "bu") && hasAnyPrefix(next(1), []string{"hafta", "ay", "sabah", "aksam", "gece"}):
		return i + 1, 0.8
	case strings.HasPrefix(t.surface, "saat") && strings.ContainsAny(next(1), "0123456789"):
		return i + 1, 0.7
	case monthSurfaces[t.surface]:
		return i, 0.5
	case len(cutApostrophe(t.word)) == 4 && isYear(t.word):
		return i, 0.4
	}
	return -1, 0
}

// eventVerbAfter reports whether an event verb follows token k within a
// few words.
func eventVerbAfter(s *sentence, k int) bool {
	for j := k + 1; j < len(s.toks) && j <= k+6; j++ {
		if hasAnyPrefix(s.toks[j].surface, occurrenceVerbs) {
			return true
		}
	}
	return false
}

func isDayNumber(w string) bool {
	n, err := strconv.Atoi(cutApostrophe(w))
	return err == nil && n >= 1 && n <= 31
}
