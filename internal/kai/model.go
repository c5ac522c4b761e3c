package kai

// model scores a sentence's features: a linear part over standardised
// features plus boosted regression trees that correct it where features
// interact (a date question and a sentence with a year, say). A nil model
// scores by raw BM25. The trainer (tools/kaitrain) writes weights.go.
type model struct {
	Mean, Std, W []float64
	Trees        []tree
}

// tree is a complete binary regression tree of fixed depth, stored level by
// level: node k has children 2k+1 (x[Feature] <= Threshold) and 2k+2.
// Leaves hold already scaled values. A node that did not split has
// Feature -1 and sends everything left.
type tree struct {
	Feature   []int
	Threshold []float64
	Leaf      []float64
}

func (m *model) score(x []float64) float64 {
	if m == nil {
		return x[fBM25]
	}
	s := 0.0
	for i, w := range m.W {
		if i < len(x) && m.Std[i] > 0 {
			s += w * (x[i] - m.Mean[i]) / m.Std[i]
		}
	}
	for i := range m.Trees {
		s += m.Trees[i].value(x)
	}
	return s
}

func (t *tree) value(x []float64) float64 {
	k := 0
	for k < len(t.Feature) {
		f := t.Feature[k]
		if f < 0 || f >= len(x) || x[f] <= t.Threshold[k] {
			k = 2*k + 1
		} else {
			k = 2*k + 2
		}
	}
	return t.Leaf[k-len(t.Feature)]
}
