package news

import "time"

// HashRef is an article's SimHash, kept in memory to find near copies
// without reading every body.
type HashRef struct {
	ArticleID int64
	SimHash   uint64
}

// ArticleSource records one outlet that carried an article: the first one
// and every later copy that dedup folded into it.
type ArticleSource struct {
	ArticleID   int64
	SourceID    int64  // 0 when the outlet is not a configured source
	SourceName  string // filled by reads
	SourceHome  string // filled by reads
	URL         string // the outlet's page for this article
	Title       string // the outlet's headline, which may differ from ours
	PublishedAt *time.Time
	SeenAt      time.Time
}
