package turkish

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// dateLayout is one way of writing a date; its regexp names the groups
// y, mon (number), mname (word), d, H, M, S, ampm and zone.
type dateLayout struct {
	re *regexp.Regexp
}

// foldedMonths maps Fold()ed Turkish and English month names and
// abbreviations to months, so "KASIM", "Kasim" and "Kas" all work.
var foldedMonths = map[string]time.Month{}

var foldedWeekdays = []string{
	"pazartesi", "sali", "carsamba", "persembe", "cumartesi", "cuma", "pazar",
	"pzt", "sal", "car", "per", "cum", "cmt", "paz",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
}

// dateLabels are what pages print before a date; ParseDate skips them.
var dateLabels = []string{
	"son guncelleme", "son guncelleme tarihi", "guncelleme", "guncelleme tarihi", "guncellenme",
	"guncellendi", "yayinlanma", "yayinlanma tarihi", "yayin tarihi", "yayinlandi",
	"olusturulma", "olusturulma tarihi", "eklenme", "eklenme tarihi", "tarih", "haber tarihi",
	"kayit tarihi", "published", "updated", "last updated", "date",
}

var (
	dateLabel *regexp.Regexp
	// leadingWeekday finds "Cuma, " just before a date; searching for it
	// only there keeps the big weekday alternation off the hot path.
	leadingWeekday *regexp.Regexp
	layouts        []dateLayout
)

func init() {
	turkishFull := []string{"ocak", "subat", "mart", "nisan", "mayis", "haziran",
		"temmuz", "agustos", "eylul", "ekim", "kasim", "aralik"}
	turkishShort := []string{"oca", "sub", "mar", "nis", "may", "haz",
		"tem", "agu", "eyl", "eki", "kas", "ara"}
	english := []string{"january", "february", "march", "april", "may", "june",
		"july", "august", "september", "october", "november", "december"}
	var monthWords []string
	for i := range 12 {
		m := time.Month(i + 1)
		for _, w := range []string{turkishFull[i], turkishShort[i], english[i], english[i][:3]} {
			foldedMonths[w] = m
			monthWords = append(monthWords, w)
		}
	}
	foldedMonths["sept"] = time.September
	monthWords = append(monthWords, "sept")

	sp := `[\s\x{a0}\x{202f}]`
	mon := `(?P<mname>` + wordAlternation(monthWords) + `)\.?`
	wday := `(?:` + wordAlternation(foldedWeekdays) + `)\.?`
	zone := `(?:` + sp + `?(?P<zone>[+-]\d{2}:?\d{2}|Z|UTC|GMT|UT|TRT|EEST|EET|CEST|CET|BST|EST|EDT|CST|CDT|MST|MDT|PST|PDT))?`
	clock := `(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d{1,9})?)?(?:` + sp + `?(?P<ampm>[AaPp]\.?[Mm]\.?))?` + zone
	sep := `(?:T|` + sp + `*(?:[-–—,|/@]` + sp + `*)?(?:(?:[Ss]aat|SAAT|at)` + sp + `+)?)`
	timeOpt := `(?:` + sep + clock + `)?`
	wdayOpt := `(?:,?` + sp + `+` + wday + `)?`

	patterns := []string{
		`(?P<y>\d{4})-(?P<mon>\d{1,2})-(?P<d>\d{1,2})` + timeOpt,
		`(?P<y>\d{4})[./](?P<mon>\d{1,2})[./](?P<d>\d{1,2})` + timeOpt,
		`(?P<d>\d{1,2})[./-](?P<mon>\d{1,2})[./-](?P<y>\d{4})` + wdayOpt + timeOpt,
		`(?P<d>\d{1,2})\.?` + sp + `*` + mon + `,?` + sp + `+(?P<y>\d{4}|\d{2})` + wdayOpt + timeOpt,
		mon + sp + `+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?` + sp + `+(?P<y>\d{4})` + wdayOpt + timeOpt,
	}
	for _, p := range patterns {
		layouts = append(layouts, dateLayout{re: regexp.MustCompile(p)})
	}
	leadingWeekday = regexp.MustCompile(`(?:` + wday + `),?` + sp + `+$`)
	dateLabel = regexp.MustCompile(`^(?:` + wordAlternation(dateLabels) + `)` + sp + `*[:\-–]?` + sp + `*`)
}

