//go:build train

// This file opens the block model to its trainer, tools/extracttrain,
// which is built with the same tag; the product never sees it.

package extract

import (
	"fmt"
	"math"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// NumFeatures is the length of a block's feature vector; StackAt is the
// first of the slots that the model's first stage fills (Stack).
const (
	NumFeatures = nFeatures
	StackAt     = stackAt
)

// BlockModel is the model's two stages of weights, as model.go holds them.
type BlockModel = blockModel

// TrainingBlock is one block of a page as the block model sees it.
type TrainingBlock struct {
	Text      string
	Heuristic bool // the heuristics keep it
	Allowed   bool // not vetoed: the model may keep it
	Features  [NumFeatures]float64
}

// TrainingBlocks runs the extraction of an HTML page up to the block
// model, as HTML does, and returns the blocks with their features (the
// stacked slots zero). A page without a body has no blocks.
func TrainingBlocks(body []byte, pageURL string) ([]TrainingBlock, error) {
	text, err := decode(body, "")
	if err != nil {
		return nil, err
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, err
	}
	m := readMeta(doc, pageURL)
	bodyNode := findFirst(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body })
	if bodyNode == nil {
		return nil, nil
	}
	seg := segment(bodyNode)
	seg.spans = append(seg.spans, span{bodyNode, 0, int32(len(seg.blocks))})
	ab := m.articleBodyNorm()
	sp := chooseContent(seg, ab)
	feats := blockFeatures(seg, sp, ab, m.extracted().Summary)
	out := make([]TrainingBlock, len(seg.blocks))
	for i := range seg.blocks {
		b := &seg.blocks[i]
		out[i] = TrainingBlock{Text: b.text, Heuristic: b.keep, Allowed: !vetoed(b), Features: feats[i]}
	}
	return out, nil
}

// Stack fills the stacked slots of feats from the first stage of m.
func Stack(m *BlockModel, feats [][NumFeatures]float64) { m.stack(feats) }

// Candidate reports whether the model decides on the block: it lies
// inside the chosen element.
func Candidate(f *[NumFeatures]float64) bool { return candidate(f) }

// Logit is the model's score of the block for one stage's weights w.
func Logit(f, w *[NumFeatures]float64) float64 { return blockLogit(f, w) }

// DescribeFeatures prints the features that tell most about a block the
// heuristics got wrong, for the trainer's -errors listing.
func DescribeFeatures(f *[NumFeatures]float64) string {
	return fmt.Sprintf("h=%v%v%v hd=%v li=%v ld=%.2f reg=%.2f/%.0f pos=%.2f",
		f[fHintProseChrome], f[fHintChrome], f[fHintArticle], f[fH2H3], f[fListed], f[fLinkDensity],
		f[fRegionLinkDensity], math.Expm1(f[fRegionBlocks]*3), f[fKeptBefore])
}
