// Package textdump reads text page dumps — what a crawler saw of a news page,
// one block of text per line — and keeps the article: title, breadcrumb,
// dates, author and paragraphs, without the menus, share bars, ads,
// reactions, comment forms, related headlines and disclaimers around it.
//
// No site is hard-coded: each line is classified from its shape (length,
// final punctuation, stop words, capitals, numbers), a lexicon of interface
// words in Turkish and English, repetition across the page and its
// neighbours; the body is then the best-scoring run of lines after the title.
package textdump

import (
	"regexp"
	"strings"

	"manset/internal/news"
)

// MaxSize is the largest dump Parse reads, in bytes; news pages are far smaller.
const MaxSize = 8 << 20

// header matches the optional first line " date 2024-11 https://...".
var header = regexp.MustCompile(`^\s?date\s+\d{4}-\d{2}(?:\s+(\S+))?\s*$`)

// Parse turns a text page dump (what a crawler saw of a news page) into the
// article without the page chrome. pageURL is used when the dump has no
// " date YYYY-MM URL" header. Dates are nil when the page shows none.
func Parse(text, pageURL string) (news.Extracted, error) {
	if len(text) > MaxSize {
		return news.Extracted{}, news.E(news.ETOOLARGE, "textdump.too_large", len(text), MaxSize)
	}
	text = strings.ToValidUTF8(text, "")
	text = strings.TrimPrefix(text, "\ufeff")
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	url, rest := splitHeader(text)
	if url == "" {
		url = strings.TrimSpace(strings.ToValidUTF8(pageURL, ""))
	}
	lines := splitLines(rest)
	if len(lines) == 0 {
		return news.Extracted{}, news.E(news.EINVALID, "textdump.empty")
	}
	p, err := analyse(lines)
	if err != nil {
		return news.Extracted{}, err
	}
	p.URL, p.CanonicalURL = url, url
	return p, nil
}

// splitHeader removes the " date YYYY-MM URL" line and returns its URL.
func splitHeader(text string) (url, rest string) {
	first, rest, _ := strings.Cut(text, "\n")
	m := header.FindStringSubmatch(first)
	if m == nil {
		return "", text
	}
	return m[1], rest
}

// analyse classifies the lines and assembles the article.
func analyse(lines []*line) (news.Extracted, error) {
	markLexicon(lines)
	markLinks(lines)
	stamps := markDates(lines)
	markCounters(lines)
	author := markBylines(lines)
	head := headEnd(lines)
	crumbs, crumbTitle := findBreadcrumb(lines, head)
	title, titleAt := chooseTitle(lines, crumbTitle, head)
	if title == "" {
		return news.Extracted{}, news.E(news.EINVALID, "textdump.no_title")
	}
	site := markTitle(lines, title)
	markRepeats(lines)
	markNeighbours(lines)
	markZones(lines)
	start, end := bestBlock(lines, titleAt+1)
	leadIdx, bodyIdx := bodyLines(lines, titleAt, start, end)
	if start < 0 || !anyProse(lines, leadIdx, bodyIdx) {
		return news.Extracted{}, news.E(news.EINVALID, "textdump.no_body", title)
	}
	spot, textIdx := splitSpot(lines, append(leadIdx, bodyIdx...))
	paras := paragraphs(lines, textIdx)
	zone := dateZone{start: headerStart(lines, titleAt), text: textIdx[0], tail: tailEnd(lines, textIdx[0])}
	published, modified := resolveDates(stamps, zone)
	text := strings.Join(paras, "\n\n")
	e := news.Extracted{
		Title:       title,
		SiteName:    site,
		Author:      author,
		PublishedAt: published,
		ModifiedAt:  modified,
		Breadcrumb:  crumbs,
		Lang:        language(text),
		Summary:     summary(lines, spot, len(leadIdx) > 0, paras),
		Text:        text,
		HTML:        renderHTML(paras),
	}
	if len(crumbs) > 0 {
		e.Category = crumbs[len(crumbs)-1]
	}
	return e, nil
}

// anyProse reports whether the chosen lines hold at least one real
// paragraph; a few stray words are not an article.
func anyProse(lines []*line, idx ...[]int) bool {
	for _, list := range idx {
		for _, i := range list {
			if lines[i].prose() {
				return true
			}
		}
	}
	return false
}
