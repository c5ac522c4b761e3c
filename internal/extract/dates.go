package extract

import (
	"cmp"
	"regexp"
	"strconv"
	"strings"
	"time"

	"manset/internal/news"
	"manset/internal/turkish"
)

// isoLayouts are the machine-readable forms found in meta tags, JSON-LD and
// <time datetime>.
var isoLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05.000Z0700",
	"2006-01-02T15:04Z07:00", "2006-01-02T15:04:05", "2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05 Z07:00", "2006-01-02 15:04:05",
	"2006-01-02 15:04", "2006-01-02", time.RFC1123Z, time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700", "20060102",
}

// parseDate reads a date in any form the pages use; dates without a zone
// are Istanbul time. It never guesses: unknown forms give false.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 100 {
		return time.Time{}, false
	}
	for _, l := range isoLayouts {
		if t, err := time.ParseInLocation(l, s, turkish.Istanbul); err == nil {
			return sane(t)
		}
	}
	if t, ok := turkish.ParseDate(s); ok {
		return sane(t)
	}
	return time.Time{}, false
}

// sane rejects dates no news page can have.
func sane(t time.Time) (time.Time, bool) {
	if t.Year() < 1990 || t.After(time.Now().AddDate(1, 0, 0)) {
		return time.Time{}, false
	}
	return t, true
}

func datePtr(s string) *time.Time {
	if t, ok := parseDate(s); ok {
		return &t
	}
	return nil
}

var urlDateRE = regexp.MustCompile(`/((?:19|20)\d\d)[/-](\d\d?)[/-](\d\d?)(?:/|$|-)`)

// urlDate reads /2024/11/01/ style dates in a URL path.
func urlDate(raw string) *time.Time {
	m := urlDateRE.FindStringSubmatch(raw)
	if m == nil {
		return nil
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	if mo < 1 || mo > 12 || d < 1 || d > 31 {
		return nil
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, turkish.Istanbul)
	if t, ok := sane(t); ok {
		return &t
	}
	return nil
}

// pickDates returns the publish and modify times from structured data,
// meta tags and <time> elements; visible text is read later by
// fillFromBody.
func (m *meta) pickDates() (pub, mod *time.Time) {
	for _, s := range []string{
		m.ld.published, m.prop("article:published_time"), m.prop("og:article:published_time"),
		m.prop("datepublished"), m.pubProp, m.prop("pubdate"), m.prop("publishdate"),
		m.prop("publish-date"), m.prop("date"), m.prop("dc.date"), m.prop("dc.date.issued"),
		m.prop("dcterms.created"), m.prop("dcterms.date"), m.prop("sailthru.date"),
		m.prop("parsely-pub-date"), m.prop("article.published"), m.prop("originalpublicationdate"),
	} {
		if pub = datePtr(s); pub != nil {
			break
		}
	}
	if pub == nil && len(m.times) > 0 {
		pub = datePtr(m.times[0])
	}
	for _, s := range []string{
		m.ld.modified, m.prop("article:modified_time"), m.prop("og:updated_time"),
		m.prop("datemodified"), m.modProp, m.prop("last-modified"), m.prop("dcterms.modified"),
		m.prop("article.updated"),
	} {
		if mod = datePtr(s); mod != nil {
			break
		}
	}
	if mod == nil && pub != nil && len(m.times) > 1 {
		if t := datePtr(m.times[1]); t != nil && t.After(*pub) {
			mod = t
		}
	}
	return pub, mod
}

// fillFromBody completes the dates from the visible text near the article
// ("Yayınlanma: 01.11.2024 13:17", "Güncelleme: ...") and, last, from the
// URL path.
func (m *meta) fillFromBody(e *news.Extracted, seg *segmenter, sp span) {
	if e.PublishedAt == nil || e.ModifiedAt == nil {
		lo, hi := int(sp.start)-40, int(sp.end)
		if sp.node == nil {
			lo, hi = 0, len(seg.blocks)
		}
		pub, mod := visibleDates(seg.blocks[max(lo, 0):hi])
		if e.PublishedAt == nil {
			e.PublishedAt = pub
		}
		if e.ModifiedAt == nil && mod != nil && (e.PublishedAt == nil || !mod.Before(*e.PublishedAt)) {
			e.ModifiedAt = mod
		}
	}
	if e.PublishedAt == nil {
		e.PublishedAt = urlDate(cmp.Or(m.pageURL, e.CanonicalURL))
	}
}

// visibleDates finds labelled dates in short blocks: "Güncelleme" and
// "Son güncelleme" mark the modify time; other dates are the publish time.
func visibleDates(blocks []block) (pub, mod *time.Time) {
	for i := range blocks {
		b := &blocks[i]
		if b.runes > 160 || b.keep && b.runes > 80 {
			continue
		}
		for _, line := range strings.Split(b.text, "\n") {
			ds := turkish.FindDates(line)
			for j, d := range ds {
				t := d.Time
				label := turkish.Lower(line[:d.Start])
				if j > 0 {
					label = turkish.Lower(line[ds[j-1].End:d.Start])
				}
				switch {
				case strings.Contains(label, "güncel") || strings.Contains(label, "updated") || strings.Contains(label, "düzenle"):
					if mod == nil {
						mod = &t
					}
				case pub == nil:
					pub = &t
				}
			}
		}
		if pub != nil && mod != nil {
			break
		}
	}
	return pub, mod
}
