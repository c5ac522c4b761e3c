package extract

import (
	"math"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The heuristics in content.go choose the article's element and a first
// set of blocks; a small logistic model then decides each block again from
// what the heuristics said and from the block's own shape and neighbours.
// The model's weights are in model.go; tools/extracttrain (build tag
// "train", with train.go here) fits them on the benchmark pages and reports
// the cross-validated score.

// Feature slots of a block's vector, in the order of model.go's weights:
// adding or moving one means retraining the model (tools/extracttrain).
const (
	fBias              = iota // the constant 1
	fLogRunes                 // log length in runes
	fLinkDensity              // share of the block's runes that are links
	fLeadLinks                // share of runes in the links the block starts with
	fScore                    // heuristic score, squashed
	fScorePositive            // heuristic score > 0
	fKept                     // the heuristics kept the block
	fCandidate                // inside the chosen element: the model decides this block
	fHintProseChrome          // class hint -2: chrome that holds sentences (comments, related stories)
	fHintChrome               // class hint -1: page chrome
	fHintArticle              // class hint 1 or 2: an article container or the declared body
	fH1                       // an h1
	fH2H3                     // an h2 or h3
	fH4Plus                   // an h4 to h6
	fListed                   // inside li, dt or dd
	fQuote                    // inside a blockquote
	fCaption                  // inside a figcaption or caption
	fPre                      // preformatted
	fEndsSentence             // ends like a sentence
	fTruncated                // ends cut off ("...")
	fPunct                    // sentence punctuation per rune, clipped
	fDigits                   // digits per rune
	fCapWords                 // share of words starting with a capital
	fHasArticleBody           // the page has a JSON-LD articleBody
	fInArticleBody            // the block's text is in the articleBody
	fBeforeKept               // before the first kept block
	fAfterKept                // after the last kept block
	fNearestKept              // distance to the nearest kept block, log
	fPrevKept                 // the previous block is kept
	fNextKept                 // the next block is kept
	fPrevLinkDensity          // link density of the previous block
	fNextLinkDensity          // link density of the next block
	fRegionLinkDensity        // link density of the enclosing region
	fRegionBlocks             // blocks in the region, log
	fRegionMeanRunes          // mean block length in the region, log
	fInTableCell              // owned by td or th
	fInListItem               // owned by li, dd or dt
	fInParagraph              // owned by p
	fKeptBefore               // share of the kept text before the block
	fJunkLine                 // a short line of known chrome words
	fStopTitle                // a short heading that ends articles ("İlgili Haberler")
	fVeryShort                // under 15 runes
	fRepeated                 // the same text stood earlier on the page
	fHintInChosen             // its class hint comes from inside the chosen element
	fRegionKeptShare          // share of the kept text in the block's region
	fInMain                   // inside the main container
	fCard                     // part of a repeated card (another story's teaser)
	fSameSiblings             // siblings of the same tag and class, log
	fKeptThinRegion           // kept, in a region holding under 20% of the kept text
	fStartsSummary            // starts with the page's summary
	fBeforeMain               // before the main container
	fAfterMain                // after the main container
	fDepthInMain              // depth below the main container, log
	fLinkDensityAfter         // link density of the next three blocks
	fLinkDensityBefore        // link density of the previous three blocks
	fUpperShare               // share of letters that are capitals
	fStackPrev                // first stage: probability of the previous block
	fStackNext                // first stage: probability of the next block
	fStackMaxBefore           // first stage: best of the previous three
	fStackMaxAfter            // first stage: best of the next three
	fStackSelf                // first stage: probability of the block itself

	// nFeatures is the length of a block's feature vector.
	nFeatures
)

// stackAt is the first of the features filled from the first stage's
// predictions for the block and its neighbours.
const stackAt = fStackPrev

// features holds one feature vector per block.
type features [][nFeatures]float64

// regionStats describes the element around a block: how much of its text
// is linked and how long its blocks are. Lists of links to other stories
// have many short, linked blocks.
type regionStats struct {
	node        *html.Node
	linkDensity float64
	blocks      int
	meanRunes   float64
}

// blockFeatures computes the feature vectors after chooseContent has
// scored the blocks and marked the heuristic choice in keep.
func blockFeatures(seg *segmenter, sp span, articleBody, summary string) features {
	blocks := seg.blocks
	out := make(features, len(blocks))
	first, last := -1, -1
	total := 0
	for i := range blocks {
		if blocks[i].keep {
			if first < 0 {
				first = i
			}
			last = i
			total += blocks[i].runes
		}
	}
	regions := regionIndex(seg)
	mainNode := mainContainer(seg, total)
	mainSpan := regions.spans[mainNode]
	if len(summary) > 60 {
		summary = summary[:60]
	}
	near := nearestKept(blocks)
	seen := make(map[string]bool, len(blocks))
	before := 0
	for i := range blocks {
		b := &blocks[i]
		f := &out[i]
		if sp.node == nil || int32(i) < sp.start || int32(i) >= sp.end {
			// Not a candidate: only its keep mark is read, by neighbours.
			f[fKept] = bool01(b.keep)
			if b.keep {
				before += b.runes
			}
			seen[b.text] = true
			continue
		}
		fillOwn(f, b)
		f[fScore] = math.Tanh(b.score / 200)
		f[fScorePositive] = bool01(b.score > 0)
		f[fKept] = bool01(b.keep)
		f[fCandidate] = 1
		f[fHasArticleBody] = bool01(articleBody != "")
		f[fInArticleBody] = bool01(articleBody != "" && b.runes >= 20 && inArticleBody(articleBody, b.text))
		f[fBeforeKept] = bool01(first >= 0 && i < first)
		f[fAfterKept] = bool01(last >= 0 && i > last)
		f[fNearestKept] = math.Log1p(float64(near[i])) / 3
		if i > 0 {
			f[fPrevKept] = bool01(blocks[i-1].keep)
			f[fPrevLinkDensity] = density(&blocks[i-1])
		}
		if i+1 < len(blocks) {
			f[fNextKept] = bool01(blocks[i+1].keep)
			f[fNextLinkDensity] = density(&blocks[i+1])
		}
		r := regions.of(b.owner)
		f[fRegionLinkDensity] = r.linkDensity
		f[fRegionBlocks] = math.Log1p(float64(r.blocks)) / 3
		f[fRegionMeanRunes] = math.Log1p(r.meanRunes) / 5
		if total > 0 {
			f[fKeptBefore] = float64(before) / float64(total)
		}
		if b.keep {
			before += b.runes
		}
		f[fRepeated] = bool01(b.runes >= 20 && seen[b.text])
		seen[b.text] = true
		f[fHintInChosen] = bool01(sp.node != nil && b.hintAt != nil && isInside(b.hintAt, sp.node))
		if total > 0 && r.node != nil {
			// The region, not the parent: a page may wrap every
			// paragraph in its own element.
			f[fRegionKeptShare] = float64(regions.keptIn(r.node)) / float64(total)
		}
		f[fInMain] = bool01(mainNode != nil && isInside(b.owner, mainNode))
		cards, same := cardShape(b.owner, regions)
		f[fCard] = bool01(cards)
		f[fSameSiblings] = math.Log1p(float64(same)) / 3
		f[fKeptThinRegion] = bool01(b.keep && f[fRegionKeptShare] < 0.2)
		f[fStartsSummary] = bool01(summary != "" && b.runes >= 20 && strings.HasPrefix(b.text, summary))
		f[fBeforeMain] = bool01(mainNode != nil && int32(i) < mainSpan.start)
		f[fAfterMain] = bool01(mainNode != nil && int32(i) >= mainSpan.end)
		f[fDepthInMain] = math.Log1p(float64(depthBelow(b.owner, mainNode))) / 2
		f[fLinkDensityAfter] = windowDensity(blocks, i+1, i+4)
		f[fLinkDensityBefore] = windowDensity(blocks, i-3, i)
	}
	return out
}

// fillOwn sets the features that depend on the block alone.
func fillOwn(f *[nFeatures]float64, b *block) {
	f[fBias] = 1
	f[fLogRunes] = math.Log1p(float64(b.runes)) / 5
	f[fLinkDensity] = density(b)
	f[fLeadLinks] = float64(b.lead) / float64(max(b.runes, 1))
	f[fHintProseChrome] = bool01(b.hint <= -2)
	f[fHintChrome] = bool01(b.hint == -1)
	f[fHintArticle] = bool01(b.hint >= 1)
	f[fH1] = bool01(b.heading == 1)
	f[fH2H3] = bool01(b.heading == 2 || b.heading == 3)
	f[fH4Plus] = bool01(b.heading >= 4)
	f[fListed] = bool01(b.listed)
	f[fQuote] = bool01(b.quote)
	f[fCaption] = bool01(b.caption)
	f[fPre] = bool01(b.pre)
	f[fEndsSentence] = bool01(endsSentence(b.text))
	f[fTruncated] = bool01(truncated(b.text))
	punct, digits, caps, words, upper, letters := textShape(b.text)
	if letters > 0 {
		f[fUpperShare] = upper / letters
	}
	n := float64(max(b.runes, 1))
	f[fPunct] = min(10*punct/n, 1)
	f[fDigits] = digits / n
	if words > 0 {
		f[fCapWords] = caps / words
	}
	switch ownerTag(b.owner) {
	case atom.Td, atom.Th:
		f[fInTableCell] = 1
	case atom.Li, atom.Dd, atom.Dt:
		f[fInListItem] = 1
	case atom.P:
		f[fInParagraph] = 1
	}
	f[fJunkLine] = bool01(b.runes < 40 && isJunkLine(b.text))
	f[fStopTitle] = bool01(b.runes <= 60 && isStopTitle(b.text))
	f[fVeryShort] = bool01(b.runes < 15)
}

func ownerTag(n *html.Node) atom.Atom {
	if n == nil {
		return 0
	}
	return n.DataAtom
}

// textShape counts sentence punctuation, digits, words and the words that
// start with a capital letter, letters and the capital ones.
func textShape(s string) (punct, digits, caps, words, upper, letters float64) {
	inWord := false
	for _, r := range s {
		switch {
		case r == '.' || r == ',' || r == ';' || r == ':' || r == '!' || r == '?':
			punct++
		case unicode.IsDigit(r):
			digits++
		}
		letter := unicode.IsLetter(r)
		if letter {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
		if letter && !inWord {
			words++
			if unicode.IsUpper(r) {
				caps++
			}
		}
		inWord = letter || r == '\'' || r == '’' || r == '-'
	}
	return
}

func density(b *block) float64 {
	return float64(b.links) / float64(max(b.runes, 1))
}

func bool01(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// nearestKept returns, for each block, how many blocks away the nearest
// block of the heuristic choice is (0 for a kept block).
func nearestKept(blocks []block) []int {
	const far = 1 << 20
	d := make([]int, len(blocks))
	last := -far
	for i := range blocks {
		if blocks[i].keep {
			last = i
		}
		d[i] = i - last
	}
	last = far
	for i := len(blocks) - 1; i >= 0; i-- {
		if blocks[i].keep {
			last = i
		}
		d[i] = min(d[i], last-i, 1000)
	}
	return d
}

// regions finds, for a block's owner, the nearest enclosing element that
// holds at least two blocks, and summarises it.
type regions struct {
	spans  map[*html.Node]span
	blocks []block
	prefix [][3]int // runes, link runes and kept runes before each block
	cache  map[*html.Node]regionStats
}

func regionIndex(seg *segmenter) *regions {
	r := &regions{spans: make(map[*html.Node]span, len(seg.spans)), blocks: seg.blocks,
		cache: make(map[*html.Node]regionStats)}
	for _, sp := range seg.spans {
		r.spans[sp.node] = sp
	}
	r.prefix = make([][3]int, len(seg.blocks)+1)
	for i := range seg.blocks {
		b := &seg.blocks[i]
		kept := 0
		if b.keep {
			kept = b.runes
		}
		r.prefix[i+1] = [3]int{r.prefix[i][0] + b.runes, r.prefix[i][1] + b.links, r.prefix[i][2] + kept}
	}
	return r
}

func (r *regions) of(owner *html.Node) regionStats {
	if owner == nil {
		return regionStats{}
	}
	if s, ok := r.cache[owner]; ok {
		return s
	}
	var st regionStats
	for n, depth := owner.Parent, 0; n != nil && depth < 4; n, depth = n.Parent, depth+1 {
		sp, ok := r.spans[n]
		if !ok || sp.end-sp.start < 2 {
			continue
		}
		runes := r.prefix[sp.end][0] - r.prefix[sp.start][0]
		links := r.prefix[sp.end][1] - r.prefix[sp.start][1]
		st.node = n
		st.blocks = int(sp.end - sp.start)
		st.linkDensity = float64(links) / float64(max(runes, 1))
		st.meanRunes = float64(runes) / float64(st.blocks)
		break
	}
	r.cache[owner] = st
	return st
}

// depthBelow returns how many levels n lies under top, or 0.
func depthBelow(n, top *html.Node) int {
	if top == nil {
		return 0
	}
	for d := 0; n != nil; n, d = n.Parent, d+1 {
		if n == top {
			return d
		}
	}
	return 0
}

// windowDensity is the link density of blocks[lo:hi], clipped to the
// page.
func windowDensity(blocks []block, lo, hi int) float64 {
	runes, links := 0, 0
	for i := max(lo, 0); i < min(hi, len(blocks)); i++ {
		runes += blocks[i].runes
		links += blocks[i].links
	}
	return float64(links) / float64(max(runes, 1))
}

// keptIn returns the runes of the heuristically kept blocks under n.
func (r *regions) keptIn(n *html.Node) int {
	sp, ok := r.spans[n]
	if !ok {
		return 0
	}
	return r.prefix[sp.end][2] - r.prefix[sp.start][2]
}

// blocksIn returns how many blocks n holds.
func (r *regions) blocksIn(n *html.Node) int {
	sp, ok := r.spans[n]
	if !ok {
		return 0
	}
	return int(sp.end - sp.start)
}

// mainContainer returns the smallest element that holds most of the kept
// text: the article's own body, inside whatever wraps it.
func mainContainer(seg *segmenter, total int) *html.Node {
	if total == 0 {
		return nil
	}
	var best *html.Node
	bestBlocks := int32(1 << 30)
	kept := 0
	prefix := make([]int, len(seg.blocks)+1)
	for i := range seg.blocks {
		if seg.blocks[i].keep {
			kept += seg.blocks[i].runes
		}
		prefix[i+1] = kept
	}
	for _, sp := range seg.spans {
		if n := sp.end - sp.start; n < bestBlocks && 10*(prefix[sp.end]-prefix[sp.start]) >= 6*total {
			best, bestBlocks = sp.node, n
		}
	}
	return best
}

// cardShape looks at the block's nearest few ancestors for a repeated
// unit: an element whose parent has at least two more children of the
// same tag and class. It reports whether that unit holds several blocks
// (a card: headline, summary, date of another story) and how many
// same-looking siblings the block's own element has.
func cardShape(owner *html.Node, r *regions) (card bool, same int) {
	if owner == nil {
		return false, 0
	}
	same = sameSiblings(owner)
	for n, depth := owner, 0; n != nil && depth < 4; n, depth = n.Parent, depth+1 {
		if n.DataAtom == atom.Body {
			break
		}
		if r.blocksIn(n) >= 2 && sameSiblings(n) >= 2 {
			return true, same
		}
	}
	return false, same
}

// sameSiblings counts the siblings of n with its tag and class.
func sameSiblings(n *html.Node) int {
	if n.Parent == nil {
		return 0
	}
	class := attr(n, "class")
	c := 0
	for k := n.Parent.FirstChild; k != nil; k = k.NextSibling {
		if k != n && k.Type == html.ElementNode && k.DataAtom == n.DataAtom && k.Data == n.Data && attr(k, "class") == class {
			c++
		}
	}
	return c
}

// classify replaces the heuristic keep marks with the model's decisions.
// When the model would keep almost nothing, the heuristic choice stands.
func classify(seg *segmenter, sp span, articleBody, summary string) {
	feats := blockFeatures(seg, sp, articleBody, summary)
	blockWeights.stack(feats)
	keep := make([]bool, len(seg.blocks))
	n := 0
	for i := range feats {
		if candidate(&feats[i]) && !vetoed(&seg.blocks[i]) && blockLogit(&feats[i], &blockWeights[1]) > 0 {
			keep[i] = true
			n += seg.blocks[i].runes
		}
	}
	if n < 100 {
		return
	}
	for i := range seg.blocks {
		seg.blocks[i].keep = keep[i]
	}
}

// candidate reports the blocks the model decides on: those inside the
// chosen element. The element is nearly always right; which of its blocks
// are the article is where the heuristics go wrong.
func candidate(f *[nFeatures]float64) bool {
	return f[fCandidate] == 1
}

// blockModel is two stacked logistic models. The first sees the block
// features; the second also sees the first's probabilities for the block
// and its neighbours, which smooths the decisions at the article's edges.
type blockModel [2][nFeatures]float64

// stack fills the stacked features from the first stage.
func (m *blockModel) stack(feats features) {
	p := make([]float64, len(feats))
	for i := range feats {
		for j := stackAt; j < nFeatures; j++ {
			feats[i][j] = 0
		}
		if candidate(&feats[i]) {
			p[i] = 1 / (1 + math.Exp(-blockLogit(&feats[i], &m[0])))
		}
	}
	for i := range feats {
		f := &feats[i]
		if i > 0 {
			f[fStackPrev] = p[i-1]
		}
		if i+1 < len(p) {
			f[fStackNext] = p[i+1]
		}
		for j := max(i-3, 0); j < i; j++ {
			f[fStackMaxBefore] = max(f[fStackMaxBefore], p[j])
		}
		for j := i + 1; j < min(i+4, len(p)); j++ {
			f[fStackMaxAfter] = max(f[fStackMaxAfter], p[j])
		}
		f[fStackSelf] = p[i]
	}
}

// vetoed reports blocks the model may not keep: short lines of known
// chrome words and markup shown as text. The model learns from pages that
// rarely have such lines, and a "Reklam Alanı" line is never article text.
func vetoed(b *block) bool {
	return b.runes < 40 && isJunkLine(b.text) ||
		strings.HasPrefix(b.text, "<") && strings.HasSuffix(b.text, ">")
}

// blockLogit is the dot product of features and weights.
func blockLogit(f, w *[nFeatures]float64) float64 {
	s := 0.0
	for j := range f {
		s += f[j] * w[j]
	}
	return s
}
