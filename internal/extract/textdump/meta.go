package textdump

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// crumbItem matches a numbered breadcrumb item such as "2. Dünya".
var crumbItem = regexp.MustCompile(`^(\d{1,2})\.\s*(\S.*)$`)

// crumbSeparator splits a one-line breadcrumb such as "Ana Sayfa > Ekonomi".
var crumbSeparator = regexp.MustCompile(`\s+[>»›/|]\s+`)

// headEnd returns the index of the first prose line: the breadcrumb, the
// title, dates and bylines are looked for before it.
func headEnd(lines []*line) int {
	for i, l := range lines {
		// A headline may end in '?' or '!'; a paragraph is longer or ends in '.'.
		if l.kind == kindText && l.prose() && (!l.headlineLike() || l.words >= 20) {
			return i
		}
	}
	return len(lines)
}

// findBreadcrumb marks the breadcrumb among lines[:end] and returns its
// category items (home link dropped) and, when the last item is the
// article's headline, that headline.
func findBreadcrumb(lines []*line, end int) (items []string, title string) {
	// The set of keys is built once, on first use: a page of many failed
	// "1. ..." candidates would otherwise rescan every line for each.
	var keys map[string]bool
	hasKey := func(key string) bool {
		if keys == nil {
			keys = make(map[string]bool, len(lines))
			for _, l := range lines {
				keys[l.key] = true
			}
		}
		return keys[key]
	}
	for i := 0; i < end; i++ {
		if m := crumbItem.FindStringSubmatch(lines[i].text); m != nil && m[1] == "1" {
			if items, title, ok := numberedCrumb(lines, i, end, hasKey); ok {
				return items, title
			}
		}
		if parts := crumbSeparator.Split(lines[i].text, -1); len(parts) >= 2 && isHome(parts[0]) {
			lines[i].kind = kindCrumb
			return categories(parts), ""
		}
	}
	return nil, ""
}

// numberedCrumb reads items "1. X", "2. Y", ... from lines[start:end];
// hasKey reports whether some line of the page has a folded key.
func numberedCrumb(lines []*line, start, end int, hasKey func(string) bool) (items []string, title string, ok bool) {
	var texts []string
	var at []int
	for i := start; i < end; i++ {
		m := crumbItem.FindStringSubmatch(lines[i].text)
		if m == nil || m[1] != strconv.Itoa(len(texts)+1) {
			break
		}
		texts = append(texts, m[2])
		at = append(at, i)
	}
	if len(texts) < 2 {
		return nil, "", false
	}
	last := newLine(texts[len(texts)-1])
	if last.words >= 4 || (last.words >= 2 && lines[at[len(at)-1]].count == 1 && hasKey(last.key)) {
		title = texts[len(texts)-1]
		texts = texts[:len(texts)-1]
	}
	for _, t := range texts {
		if w := newLine(t); w.words > 5 || w.prose() {
			return nil, "", false
		}
	}
	for _, i := range at {
		lines[i].kind = kindCrumb
	}
	return categories(texts), title, true
}

func isHome(s string) bool { return homeWords[newLine(s).key] }

// categories drops the home link and empty items.
func categories(parts []string) []string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" && !isHome(p) {
			out = append(out, p)
		}
	}
	return out
}

// chooseTitle returns the title and the index of its first line. A headline
// the breadcrumb ends with wins; then a headline-like line that the page
// repeats; then the headline-like line nearest above the first paragraph.
func chooseTitle(lines []*line, crumbTitle string, end int) (string, int) {
	if crumbTitle != "" {
		key := newLine(crumbTitle).key
		for i, l := range lines {
			if l.key == key && l.kind == kindText {
				return l.text, i
			}
		}
		for i, l := range lines {
			if l.kind == kindCrumb && strings.HasSuffix(l.text, crumbTitle) {
				return crumbTitle, i
			}
		}
	}
	nearest, above := -1, countKeys(lines, end)
	for i := end - 1; i >= 0; i-- {
		l := lines[i]
		if l.kind != kindText || !l.headlineLike() || l.words < 3 {
			continue
		}
		// The title repeats near itself above the body; a menu item that
		// repeats in the footer is not the title.
		if l.count >= 2 && above[l.key] == l.count {
			return l.text, firstWithKey(lines, l.key)
		}
		if nearest < 0 {
			nearest = i
		}
	}
	if nearest < 0 {
		return "", -1
	}
	return lines[nearest].text, nearest
}

// countKeys counts the lines of lines[:end] by key.
func countKeys(lines []*line, end int) map[string]int {
	n := make(map[string]int, end)
	for _, l := range lines[:end] {
		n[l.key]++
	}
	return n
}

func firstWithKey(lines []*line, key string) int {
	for i, l := range lines {
		if l.key == key {
			return i
		}
	}
	return -1
}

// markTitle marks every copy of the title, including "Title - Site Name"
// (the HTML title), and returns the site name found that way.
func markTitle(lines []*line, title string) (site string) {
	key := newLine(title).key
	for _, l := range lines {
		if l.kind == kindCrumb {
			continue
		}
		if l.key == key {
			l.kind = kindTitle
			continue
		}
		if rest, ok := strings.CutPrefix(l.text, title); ok {
			rest = strings.TrimSpace(rest)
			if r, size := utf8.DecodeRuneInString(rest); strings.ContainsRune("-|–—:", r) {
				l.kind = kindTitle
				site = strings.TrimSpace(rest[size:])
			}
		}
	}
	return site
}

// bylineLabels are the words that introduce an author or a source; source
// labels give way to author labels.
var bylineLabels = map[string]bool{
	"muhabir": false, "haber": false, "yazar": false, "editor": false, "hazirlayan": false,
	"yazan": false, "reporter": false, "author": false, "by": false, "written by": false,
	"kaynak": true, "source": true, "ajans": true,
}

// byline returns the name in a byline line, and whether the label named a
// source (an agency) rather than a person.
func byline(l *line) (name string, source, ok bool) {
	if l.words > 7 || l.prose() {
		return "", false, false
	}
	if strings.HasSuffix(l.key, "haber merkezi") && l.words <= 4 {
		return l.text, false, true
	}
	label, rest, found := strings.Cut(l.text, ":")
	if !found || !isLabel(label) {
		first, after, _ := strings.Cut(l.text, " ")
		if label, rest = first, after; !isLabel(label) || newLine(label).key == "haber" {
			return "", false, false
		}
	}
	rest = strings.TrimSpace(rest)
	if !looksLikeName(rest) {
		return "", false, false
	}
	return rest, bylineLabels[newLine(label).key], true
}

func isLabel(s string) bool {
	_, ok := bylineLabels[newLine(s).key]
	return ok && strings.TrimSpace(s) != ""
}

// looksLikeName accepts one to five capitalised words ("Ayşe Demir", "AA",
// "Haber Merkezi").
func looksLikeName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 5 || strings.ContainsAny(s, "0123456789") {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && w != "/" && w != "-" {
			return false
		}
	}
	return true
}

// markBylines marks byline lines and returns the author: the first person
// named by a byline, else the first source agency.
func markBylines(lines []*line) string {
	author, source := "", ""
	for _, l := range lines {
		if l.kind != kindText {
			continue
		}
		name, isSource, ok := byline(l)
		if !ok {
			continue
		}
		l.kind = kindByline
		if isSource && source == "" {
			source = name
		} else if !isSource && author == "" {
			author = name
		}
	}
	if author == "" {
		author = source
	}
	return author
}
