package kai

import (
	"bytes"
	"testing"

	"manset/internal/kai/pairs"
	"manset/internal/turkish"
)

// The embedded table must decode and re-encode to the same bytes, or the
// shipped ranker would differ from the one measured by the trainer.
func TestEmbeddedPairs(t *testing.T) {
	if !bytes.Equal(defaultPairs.Encode(), pairsBin) {
		t.Error("pairs.bin does not round-trip")
	}
}

// The association features reward a sentence holding a word the table
// links to a question word even when it shares no word with the question.
func TestPairFeaturesScoreParaphrase(t *testing.T) {
	table := pairs.New([]pairs.Entry{{Q: hashToken("t", turkish.Stem("öldü")), S: hashToken("t", turkish.Stem("vefat")), W: 2}})
	e := Tuned(Tuning{BM25Only: true, Pairs: table})
	q := Question{Text: "Yazar hangi yıl öldü?", Articles: []Passage{{Title: "Yazar",
		Text: "Yazar 1914 yılında doğdu. Uzun yıllar İstanbul'da yaşadı. 2003 yılında vefat etti."}}}
	got := map[string]float64{}
	for _, s := range e.Rank(q) {
		got[s.Text] = s.Features[fPairBest]
	}
	if got["2003 yılında vefat etti."] <= 0 || got["Yazar 1914 yılında doğdu."] != 0 {
		t.Errorf("pair_best = %v, want > 0 only for the sentence with vefat", got)
	}
	for _, s := range Tuned(Tuning{BM25Only: true, Pairs: pairs.New(nil)}).Rank(q) {
		if s.Features[fPairBest] != 0 {
			t.Errorf("without a table pair_best = %v for %q", s.Features[fPairBest], s.Text)
		}
	}
}
