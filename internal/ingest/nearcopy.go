package ingest

import (
	"context"
	"sync"
	"time"

	"manset/internal/ingest/dedup"
	"manset/internal/news"
)

// NearCopyWindow is how far back near copies are looked for: agency texts
// are republished within hours or days, and the index stays small.
const NearCopyWindow = 14 * 24 * time.Hour

// nearIndex holds the SimHashes of recent articles in memory, loaded from
// the store on first use and kept up to date as articles are stored.
type nearIndex struct {
	mu     sync.Mutex
	loaded bool
	ix     *dedup.Index
}

// index returns the loaded index, loading it on first use. A failed load
// is retried on the next call.
func (im *Importer) index(ctx context.Context) (*dedup.Index, error) {
	n := im.near
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.loaded {
		return n.ix, nil
	}
	refs, err := im.store.RecentSimHashes(ctx, im.now().Add(-NearCopyWindow))
	if err != nil {
		return nil, err
	}
	n.ix = dedup.NewIndex(dedup.DefaultMaxDistance)
	for _, r := range refs {
		n.ix.Add(r.ArticleID, r.SimHash)
	}
	n.loaded = true
	return n.ix, nil
}

// remember adds a stored article's SimHash to the index, if it is loaded
// (a later load reads it from the store anyway).
func (im *Importer) remember(a *news.Article) {
	im.near.mu.Lock()
	defer im.near.mu.Unlock()
	if im.near.loaded && a.SimHash != 0 {
		im.near.ix.Add(a.ID, a.SimHash)
	}
}

// findNearCopy returns a stored article whose body is a near copy of a's:
// within DefaultMaxDistance bits of SimHash, confirmed by shingle
// Resemblance (at that distance unrelated hashes sometimes meet by chance).
// ok is false when there is none.
func (im *Importer) findNearCopy(ctx context.Context, a *news.Article) (news.Article, bool, error) {
	if a.SimHash == 0 {
		return news.Article{}, false, nil
	}
	ix, err := im.index(ctx)
	if err != nil {
		return news.Article{}, false, err
	}
	for _, id := range ix.Near(a.SimHash, dedup.DefaultMaxDistance) {
		old, err := im.store.Article(ctx, id)
		if news.IsNotFound(err) {
			continue // deleted since it was indexed
		}
		if err != nil {
			return news.Article{}, false, err
		}
		if dedup.Resemblance(dedupText(&old), dedupText(a)) >= dedup.MinResemblance {
			return old, true, nil
		}
	}
	return news.Article{}, false, nil
}

// recordSource notes that the outlet of a carried the stored article id.
// The article is already stored, so a failure is logged, not returned.
func (im *Importer) recordSource(ctx context.Context, id int64, a *news.Article) {
	if a.SourceURL == "" {
		return
	}
	err := im.store.AddArticleSource(ctx, news.ArticleSource{
		ArticleID: id, SourceID: a.SourceID, URL: a.SourceURL, Title: a.Title,
		PublishedAt: a.PublishedAt, SeenAt: im.now(),
	})
	if err != nil {
		im.logger.Warn("recording article source", "id", id, "url", a.SourceURL, "err", err)
	}
}
