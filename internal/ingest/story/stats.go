package story

import (
	"math"
	"sync"
)

// Stats holds document frequencies of stems in a corpus of titles and leads,
// so that words every article uses ("yüzde", "açıkladı") count less than the
// ones that name an event. Build it from recent articles with Add. A Stats
// is safe for concurrent use; a nil *Stats weighs every stem 1.
type Stats struct {
	mu   sync.RWMutex
	docs int
	df   map[string]int
}

// NewStats returns empty statistics.
func NewStats() *Stats {
	return &Stats{df: map[string]int{}}
}

// Add counts the stems of one document (title and lead, or any text).
func (s *Stats) Add(text string) {
	seen := map[string]bool{}
	for _, t := range terms(text) {
		seen[t.stem] = true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.docs++
	for stem := range seen {
		s.df[stem]++
	}
}

// AddDoc counts the stems of d's title and lead.
func (s *Stats) AddDoc(d Doc) { s.Add(d.Title + "\n" + d.Lead) }

// Docs is the number of documents counted.
func (s *Stats) Docs() int {
	if s == nil {
		return 0
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.docs
}

// IDF is the inverse document frequency of stem as BM25 has it,
// ln(1 + (N-df+0.5)/(df+0.5)): near 0 for a stem in every document, the
// most for an unseen one. With no statistics every stem weighs 1.
func (s *Stats) IDF(stem string) float64 {
	if s == nil {
		return 1
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.docs == 0 {
		return 1
	}
	n, df := float64(s.docs), float64(s.df[stem])
	return math.Log(1 + (n-df+0.5)/(df+0.5))
}
