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
	last := 0
	for i := 1; i < len(text)-1; i++ {
		c := text[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		if !isGlueBreak(text, i) {
			continue
		}
		if b.Len() == 0 {
			b.Grow(len(text) + 16)
		}
		b.WriteString(text[last : i+1])
		b.WriteString("\n\n")
		last = i + 1
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// isGlueBreak reports whether the terminator at text[i] glues two sentences.
func isGlueBreak(text string, i int) bool {
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	next, _ := utf8.DecodeRuneInString(text[i+1:])
	if !unicode.IsUpper(next) {
		return false
	}
	if !unicode.IsLower(prev) && !unicode.IsDigit(prev) && !strings.ContainsRune(`"'”’»)`, prev) {
		return false
	}
	token := tokenAround(text, i)
	if looksLikeAddress(token) {
		return false
	}
	if text[i] == '.' && dotIsNotFinal(text[:i]) {
		return false
	}
	return !isDomainTail(text[i+1:])
}

// tokenAround returns the whitespace-delimited token containing text[i].
func tokenAround(text string, i int) string {
	start := strings.LastIndexFunc(text[:i], unicode.IsSpace) + 1
	end := strings.IndexFunc(text[i:], unicode.IsSpace)
	if end < 0 {
		end = len(text)
	} else {
		end += i
	}
	return text[start:end]
}

// looksLikeAddress reports whether token is a URL or an e-mail address.
func looksLikeAddress(token string) bool {
	l := strings.ToLower(token)
	return strings.Contains(l, "://") || strings.HasPrefix(l, "www.") || strings.Contains(l, "@")
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
