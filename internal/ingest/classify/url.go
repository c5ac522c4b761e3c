package classify

import (
	"net/url"
	"strings"

	"manset/internal/turkish"
)

// sectionAliases are other spellings of section names seen in news URLs,
// English ones included, keyed by folded name without separators. FromURL
// uses one only when its target is among the site's own slugs.
var sectionAliases = map[string]string{
	"economy": "ekonomi", "business": "ekonomi", "finans": "ekonomi", "finance": "ekonomi",
	"ekonomihaberleri": "ekonomi", "borsa": "ekonomi",
	"sport": "spor", "sports": "spor", "sporhaberleri": "spor", "futbol": "spor",
	"world": "dunya", "dunyahaberleri": "dunya", "dishaberler": "dunya", "international": "dunya",
	"turkiye": "gundem", "politika": "gundem", "siyaset": "gundem", "yasam": "gundem",
	"tech": "teknoloji", "technology": "teknoloji", "bilim": "teknoloji", "bilimteknoloji": "teknoloji",
	"kultur": "kultur-sanat", "sanat": "kultur-sanat", "culture": "kultur-sanat", "arts": "kultur-sanat",
	"health": "saglik", "magazine": "magazin", "entertainment": "magazin",
}

// maxSegments is how many leading path segments FromURL looks at: sections
// come first, after an optional language or "haber" prefix.
const maxSegments = 3

// FromURL maps the section in rawURL's path ("/ekonomi/...", "/tr/spor/...")
// to a category slug. known maps names the site accepts (slugs, category
// names, editor-defined aliases) to slugs; names are compared folded, case
// and separators ignored, so "Kültür-Sanat", "kultur_sanat" and
// "kultursanat" meet. The last segment is the article's own slug and is
// only looked at when it is the only one.
func FromURL(rawURL string, known map[string]string) (slug string, ok bool) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || len(known) == 0 {
		return "", false
	}
	segments := strings.FieldsFunc(u.Path, func(r rune) bool { return r == '/' })
	if len(segments) > 1 {
		segments = segments[:len(segments)-1]
	}
	index := map[string]string{}
	slugs := map[string]bool{}
	for name, s := range known {
		index[sectionKey(name)] = s
		slugs[s] = true
	}
	for _, seg := range segments[:min(len(segments), maxSegments)] {
		key := sectionKey(seg)
		if key == "" {
			continue
		}
		if s, ok := index[key]; ok {
			return s, true
		}
		if s, ok := sectionAliases[key]; ok && slugs[s] {
			return s, true
		}
	}
	return "", false
}

// sectionKey folds a section name for comparison: ASCII lowercase letters
// and digits only.
func sectionKey(s string) string {
	if dec, err := url.PathUnescape(s); err == nil {
		s = dec
	}
	var b strings.Builder
	for _, r := range turkish.Fold(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
