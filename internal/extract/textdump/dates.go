package textdump

import (
	"strings"
	"time"

	"manset/internal/turkish"
)

// role is what a date's label says it is.
type role int

const (
	roleUnknown role = iota
	rolePublished
	roleModified
)

// stamp is one date found on a date line.
type stamp struct {
	t       time.Time
	hasTime bool
	role    role
	at      int // line index
}

// modifiedLabels and publishedLabels are folded label stems.
var (
	modifiedLabels  = []string{"guncel", "updated", "modified", "last update", "duzenle", "degistir", "edited", "revised"}
	publishedLabels = []string{"yayin", "published", "posted", "olustur", "eklen", "kayit", "tarih", "date"}
)

// dateStamps returns the dates of l when l is a date line: one or more dates
// with at most a few label words around them ("Güncelleme: 01.11.2024
// 13:17", "21 Eylül 2024 Cumartesi 08:15"). A date inside a sentence is not
// the article's date.
func dateStamps(l *line, at int) []stamp {
	if l.words > 14 || (l.final() && l.words >= 6) || !strings.ContainsAny(l.text, "0123456789") {
		return nil
	}
	matches := turkish.FindDates(l.text)
	if len(matches) == 0 {
		return nil
	}
	var out []stamp
	var rest strings.Builder
	prev := 0
	for _, m := range matches {
		label := l.text[prev:m.Start]
		rest.WriteString(label + " ")
		r := labelRole(newLine(label).key)
		out = append(out, stamp{t: m.Time, hasTime: m.HasTime, role: r, at: at})
		prev = m.End
	}
	rest.WriteString(l.text[prev:])
	if newLine(rest.String()).words > 4 {
		return nil
	}
	return out
}

func labelRole(key string) role {
	switch {
	case hasPhrase(key, modifiedLabels):
		return roleModified
	case hasPhrase(key, publishedLabels):
		return rolePublished
	}
	return roleUnknown
}

// markDates marks date lines and returns their stamps in page order.
func markDates(lines []*line) []stamp {
	var out []stamp
	for i, l := range lines {
		if l.kind == kindHard {
			continue
		}
		if s := dateStamps(l, i); s != nil {
			l.kind = kindDate
			out = append(out, s...)
		}
	}
	return out
}

// dateZone is where an article's dates are looked for: unlabelled dates in
// its header [start, text), labelled ones also below the text until the
// first line that ends the article (tail).
type dateZone struct {
	start, text, tail int
}

// holds reports whether stamp s belongs to the article.
func (z dateZone) holds(s stamp) bool {
	end := z.text
	if s.role != roleUnknown {
		end = z.tail
	}
	return s.at >= z.start && s.at < end
}

// resolveDates picks the published and modified times among the stamps in
// the article's zone. A label decides a date's role; unlabelled dates fill
// the roles left in page order: the first is the publication, the next
// different one the update. A bare day is absorbed by a timed reading of the
// same day. The update is dropped when it is not after the publication.
func resolveDates(stamps []stamp, z dateZone) (published, modified *time.Time) {
	var use []stamp
	for _, s := range stamps {
		if z.holds(s) {
			use = append(use, s)
		}
	}
	use = absorbBareDays(use)
	pub, mod := -1, -1
	for i, s := range use {
		switch {
		case s.role == rolePublished && pub < 0:
			pub = i
		case s.role == roleModified && mod < 0:
			mod = i
		}
	}
	if pub < 0 {
		pub = firstWithRole(use, roleUnknown, -1)
	}
	if pub < 0 && mod >= 0 {
		pub, mod = mod, -1 // an update date alone still dates the article
	}
	if pub < 0 {
		return nil, nil
	}
	if mod < 0 {
		mod = firstWithRole(use, roleUnknown, pub)
	}
	p := use[pub].t
	published = &p
	if mod >= 0 && use[mod].t.After(p) {
		m := use[mod].t
		modified = &m
	}
	return published, modified
}

// firstWithRole returns the index of the first stamp after index after with
// role r whose time differs from the stamp at after.
func firstWithRole(use []stamp, r role, after int) int {
	for i := after + 1; i < len(use); i++ {
		if use[i].role == r && (after < 0 || !use[i].t.Equal(use[after].t)) {
			return i
		}
	}
	return -1
}

// absorbBareDays drops a date without a time when another stamp gives a time
// on the same day in Istanbul ("01.11.2024" then "2024-11-01T13:04:00+03:00").
// Labels must agree: "Oluşturulma: 10 Ekim 2024" stays the publication
// day even when the update on the same day gives a time.
func absorbBareDays(in []stamp) []stamp {
	type dayRole struct {
		day  string
		role role
	}
	timed := map[dayRole]bool{}
	for _, s := range in {
		if s.hasTime {
			timed[dayRole{istanbulDay(s.t), s.role}] = true
		}
	}
	var out []stamp
	for _, s := range in {
		day := istanbulDay(s.t)
		absorbed := timed[dayRole{day, s.role}] || timed[dayRole{day, roleUnknown}] ||
			(s.role == roleUnknown && (timed[dayRole{day, rolePublished}] || timed[dayRole{day, roleModified}]))
		if !s.hasTime && absorbed {
			continue
		}
		out = append(out, s)
	}
	return out
}

func istanbulDay(t time.Time) string { return t.In(turkish.Istanbul).Format(time.DateOnly) }
