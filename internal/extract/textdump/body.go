package textdump

import (
	"html"
	"strings"
	"unicode/utf8"

	"manset/internal/turkish"
)

// barrier is the score of chrome that ends the article: no block crosses it.
const barrier = -1000

// score says how much a line adds to a body block: prose adds by length,
// stop words (real sentences have them) add a little, chrome subtracts.
func score(l *line) float64 {
	switch l.kind {
	case kindHard:
		return barrier
	case kindSoft, kindDup:
		return -1.5
	case kindText:
	default:
		return -0.5 // title, date, breadcrumb, byline
	}
	switch {
	case l.prose():
		s := 1 + float64(min(l.words, 80))/8
		if l.stops*12 >= l.words {
			s += 0.5
		}
		if l.capital*10 > l.words*6 {
			s -= 1 // Title Case Text Is A Headline Or A Menu
		}
		return s
	case l.final() && l.words >= 2 && l.last != ':':
		return 0.3 // "Soruşturma sürüyor." closes many reports
	}
	return -0.5
}

// block is a run of lines that scores above zero as a whole.
type block struct {
	start, end int // [start, end)
	score      float64
	prose      int // real paragraphs in it
}

// candidateBlocks splits lines[from:] into runs at the points where the
// running score falls to zero (Kadane's algorithm) and returns the best
// block of each run, in page order.
func candidateBlocks(lines []*line, from int) []block {
	var out []block
	var cur block
	sum, runStart := 0.0, from
	for i := from; i < len(lines); i++ {
		if sum <= 0 {
			if cur.score > 0 {
				out = append(out, cur)
			}
			cur, sum, runStart = block{}, 0, i
		}
		sum += score(lines[i])
		if sum > cur.score {
			cur = block{start: runStart, end: i + 1, score: sum}
		}
	}
	if cur.score > 0 {
		out = append(out, cur)
	}
	for k := range out {
		for _, l := range lines[out[k].start:out[k].end] {
			if l.kind == kindText && l.prose() {
				out[k].prose++
			}
		}
	}
	return out
}

// bestBlock returns the article body as [start, end); start is -1 when
// nothing after the title reads like an article. The article comes first
// after its title, so the first block of two or more paragraphs that scores
// at least half the best wins over a richer list of related stories or
// comments further down.
func bestBlock(lines []*line, from int) (start, end int) {
	blocks := candidateBlocks(lines, from)
	if len(blocks) == 0 {
		return -1, 0
	}
	best := blocks[0]
	for _, b := range blocks {
		if b.score > best.score {
			best = b
		}
	}
	for _, b := range blocks {
		if b.prose >= 2 && b.score*2 >= best.score {
			return b.start, b.end
		}
	}
	return best.start, best.end
}

// bodyLines returns the indices of article lines: prose between the title
// and the block (the lead, cut off by a share bar) and the block's text
// lines, which include subheadings framed by paragraphs.
func bodyLines(lines []*line, titleAt, start, end int) (lead, body []int) {
	if start < 0 {
		return nil, nil
	}
	for i := titleAt + 1; i < start; i++ {
		if l := lines[i]; l.kind == kindText && l.prose() {
			lead = append(lead, i)
		}
	}
	for i := start; i < end; i++ {
		// One- and two-word lines inside the body are buttons more often
		// than subheadings, unless they end like a sentence.
		if l := lines[i]; l.kind == kindText && (l.words >= 3 || (l.final() && l.words == 2)) {
			body = append(body, i)
		}
	}
	return lead, body
}

// paragraphs splits the chosen lines into paragraphs, repairing sentences
// a dump glued together.
func paragraphs(lines []*line, idx []int) []string {
	var out []string
	for _, i := range idx {
		text := lines[i].text
		if longestRun(text) > maxGluedRun {
			out = append(out, text) // not prose; and glue repair is slow on it
			continue
		}
		out = append(out, turkish.SplitParagraphs(text)...)
	}
	return out
}

// maxGluedRun is the longest run without a space in which glued sentences
// are looked for; real glued sentences are far shorter, and a longer run is
// a URL or noise that repair would only slow down.
const maxGluedRun = 256

// longestRun returns the length in bytes of the longest run of s without whitespace.
func longestRun(s string) int {
	longest := 0
	for f := range strings.FieldsSeq(s) {
		longest = max(longest, len(f))
	}
	return longest
}

// maxSummary caps the summary length in bytes.
const maxSummary = 400

// summary returns the spot: the lead line kept out of the text when the
// page has one; else a distinct lead paragraph (set off by chrome, or a
// single sentence); else the body's opening sentences up to a readable
// length.
func summary(lines []*line, spot int, hasLead bool, paras []string) string {
	if spot >= 0 {
		// Glue repair may split the line; the summary stays one paragraph.
		return strings.Join(paragraphs(lines, []int{spot}), " ")
	}
	if len(paras) == 0 {
		return ""
	}
	if hasLead && len(paras[0]) <= maxSummary {
		return paras[0]
	}
	sentences := turkish.SplitSentences(paras[0])
	if len(sentences) == 1 && len(paras[0]) <= maxSummary {
		return paras[0]
	}
	var b strings.Builder
	for _, s := range sentences {
		if b.Len() >= 60 || b.Len()+len(s)+1 > maxSummary {
			break
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s)
	}
	if b.Len() == 0 {
		return cutWords(paras[0], maxSummary)
	}
	return b.String()
}

// cutWords shortens s to at most n bytes at a word boundary.
func cutWords(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := s[:n]
	for !utf8.ValidString(cut) {
		cut = cut[:len(cut)-1]
	}
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut
}

// language tells English from Turkish by function words; Turkish is the
// default, as the site is Turkish.
func language(text string) string {
	en, tr := 0, 0
	for _, t := range turkish.Tokenize(text) {
		f := turkish.Fold(t)
		if englishStop[f] {
			en++
		}
		if turkishMarkers[f] || strings.ContainsAny(t, "ğşıİçöüĞŞÇÖÜ") {
			tr++
		}
	}
	if en >= 3 && en > 2*tr {
		return "en"
	}
	return "tr"
}

// renderHTML returns the paragraphs as escaped <p> elements.
func renderHTML(paras []string) string {
	var b strings.Builder
	for i, p := range paras {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("<p>" + html.EscapeString(p) + "</p>")
	}
	return b.String()
}
