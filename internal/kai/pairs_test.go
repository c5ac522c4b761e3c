package kai

import (
	"testing"

	"manset/internal/turkish"
)

// A table must score the same after a round trip through pairs.bin, or the
// shipped ranker would differ from the one measured by the trainer.
func TestPairsEncodeRoundTrip(t *testing.T) {
	p := NewPairs([]PairEntry{{Q: 1, S: 2, W: 1.5}, {Q: 1, S: 3, W: 0.7}, {Q: 4, S: 2, W: 9}, {Q: 5, S: 6, W: -1}})
	if p.Len() != 3 {
		t.Fatalf("Len = %d, want 3 (negative weights are dropped)", p.Len())
	}
	q, err := DecodePairs(p.Encode())
	if err != nil {
		t.Fatal(err)
	}
	if len(q.w) != len(p.w) || len(q.q) != len(p.q) {
		t.Fatalf("decoded %d pairs / %d tokens, want %d / %d", len(q.w), len(q.q), len(p.w), len(p.q))
	}
	for k, w := range p.w {
		if q.w[k] != w {
			t.Errorf("pair %x: %v after decoding, want %v", k, q.w[k], w)
		}
	}
	if _, err := DecodePairs([]byte("KAIPAIR1\x01\x00\x00\x00")); err == nil {
		t.Error("a truncated table decodes")
	}
	if _, err := DecodePairs(defaultPairs.Encode()); err != nil {
		t.Errorf("embedded table: %v", err)
	}
}

// The association features reward a sentence holding a word the table
// links to a question word even when it shares no word with the question.
func TestPairFeaturesScoreParaphrase(t *testing.T) {
	table := NewPairs([]PairEntry{{Q: hashToken("t", turkish.Stem("öldü")), S: hashToken("t", turkish.Stem("vefat")), W: 2}})
	e := NewExtractive(WithoutModel(), WithPairs(table))
	q := Question{Text: "Yazar hangi yıl öldü?", Articles: []Passage{{Title: "Yazar",
		Text: "Yazar 1914 yılında doğdu. Uzun yıllar İstanbul'da yaşadı. 2003 yılında vefat etti."}}}
	got := map[string]float64{}
	for _, s := range e.Rank(q) {
		got[s.Text] = s.Features[fPairBest]
	}
	if got["2003 yılında vefat etti."] <= 0 || got["Yazar 1914 yılında doğdu."] != 0 {
		t.Errorf("pair_best = %v, want > 0 only for the sentence with vefat", got)
	}
	for _, s := range NewExtractive(WithoutModel(), WithPairs(nil)).Rank(q) {
		if s.Features[fPairBest] != 0 {
			t.Errorf("without a table pair_best = %v for %q", s.Features[fPairBest], s.Text)
		}
	}
}
