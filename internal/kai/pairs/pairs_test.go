package pairs

import "testing"

// A table must score the same after a round trip through pairs.bin, or the
// shipped ranker would differ from the one measured by the trainer.
func TestEncodeRoundTrip(t *testing.T) {
	p := New([]Entry{{Q: 1, S: 2, W: 1.5}, {Q: 1, S: 3, W: 0.7}, {Q: 4, S: 2, W: 9}, {Q: 5, S: 6, W: -1}})
	if p.Len() != 3 {
		t.Fatalf("Len = %d, want 3 (negative weights are dropped)", p.Len())
	}
	q, err := Decode(p.Encode())
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
	if _, err := Decode([]byte("KAIPAIR1\x01\x00\x00\x00")); err == nil {
		t.Error("a truncated table decodes")
	}
}

func TestBest(t *testing.T) {
	p := New([]Entry{{Q: 1, S: 2, W: 1}, {Q: 1, S: 3, W: 2}})
	best, sum := p.Best([]uint64{1, 9}, []uint64{2, 3, 4})
	if best[0] != 2 || best[1] != 0 || sum != 3 {
		t.Errorf("Best = %v, %v; want [2 0], 3", best, sum)
	}
	if best, sum := p.Best([]uint64{2}, []uint64{1}); best[0] != 0 || sum != 0 {
		t.Errorf("reversed pair matched: %v, %v", best, sum)
	}
}
