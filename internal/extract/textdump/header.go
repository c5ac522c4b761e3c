package textdump

// The header of an article is what a page puts between its breadcrumb or
// title and the first paragraph of the body: the spot, dates, byline,
// category label, reading time and share bar, in any order. The functions
// here find where it begins and ends, and tell the spot from the body.

// headerStart returns the first line of the article's header: the title or
// the breadcrumb above it, whichever comes first, and any date or byline
// lines right above that ("05.11.2024" printed over the headline). Dates
// further up belong to the site's top bar, not to the article.
func headerStart(lines []*line, titleAt int) int {
	start := titleAt
	for i := 0; i < titleAt; i++ {
		if lines[i].kind == kindCrumb {
			start = i
			break
		}
	}
	for start > 0 && (lines[start-1].kind == kindDate || lines[start-1].kind == kindByline) {
		start--
	}
	return start
}

// splitSpot takes the article's candidate lines (the lead, then the body
// block) and returns the spot, or -1, and the lines that make the text.
//
// The first line is the spot, kept out of the text, when header furniture
// (dates, a byline, a copy of the title, a share bar, a widget) separates it
// from the next text line: the page shows it as a lead above the article,
// not as its first paragraph. Chrome that also sits inside bodies (an ad
// slot, a photo credit, an inline "İLGİLİ HABER" link) does not separate,
// and a first line with nothing but text or such chrome after it stays the
// first paragraph. A spot is one line of prose short enough to be a summary,
// and some prose must remain after it.
func splitSpot(lines []*line, cands []int) (spot int, text []int) {
	if len(cands) < 2 {
		return -1, cands
	}
	first := lines[cands[0]]
	if !first.prose() || len(first.text) > maxSummary ||
		!headerBetween(lines, cands[0]+1, cands[1]) || !anyProse(lines, cands[1:]) {
		return -1, cands
	}
	return cands[0], cands[1:]
}

// headerBetween reports whether lines[from:to] hold header furniture.
func headerBetween(lines []*line, from, to int) bool {
	for _, l := range lines[from:to] {
		switch l.kind {
		case kindDate, kindByline, kindTitle, kindCrumb, kindHard:
			return true
		case kindSoft:
			if hasPhrase(l.key, headerWords) {
				return true
			}
		}
	}
	return false
}

// tailEnd returns the first line at or after from that ends the article
// (comments, reactions, related stories), or len(lines). A labelled date
// before it, such as "Son güncelleme: ..." under the last paragraph, still
// belongs to the article.
func tailEnd(lines []*line, from int) int {
	for i := from; i < len(lines); i++ {
		if lines[i].kind == kindHard {
			return i
		}
	}
	return len(lines)
}
