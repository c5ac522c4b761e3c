package kai

import "testing"

// The embedded model must be trained on the current feature layout; after
// adding or moving a feature, rerun tools/kaitrain.
func TestModelMatchesFeatures(t *testing.T) {
	m := defaultModel
	if len(featureNames) != nFeatures || len(m.W) != nFeatures || len(m.Mean) != nFeatures || len(m.Std) != nFeatures {
		t.Fatalf("model has %d weights, features are %d (%d names): retrain", len(m.W), nFeatures, len(featureNames))
	}
	for i, tr := range m.Trees {
		if len(tr.Leaf) != len(tr.Feature)+1 || len(tr.Threshold) != len(tr.Feature) {
			t.Fatalf("tree %d is malformed", i)
		}
		for _, f := range tr.Feature {
			if f >= nFeatures {
				t.Fatalf("tree %d splits on feature %d of %d", i, f, nFeatures)
			}
		}
	}
}

func TestTreeValue(t *testing.T) {
	tr := tree{Feature: []int{0, 1, -1}, Threshold: []float64{0.5, 2, 0}, Leaf: []float64{1, 2, 3, 4}}
	for _, tt := range []struct {
		x    []float64
		want float64
	}{{[]float64{0, 1}, 1}, {[]float64{0, 3}, 2}, {[]float64{1, 0}, 3}} {
		if got := tr.value(tt.x); got != tt.want {
			t.Errorf("value(%v) = %v, want %v", tt.x, got, tt.want)
		}
	}
}
