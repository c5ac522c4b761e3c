// Package classify decides an article's category when its source does not:
// from the section in its URL, or with a naive Bayes model over Turkish
// stems trained on the site's own categorised articles.
package classify

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"unicode/utf8"

	"manset/internal/turkish"
)

// DefaultMinConfidence is the confidence below which Classify leaves an
// article uncategorised. On the 28 demo articles (TestLeaveOneOut) the
// tempered confidence is only loosely calibrated: right answers span
// 0.24-0.95, wrong ones 0.25-0.90; a larger training set is needed for it
// to mean much, so the default only drops the toss-ups.
const DefaultMinConfidence = 0.5

// evidenceWords is how many independent words an article's stems are
// worth; see Predict.
const evidenceWords = 20

// Labeled is one training example.
type Labeled struct {
	Text     string
	Category string
}

// Model is a multinomial naive Bayes classifier. Each document counts each
// stem once (binarised counts): a name repeated ten times in one article
// says little more about its section than once. A Model is read-only after
// Train and safe for concurrent Predict.
type Model struct {
	// MinConfidence is the threshold Classify applies; Train sets
	// DefaultMinConfidence. It is stored with the model.
	MinConfidence float64
	classes       map[string]*class
	vocab         int // distinct stems across all classes
	docs          int
}

type class struct {
	Docs   int            `json:"docs"`
	Total  int            `json:"total"` // sum of Counts
	Counts map[string]int `json:"counts"`
}

// Train builds a model from labelled texts; examples without a category or
// without words are skipped.
func Train(docs []Labeled) *Model {
	m := &Model{MinConfidence: DefaultMinConfidence, classes: map[string]*class{}}
	vocab := map[string]bool{}
	for _, d := range docs {
		stems := features(d.Text)
		if d.Category == "" || len(stems) == 0 {
			continue
		}
		c := m.classes[d.Category]
		if c == nil {
			c = &class{Counts: map[string]int{}}
			m.classes[d.Category] = c
		}
		c.Docs++
		m.docs++
		for s := range stems {
			c.Counts[s]++
			c.Total++
			vocab[s] = true
		}
	}
	m.vocab = len(vocab)
	return m
}

// features returns the distinct content stems of text; one-letter stems
// match too much to mean anything.
func features(text string) map[string]bool {
	out := map[string]bool{}
	for _, s := range turkish.NormalizeContentTokens(text) {
		if utf8.RuneCountInString(s) >= 2 {
			out[s] = true
		}
	}
	return out
}

// Categories returns the categories the model knows, sorted.
func (m *Model) Categories() []string {
	out := make([]string, 0, len(m.classes))
	for name := range m.classes {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// Predict returns the most probable category of text and its posterior
// probability. It returns "", 0 for an untrained model or a text without
// words the model has seen.
func (m *Model) Predict(text string) (category string, confidence float64) {
	if m == nil || m.docs == 0 {
		return "", 0
	}
	stems := features(text)
	known := 0
	names := m.Categories()
	scores := make([]float64, len(names))
	for i, name := range names {
		c := m.classes[name]
		var ll float64
		denom := math.Log(float64(c.Total + m.vocab))
		for s := range stems {
			ll += math.Log(float64(c.Counts[s]+1)) - denom
		}
		scores[i] = math.Log(float64(c.Docs)/float64(m.docs)) + ll
		// Stems of one article are far from independent, so the posterior
		// is overconfident (wrong answers at 0.99); scaling the scores to
		// evidenceWords independent words keeps the ranking and tempers it.
		if len(stems) > evidenceWords {
			scores[i] *= evidenceWords / float64(len(stems))
		}
	}
	for s := range stems {
		for _, c := range m.classes {
			if c.Counts[s] > 0 {
				known++
				break
			}
		}
	}
	if known == 0 {
		return "", 0
	}
	best, p := softmaxMax(scores)
	return names[best], p
}

// Classify is Predict with the model's MinConfidence applied: ok is false
// when the caller should leave the article uncategorised.
func (m *Model) Classify(text string) (category string, ok bool) {
	category, conf := m.Predict(text)
	if category == "" || conf < m.MinConfidence {
		return "", false
	}
	return category, true
}

// softmaxMax returns the index of the largest score and its share of the
// exponentiated total, computed without overflow.
func softmaxMax(scores []float64) (int, float64) {
	best := 0
	for i, s := range scores {
		if s > scores[best] {
			best = i
		}
	}
	var sum float64
	for _, s := range scores {
		sum += math.Exp(s - scores[best])
	}
	return best, 1 / sum
}

// modelJSON is the stored form of a Model.
type modelJSON struct {
	MinConfidence float64           `json:"min_confidence"`
	Vocab         int               `json:"vocab"`
	Classes       map[string]*class `json:"classes"`
}

// MarshalJSON stores the model, e.g. in a site setting.
func (m *Model) MarshalJSON() ([]byte, error) {
	return json.Marshal(modelJSON{m.MinConfidence, m.vocab, m.classes})
}

// UnmarshalJSON restores a model stored with MarshalJSON.
func (m *Model) UnmarshalJSON(data []byte) error {
	var j modelJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return fmt.Errorf("classify: unable to read model: %w", err)
	}
	*m = Model{MinConfidence: j.MinConfidence, vocab: j.Vocab, classes: map[string]*class{}}
	for name, c := range j.Classes {
		if c == nil || c.Docs < 0 || c.Total < 0 {
			return fmt.Errorf("classify: unable to read model: bad class %q", name)
		}
		if c.Counts == nil {
			c.Counts = map[string]int{}
		}
		m.classes[name] = c
		m.docs += c.Docs
	}
	return nil
}
