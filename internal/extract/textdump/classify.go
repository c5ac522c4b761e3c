package textdump

import (
	"regexp"
	"strings"
	"unicode"
)

// relativeTime matches "3 saat önce" and "2 hours ago": a page's idea of
// time that cannot be turned into a date without inventing one.
var relativeTime = regexp.MustCompile(`^(\d+|bir|an|a) (sn|saniye|dk|dakika|saat|gun|hafta|ay|yil|seconds?|minutes?|mins?|hours?|days?|weeks?|months?|years?) (once|ago)$`)

// markLexicon classifies each line by its own words and shape.
func markLexicon(lines []*line) {
	for _, l := range lines {
		l.kind = lexiconKind(l)
	}
}

func lexiconKind(l *line) kind {
	switch {
	case !l.letters || relativeTime.MatchString(l.key):
		return kindSoft // counters, separators, "3 saat önce"
	case l.words <= 20 && startsWith(l.key, linkLabels):
		return kindSoft
	case hasPhrase(l.key, hardAnywhere),
		strings.Contains(l.text, "©") && l.words <= 25,
		l.short() && hasPhrase(l.key, hardShort):
		return kindHard
	case l.short() && hasPhrase(l.key, softShort),
		l.words <= 3 && !l.final() && allSectionWords(l.key),
		l.words <= 2 && len([]rune(l.text)) <= 3: // "A+", "A-", "TR"
		return kindSoft
	}
	return kindText
}

// startsWith reports whether the folded key begins with one of phrases.
func startsWith(key string, phrases []string) bool {
	words := strings.Fields(key) // once, not once per phrase
	for _, p := range phrases {
		n := min(strings.Count(p, " ")+1, len(words))
		if hasPhrase(strings.Join(words[:n], " "), []string{p}) {
			return true
		}
	}
	return false
}

// markLinks marks the headline that follows a bare link label ("İLGİLİ
// HABER" on its own line) as chrome.
func markLinks(lines []*line) {
	for i := 0; i+1 < len(lines); i++ {
		next := lines[i+1]
		if lines[i].words <= 4 && startsWith(lines[i].key, linkLabels) &&
			next.kind == kindText && next.headlineLike() && next.words <= 20 {
			next.kind = kindSoft
		}
	}
}

// isCounter reports whether l is a number standing alone, like a reaction
// or comment count.
func isCounter(l *line) bool {
	return l.kind != kindDate && !l.letters && strings.IndexFunc(l.text, unicode.IsDigit) >= 0 && l.words <= 2
}

// markCounters treats a short label followed by a counter as chrome, and a
// run of two or more such pairs (a reaction widget) as chrome that ends the
// article.
func markCounters(lines []*line) {
	for i := 0; i+1 < len(lines); i++ {
		l := lines[i]
		if isCounter(lines[i+1]) && l.kind == kindText && l.words <= 3 && !l.final() {
			l.kind = kindSoft
		}
	}
	for i := 0; i < len(lines); {
		j := i
		for j+1 < len(lines) && lines[j].words <= 3 && lines[j].kind != kindText && isCounter(lines[j+1]) {
			j += 2
		}
		if j-i >= 4 {
			for k := i; k < j; k++ {
				lines[k].kind = kindHard
			}
		}
		i = max(j, i+1)
	}
}

// markRepeats turns repeated short lines into chrome (menus and share bars
// that a page shows twice) and drops later copies of a repeated paragraph.
// The title is exempt: it is marked before this runs.
func markRepeats(lines []*line) {
	seen := map[string]bool{}
	for _, l := range lines {
		if l.kind != kindText || l.count < 2 {
			continue
		}
		switch {
		case !l.prose() || l.words < 10:
			l.kind = kindSoft
		case seen[l.key]:
			l.kind = kindDup
		}
		seen[l.key] = true
	}
}

// markNeighbours marks a short line between two chrome lines as chrome: on
// an unknown site, a menu item or button nobody listed sits among known ones.
func markNeighbours(lines []*line) {
	isChrome := func(i int) bool { return i < 0 || i >= len(lines) || lines[i].chrome() }
	for i, l := range lines {
		if l.kind == kindText && l.words <= 3 && !l.final() && isChrome(i-1) && isChrome(i+1) {
			l.kind = kindSoft
		}
	}
}

// markZones extends chrome that ends the article over what follows it until
// the next real paragraph: the headlines after "İlgili Haberler", the tags
// after "Etiketler", the names in a comment list. It also treats three or
// more headline-like lines in a row as a list of other stories.
func markZones(lines []*line) {
	inZone := false
	for _, l := range lines {
		switch {
		case l.kind == kindHard:
			inZone = true
		case l.kind == kindTitle || (l.kind == kindText && l.prose()):
			inZone = false
		case inZone && l.kind == kindText:
			l.kind = kindHard
		}
	}
	for i := 0; i < len(lines); {
		j := i
		for j < len(lines) && lines[j].kind == kindText && lines[j].headlineLike() && !lines[j].prose() {
			j++
		}
		if j-i >= 3 {
			for k := i; k < j; k++ {
				lines[k].kind = kindHard
			}
		}
		i = max(j, i+1)
	}
}
