package story

import "sync"

// termMemo remembers the terms of recent texts: clustering compares each
// new article with up to hundreds of recent ones, whose titles and leads
// would otherwise be tokenised and stemmed again for every newcomer. A
// few thousand entries cover the candidate window of a running import.
var termMemo = &termCache{m: map[string][]term{}, max: 4096}

type termCache struct {
	mu  sync.RWMutex
	m   map[string][]term
	max int
}

func (c *termCache) get(text string) ([]term, bool) {
	c.mu.RLock()
	t, ok := c.m[text]
	c.mu.RUnlock()
	return t, ok
}

// put stores t; when the cache is full it starts over, which keeps memory
// bounded without bookkeeping on every read.
func (c *termCache) put(text string, t []term) {
	c.mu.Lock()
	if len(c.m) >= c.max {
		clear(c.m)
	}
	c.m[text] = t
	c.mu.Unlock()
}