// wordAlternation builds a regexp alternation of folded ASCII words that
// matches them in any case and with or without Turkish letters: "kasim"
// matches "Kasım", "KASIM" and "kasim". Longer words come first so that
// "Cumartesi" is not read as "Cuma".
func wordAlternation(words []string) string {
	sorted := append([]string(nil), words...)
	sort.SliceStable(sorted, func(i, j int) bool { return len(sorted[i]) > len(sorted[j]) })
	parts := make([]string, len(sorted))
	for i, w := range sorted {
		var b strings.Builder
		for _, c := range w {
			if c == ' ' {
				b.WriteString(`[\s\x{a0}]+`)
				continue
			}
			b.WriteString("[" + string(c) + strings.ToUpper(string(c)) + turkishVariants[c] + "]")
		}
		parts[i] = b.String()
	}
	return strings.Join(parts, "|")
}

// turkishVariants lists the Turkish letters that fold to an ASCII letter.
var turkishVariants = map[rune]string{
	'i': "ıİ", 's': "şŞ", 'g': "ğĞ", 'u': "üÜ", 'o': "öÖ", 'c': "çÇ",
}

// dateFields reads the groups of one regexp match.
type dateFields struct {
	s   string
	idx []int
	l   dateLayout
}

func (f dateFields) text(name string) string {
	i := f.l.re.SubexpIndex(name)
	if i < 0 || f.idx[2*i] < 0 {
		return ""
	}
	return f.s[f.idx[2*i]:f.idx[2*i+1]]
}

func (f dateFields) num(name string) int {
	n, err := strconv.Atoi(f.text(name))
	if err != nil {
		return -1
	}
	return n
}

// time assembles and validates the date; it rejects impossible dates
// (31.02.2024) and years outside 1990..2100.
func (f dateFields) time() (time.Time, bool, bool) {
	year, day := f.num("y"), f.num("d")
	month := time.Month(f.num("mon"))
	if name := f.text("mname"); name != "" {
		month = foldedMonths[Fold(name)]
	}
	zone := f.text("zone")
	if year >= 0 && year < 100 {
		if zone == "" {
			return time.Time{}, false, false // a two-digit year only in RFC 822 feeds
		}
		year += 2000
		if year > 2069 {
			year -= 100
		}
	}
	loc, ok := zoneLocation(zone)
	if !ok || year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1 {
		return time.Time{}, false, false
	}
	hour, minute, sec, hasTime, ok := f.clock()
	if !ok {
		return time.Time{}, false, false
	}
	t := time.Date(year, month, day, hour, minute, sec, 0, loc)
	if t.Day() != day || t.Month() != month {
		return time.Time{}, false, false
	}
	return t, hasTime, true
}

// clock reads the time of day, if any.
func (f dateFields) clock() (hour, minute, sec int, hasTime, ok bool) {
	if f.text("H") == "" {
		return 0, 0, 0, false, true
	}
	hour, minute, sec = f.num("H"), f.num("M"), max(f.num("S"), 0)
	if ampm := strings.ToLower(f.text("ampm")); ampm != "" {
		if hour < 1 || hour > 12 {
			return 0, 0, 0, false, false
		}
		hour %= 12
		if ampm[0] == 'p' {
			hour += 12
		}
	}
	return hour, minute, sec, true, hour <= 23 && minute <= 59 && sec <= 59
}

// namedZones are the zone abbreviations feeds use, in seconds east of UTC.
var namedZones = map[string]int{
	"Z": 0, "UT": 0, "UTC": 0, "GMT": 0, "TRT": 3 * 3600, "EET": 2 * 3600, "EEST": 3 * 3600,
	"CET": 3600, "CEST": 2 * 3600, "BST": 3600, "EST": -5 * 3600, "EDT": -4 * 3600,
	"CST": -6 * 3600, "CDT": -5 * 3600, "MST": -7 * 3600, "MDT": -6 * 3600,
	"PST": -8 * 3600, "PDT": -7 * 3600,
}

// zoneLocation turns a zone written as "Z", "GMT", "+03:00" or "+0300" into
// a location; no zone means Istanbul.
func zoneLocation(zone string) (*time.Location, bool) {
	switch {
	case zone == "":
		return Istanbul, true
	case zone == "Z" || zone == "UTC" || zone == "GMT" || zone == "UT":
		return time.UTC, true
	case zone == "TRT":
		return Istanbul, true
	}
	if off, ok := namedZones[zone]; ok {
		return time.FixedZone(zone, off), true
	}
	digits := strings.ReplaceAll(zone[1:], ":", "")
	h, err1 := strconv.Atoi(digits[:2])
	m, err2 := strconv.Atoi(digits[2:])
	if err1 != nil || err2 != nil || h > 14 || m > 59 {
		return nil, false
	}
	off := (h*60 + m) * 60
	if zone[0] == '-' {
		off = -off
	}
	if off == 3*3600 {
		return Istanbul, true
	}
	return time.FixedZone("", off), true
}
