package turkish

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// RepairGlued inserts a paragraph break where a text dump lost one and two
// sentences stick together: "karşılandı.Ertesi gün" becomes
// "karşılandı.\n\nErtesi gün". It needs a lowercase letter, digit or closing
// quote, then '.', '!' or '?', then an uppercase letter with no space. It
// leaves URLs, e-mail addresses, domains ("Site.com"), abbreviations
// ("Prof.Dr."), initials ("A.B.D.") and short ordinals ("2.Dünya") alone.
func RepairGlued(text string) string {
	var b strings.Builder
	last := 0                 // end of the text already copied
	tokStart, tokEnd := 0, -1 // the whitespace-delimited token around i
	inAddress := false        // whether that token holds "://" or "@"
	for i, r := range text {
		if unicode.IsSpace(r) {
			tokStart = i + utf8.RuneLen(r)
			continue
		}
		cut := i + utf8.RuneLen(r) // where the break goes
		if !isTerminator(r) && !quoteAfterTerminator(text, i, r) || i == 0 || cut >= len(text) {
			continue
		}
		if i >= tokEnd {
			tokEnd = tokenEnd(text, i)
			tok := text[tokStart:tokEnd]
			inAddress = strings.Contains(tok, "://") || strings.Contains(tok, "@")
		}
		// Looking back no further than the last inserted break makes a
		// second pass over the output take the same decisions.
		from := max(tokStart, last)
		if inAddress || hasPrefixFold(text[from:], "www.") || !isGlueBreak(text, i, cut, last) {
			continue
		}
		if b.Len() == 0 {
			b.Grow(len(text) + 16)
		}
		b.WriteString(text[last:cut])
		b.WriteString("\n\n")
		last = cut
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

func isTerminator(r rune) bool { return r == '.' || r == '!' || r == '?' }

// quoteAfterTerminator reports whether r at text[i] is an unambiguous closing
// quote right after a terminator, as in `dedi.”Ama`.
func quoteAfterTerminator(text string, i int, r rune) bool {
	if r != '”' && r != '»' || i == 0 {
		return false
	}
	prev, size := utf8.DecodeLastRuneInString(text[:i])
	return isTerminator(prev) && i-size > 0
}

// isGlueBreak reports whether the terminator (or closing quote) at text[i],
// followed by text[cut:], glues two sentences; it looks back no further than
// floor.
func isGlueBreak(text string, i, cut, floor int) bool {
	if !isTerminator(rune(text[i])) {
		i -= 1 // judge the terminator before the closing quote
	}
	prev, _ := utf8.DecodeLastRuneInString(text[floor:i])
	next, _ := utf8.DecodeRuneInString(text[cut:])
	if !unicode.IsUpper(next) {
		return false
	}
	if !unicode.IsLower(prev) && !unicode.IsDigit(prev) && !strings.ContainsRune(`"'”’»)`, prev) {
		return false
	}
	if text[i] == '.' && dotIsNotFinal(text[floor:i]) {
		return false
	}
	return !isDomainTail(text[cut:])
}

// gluedSentences reports whether the terminator at text[i], with text[j:]
// following it without a space, ends one sentence and starts the next;
// the same judgement as RepairGlued, for one spot.
func gluedSentences(text string, i, j int) bool {
	start := 0
	if k := strings.LastIndexFunc(text[:i], unicode.IsSpace); k >= 0 {
		_, size := utf8.DecodeRuneInString(text[k:])
		start = k + size
	}
	tok := text[start:tokenEnd(text, i)]
	if strings.Contains(tok, "://") || strings.Contains(tok, "@") || hasPrefixFold(tok, "www.") {
		return false
	}
	return isGlueBreak(text, i, j, start)
}

// tokenEnd returns the offset of the first white space after i, or len(text).
func tokenEnd(text string, i int) int {
	if end := strings.IndexFunc(text[i:], unicode.IsSpace); end >= 0 {
		return i + end
	}
	return len(text)
}

// hasPrefixFold reports whether s starts with the ASCII prefix in any case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// isDomainTail reports whether rest starts with a top-level domain such as
// "Com" or "COM.TR" followed by a non-letter, as in "Haber.Com".
func isDomainTail(rest string) bool {
	end := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(rest)
	}
	return topLevelDomains[strings.ToLower(rest[:end])]
}

var topLevelDomains = map[string]bool{
	"com": true, "net": true, "org": true, "tr": true, "gov": true, "edu": true, "info": true,
	"io": true, "co": true, "tv": true, "biz": true, "de": true, "uk": true, "eu": true,
	"fr": true, "me": true, "news": true, "az": true, "ru": true, "us": true, "app": true,
}

// SplitParagraphs splits text into trimmed paragraphs at line breaks (blank
// or single), repairs glued sentences first and drops empty paragraphs.
func SplitParagraphs(text string) []string {
	text = RepairGlued(text)
	var out []string
	for _, line := range strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == '\r' }) {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}
