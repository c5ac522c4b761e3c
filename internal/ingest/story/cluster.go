package story

import "time"

// Defaults for a Clusterer, measured on the demo articles
// (TestDemoSimilarities, IDF from the demo's full texts): same-story pairs
// score 0.27-0.38 and share 6-9 stems; other pairs score at most 0.21, and
// at most 0.19 among those sharing three stems or more (two articles naming
// one team). One shared name ("Körfez") is not an event.
const (
	DefaultWindow    = 72 * time.Hour
	DefaultThreshold = 0.23
	DefaultMinShared = 3
)

// Clusterer decides which story a new article belongs to.
type Clusterer struct {
	// Window is how far apart in time two articles of one story may be;
	// 0 means DefaultWindow. Candidates without a time are not filtered.
	Window time.Duration
	// Threshold is the least Similarity that joins two articles;
	// 0 means DefaultThreshold.
	Threshold float64
	// MinShared is how many distinct stems two articles must share to
	// join; 0 means DefaultMinShared.
	MinShared int
	// Stats weighs stems by rarity; nil weighs them all alike.
	Stats *Stats
}

// Assign finds the story for d among candidates, the recent articles the
// caller fetched. d joins the story of its most similar candidate within
// the window whose similarity reaches the threshold (sharing at least
// MinShared stems): ok is true and
// matchedID is that candidate. storyID is the candidate's story, or 0 when
// the candidate is in none yet: the caller then makes a new story holding
// both. ok is false when no candidate is close enough. d itself, if among
// the candidates, is skipped.
func (c *Clusterer) Assign(d Doc, candidates []Doc) (storyID, matchedID int64, ok bool) {
	window, threshold, minShared := c.settings()
	dv := c.Stats.vectorOf(d)
	best := -1.0
	var match Doc
	for _, cand := range candidates {
		if cand.ID == d.ID && d.ID != 0 || !within(d.Time, cand.Time, window) {
			continue
		}
		cv := c.Stats.vectorOf(cand)
		if shared(dv, cv) < minShared {
			continue
		}
		sim := cosine(dv, cv)
		// Ties go to the candidate already in a story, so one event does
		// not split into two stories.
		if sim > best || sim == best && match.StoryID == 0 && cand.StoryID != 0 {
			best, match = sim, cand
		}
	}
	if best < threshold {
		return 0, 0, false
	}
	return match.StoryID, match.ID, true
}

// settings returns the clusterer's parameters with defaults filled in.
func (c *Clusterer) settings() (window time.Duration, threshold float64, minShared int) {
	window, threshold, minShared = c.Window, c.Threshold, c.MinShared
	if window <= 0 {
		window = DefaultWindow
	}
	if threshold <= 0 {
		threshold = DefaultThreshold
	}
	if minShared <= 0 {
		minShared = DefaultMinShared
	}
	return window, threshold, minShared
}

// shared counts the stems a and b have in common.
func shared(a, b vector) int {
	n := 0
	for t := range a {
		if _, ok := b[t]; ok {
			n++
		}
	}
	return n
}

func within(a, b time.Time, window time.Duration) bool {
	if a.IsZero() || b.IsZero() {
		return true
	}
	d := a.Sub(b)
	return d <= window && d >= -window
}
