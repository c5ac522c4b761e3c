package turkish

import (
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Istanbul is Turkey's time zone (+03:00, no DST since 2016); a FixedZone so
// no tzdata is needed.
var Istanbul = time.FixedZone("+03", 3*60*60)

var monthNames = [12]string{
	"Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran",
	"Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık",
}

// MonthName returns the Turkish name of m ("Ocak".."Aralık"), or "" when m
// is out of range.
func MonthName(m time.Month) string {
	if m < time.January || m > time.December {
		return ""
	}
	return monthNames[m-1]
}

// FormatDate formats t in Istanbul time as "1 Kasım 2024 13:04".
func FormatDate(t time.Time) string {
	t = t.In(Istanbul)
	return FormatDay(t) + " " + t.Format("15:04")
}

// FormatDay formats t in Istanbul time as "1 Kasım 2024".
func FormatDay(t time.Time) string {
	t = t.In(Istanbul)
	return strconv.Itoa(t.Day()) + " " + MonthName(t.Month()) + " " + strconv.Itoa(t.Year())
}

// DateMatch is a date found in text by FindDates; Start and End are byte
// offsets of the date in the text, and HasTime tells whether a time of day
// was written (otherwise Time is midnight).
type DateMatch struct {
	Time       time.Time
	Start, End int
	HasTime    bool
}

// maxDateLen bounds what ParseDate reads; no written date is longer.
const maxDateLen = 160

// ParseDate parses s when the whole of it (after an optional label such as
// "Yayınlanma:" or "Son Güncelleme") is one date or date-time in a format
// that FindDates knows. Dates without a zone are in Istanbul time. Numeric
// dates are day first ("01.11.2024" is 1 November).
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if len(s) > maxDateLen {
		return time.Time{}, false
	}
	if loc := dateLabel.FindStringIndex(s); loc != nil {
		s = s[loc[1]:]
	}
	s = strings.TrimFunc(s, isDateSpace)
	for _, m := range candidates(s) {
		if m.Start == 0 && m.End == len(s) {
			return m.Time, true
		}
	}
	return time.Time{}, false
}

// FindDates returns the dates written in s, in order and not overlapping;
// where two readings overlap the longer one wins ("01.11.2024 13:04" is one
// date with a time, not a date followed by noise).
func FindDates(s string) []DateMatch {
	all := candidates(s)
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].Start != all[j].Start {
			return all[i].Start < all[j].Start
		}
		return all[i].End > all[j].End
	})
	var out []DateMatch
	end := 0
	for _, m := range all {
		if m.Start >= end {
			out = append(out, m)
			end = m.End
		}
	}
	return out
}

// candidates returns every valid date any layout finds in s. The regular
// expressions are large, so they only run on windows around years and
// clock times, which every supported date contains.
func candidates(s string) []DateMatch {
	var out []DateMatch
	for _, w := range dateWindows(s) {
		for _, l := range layouts {
			out = l.appendMatches(out, s, w[0], w[1])
		}
	}
	return out
}

// appendMatches appends the valid dates l finds in s[from:to]. After an
// invalid match it retries one rune later, so that "12 kere 24 Kasım 2024"
// still finds "24 Kasım 2024".
func (l dateLayout) appendMatches(out []DateMatch, s string, from, to int) []DateMatch {
	for pos := from; pos < to; {
		idx := l.re.FindStringSubmatchIndex(s[pos:to])
		if idx == nil {
			break
		}
		for k := range idx {
			if idx[k] >= 0 {
				idx[k] += pos
			}
		}
		if m, ok := l.match(s, idx); ok {
			out = append(out, m)
			pos = idx[1]
			continue
		}
		_, size := utf8.DecodeRuneInString(s[idx[0]:])
		pos = idx[0] + size
	}
	return out
}

// match validates one regexp match and widens it over a leading weekday.
func (l dateLayout) match(s string, idx []int) (DateMatch, bool) {
	if !standsAlone(s, idx[0], idx[1]) {
		return DateMatch{}, false
	}
	f := dateFields{s: s, idx: idx, l: l}
	t, hasTime, ok := f.time()
	if !ok {
		return DateMatch{}, false
	}
	start := idx[0]
	lead := s[max(0, start-24):start]
	if loc := leadingWeekday.FindStringIndex(lead); loc != nil {
		if w := start - len(lead) + loc[0]; standsAlone(s, w, idx[1]) {
			start = w
		}
	}
	return DateMatch{Time: t, Start: start, End: idx[1], HasTime: hasTime}, true
}

// dateWindows returns merged byte ranges of s around four-digit numbers and
// "h:mm" clock times, widened to whole runes.
func dateWindows(s string) [][2]int {
	const reach = 64 // enough for "Cumartesi, 30 Eylül " or " Pazartesi - saat 13:04:05 +03:00"
	var out [][2]int
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		clock := j-i <= 2 && j+2 < len(s) && s[j] == ':' && isDigit(s[j+1]) && isDigit(s[j+2])
		if j-i == 4 || clock {
			from, to := max(0, i-reach), min(len(s), j+reach)
			for from > 0 && !utf8.RuneStart(s[from]) {
				from--
			}
			for to < len(s) && !utf8.RuneStart(s[to]) {
				to++
			}
			if n := len(out); n > 0 && from <= out[n-1][1] {
				out[n-1][1] = to
			} else {
				out = append(out, [2]int{from, to})
			}
		}
		i = j
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// standsAlone rejects matches that are part of a longer number or word, such
// as "101.11.2024" or "1.250.000".
func standsAlone(s string, start, end int) bool {
	if start > 0 {
		prev, size := utf8.DecodeLastRuneInString(s[:start])
		if unicode.IsLetter(prev) || unicode.IsDigit(prev) {
			return false
		}
		if strings.ContainsRune("./-,:", prev) {
			before, _ := utf8.DecodeLastRuneInString(s[:start-size])
			if unicode.IsDigit(before) {
				return false
			}
		}
	}
	if end < len(s) {
		next, _ := utf8.DecodeRuneInString(s[end:])
		if unicode.IsDigit(next) || unicode.IsLetter(next) && s[end-1] >= '0' && s[end-1] <= '9' {
			return false
		}
	}
	return true
}

func isDateSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f'
}
