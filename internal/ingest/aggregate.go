package ingest

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"sort"
	"time"

	"manset/internal/extract"
	"manset/internal/ingest/feed"
	"manset/internal/ingest/fetch"
	"manset/internal/ingest/sitemap"
	"manset/internal/news"
)

// Fetcher gets one URL politely and safely; fetch.Fetcher is the real one.
type Fetcher interface {
	Fetch(ctx context.Context, r fetch.Request) (*fetch.Response, error)
}

// SourceStore is what the aggregator needs besides the importer's store.
type SourceStore interface {
	Source(ctx context.Context, id int64) (news.Source, error)
	ListSources(ctx context.Context) ([]news.Source, error)
	UpdateSource(ctx context.Context, s *news.Source) error
}

// Aggregator pulls news from the configured sources into the store.
type Aggregator struct {
	im      *Importer
	sources SourceStore
	fetcher Fetcher
	log     *slog.Logger
	now     func() time.Time
	// MaxItems caps the new articles taken from one source per pass, so a
	// first fetch of a feed with 10,000 items does not hold the queue.
	MaxItems int
}

// NewAggregator returns an aggregator storing through im.
func NewAggregator(im *Importer, sources SourceStore, f Fetcher, logger *slog.Logger) *Aggregator {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Aggregator{im: im, sources: sources, fetcher: f, log: logger, now: time.Now, MaxItems: 50}
}

// RunOnce fetches every source now (or only source id when id > 0) and
// returns a summary per source. A failing source is recorded on the source
// and does not stop the others.
func (ag *Aggregator) RunOnce(ctx context.Context, id int64) (map[int64]*Summary, error) {
	list, err := ag.sources.ListSources(ctx)
	if err != nil {
		return nil, err
	}
	out := map[int64]*Summary{}
	found := false
	for i := range list {
		if id > 0 && list[i].ID != id {
			continue
		}
		found = true
		if list[i].Kind == news.SourceFile {
			continue
		}
		out[list[i].ID] = ag.FetchSource(ctx, &list[i])
		if ctx.Err() != nil {
			return out, ctx.Err()
		}
	}
	if id > 0 && !found {
		return nil, news.E(news.ENOTFOUND, "source.id_not_found", id)
	}
	return out, nil
}

// Run fetches sources as they come due until ctx ends, checking every tick.
//
// When ctx ends no new fetch starts, but the one under way gets up to drain
// more to finish (a SIGTERM drains), so a source is not left half-read. Run
// returns once it has.
func (ag *Aggregator) Run(ctx context.Context, tick, drain time.Duration) {
	fetchCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()
	stop := context.AfterFunc(ctx, func() { time.AfterFunc(drain, cancel) })
	defer stop()
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		ag.runDue(ctx, fetchCtx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// runDue fetches every due source with fetchCtx, starting none once ctx
// has ended.
func (ag *Aggregator) runDue(ctx, fetchCtx context.Context) {
	list, err := ag.sources.ListSources(ctx)
	if err != nil {
		ag.log.Warn("listing sources", "err", err)
		return
	}
	now := ag.now()
	for i := range list {
		s := &list[i]
		if s.Kind == news.SourceFile || (s.NextFetchAt != nil && s.NextFetchAt.After(now)) {
			continue
		}
		if ctx.Err() != nil {
			return
		}
		ag.FetchSource(fetchCtx, s)
	}
}

// FetchSource runs one pass over one source and records the outcome on it.
func (ag *Aggregator) FetchSource(ctx context.Context, s *news.Source) (sum *Summary) {
	sum = &Summary{}
	start := ag.now()
	defer func() {
		if p := recover(); p != nil { // one bad source must not stop the scheduler
			sum.add(s.URL, Failed, 0, fmt.Errorf("internal error: %v", p))
			ag.log.Error("source panicked", "source", s.Name, "panic", p)
		}
		ag.record(ctx, s, start, sum)
	}()
	opts := Options{Source: s.Name, SourceCategory: s.CategorySlug, Selector: s.Selector}
	if s.Review {
		opts.Status = news.StatusReview
	}
	resp, err := ag.fetcher.Fetch(ctx, fetch.Request{URL: s.URL, ETag: s.ETag, LastModified: s.LastModified})
	if err != nil {
		sum.add(s.URL, Failed, 0, err)
		return sum
	}
	if resp.NotModified {
		return sum
	}
	s.ETag, s.LastModified = resp.ETag, resp.LastModified
	switch s.Kind {
	case news.SourceFeed:
		ag.fromFeed(ctx, s, resp, opts, sum)
	case news.SourceSitemap:
		ag.fromSitemap(ctx, resp, opts, sum, 0)
	case news.SourceListing:
		ag.fromLinks(ctx, feed.DiscoverLinks(resp.Body, resp.URL), opts, sum)
	case news.SourcePage:
		ag.savePage(ctx, resp, nil, opts, sum)
	}
	return sum
}

// record stores the fetch state: when, what was found, the last error and
// when to come back (later after a 429 or 5xx that asked for it).
func (ag *Aggregator) record(ctx context.Context, s *news.Source, start time.Time, sum *Summary) {
	next := start.Add(s.Interval)
	s.LastError = ""
	if n := len(sum.Failures); n > 0 {
		last := sum.Failures[n-1]
		s.LastError = fmt.Sprintf("%s: %s", last.Name, failureMessage(last.Err))
		if wait := fetch.RetryAfter(last.Err); wait > 0 && start.Add(wait).After(next) {
			next = start.Add(wait)
		}
	}
	s.LastFetchAt, s.NextFetchAt = &start, &next
	s.ItemsFound += sum.Imported
	// An editor may have changed the source's settings during the fetch:
	// write the fetch state onto a fresh copy so those changes survive.
	ctx = context.WithoutCancel(ctx)
	fresh, err := ag.sources.Source(ctx, s.ID)
	if err != nil {
		ag.log.Warn("re-reading source", "source", s.Name, "err", err)
		return // removed meanwhile: nothing to record
	}
	fresh.ETag, fresh.LastModified = s.ETag, s.LastModified
	fresh.LastFetchAt, fresh.NextFetchAt = s.LastFetchAt, s.NextFetchAt
	fresh.LastError = s.LastError
	fresh.ItemsFound += sum.Imported
	if err := ag.sources.UpdateSource(ctx, &fresh); err != nil {
		ag.log.Warn("recording source state", "source", s.Name, "err", err)
	}
}

func (ag *Aggregator) fromFeed(ctx context.Context, s *news.Source, resp *fetch.Response, opts Options, sum *Summary) {
	_, items, err := feed.Parse(resp.Body, resp.URL)
	if err != nil {
		sum.add(resp.URL, Failed, 0, err)
		return
	}
	sort.SliceStable(items, func(i, j int) bool { return newer(items[i].Published, items[j].Published) })
	taken := 0
	for _, it := range items {
		if taken >= ag.MaxItems || ctx.Err() != nil {
			return
		}
		if it.URL == "" || ag.known(ctx, it.URL) {
			continue
		}
		taken++
		if s.FullText == "excerpt" {
			o, id, err := ag.im.SaveExtracted(ctx, itemExtracted(it), opts)
			sum.add(it.URL, o, id, err)
			continue
		}
		page, err := ag.fetcher.Fetch(ctx, fetch.Request{URL: it.URL})
		if err != nil {
			// The feed's own content is better than nothing when it is full.
			if x := itemExtracted(it); len(x.Text) > 500 {
				o, id, err := ag.im.SaveExtracted(ctx, x, opts)
				sum.add(it.URL, o, id, err)
				continue
			}
			sum.add(it.URL, Failed, 0, err)
			continue
		}
		ag.savePage(ctx, page, &it, opts, sum)
	}
}

func newer(a, b *time.Time) bool {
	switch {
	case a == nil:
		return false
	case b == nil:
		return true
	}
	return a.After(*b)
}

// known reports whether an article with this URL is already stored.
func (ag *Aggregator) known(ctx context.Context, url string) bool {
	_, err := ag.im.store.FindDuplicate(ctx, url, "")
	return err == nil
}

// itemExtracted turns a feed item into an article of its own (excerpt
// policy, or when the page cannot be fetched).
func itemExtracted(it feed.Item) news.Extracted {
	text := extract.FragmentText(it.ContentHTML)
	if text == "" {
		text = extract.FragmentText(it.Summary)
	}
	x := news.Extracted{
		Title: it.Title, URL: it.URL, CanonicalURL: it.URL, Author: it.Author,
		PublishedAt: it.Published, ModifiedAt: it.Updated, Summary: extract.FragmentText(it.Summary),
		Image: it.Image, Text: text,
	}
	if len(it.Categories) > 0 {
		x.Category = it.Categories[0]
	}
	return x
}

// savePage extracts an article page and fills what the page lacks from the
// feed item that pointed to it.
func (ag *Aggregator) savePage(ctx context.Context, resp *fetch.Response, it *feed.Item, opts Options, sum *Summary) {
	x, err := extract.Page(resp.Body, resp.URL, resp.ContentType)
	if err == nil && opts.Selector != "" {
		x, err = extract.ApplySelector(x, resp.Body, resp.ContentType, opts.Selector)
	}
	if err != nil {
		sum.add(resp.URL, Failed, 0, err)
		return
	}
	if it != nil {
		fill := itemExtracted(*it)
		x.Title = cmp.Or(x.Title, fill.Title)
		x.Summary = cmp.Or(x.Summary, fill.Summary)
		x.Image = cmp.Or(x.Image, fill.Image)
		x.Author = cmp.Or(x.Author, fill.Author)
		if x.PublishedAt == nil {
			x.PublishedAt = fill.PublishedAt
		}
		if x.Category == "" && len(x.Breadcrumb) == 0 {
			x.Category = fill.Category
		}
	}
	x.URL = cmp.Or(x.URL, resp.URL)
	o, id, err := ag.im.SaveExtracted(ctx, x, opts)
	sum.add(resp.URL, o, id, err)
}

// fromSitemap follows a sitemap index one level down and takes the newest
// entries of the sitemaps.
func (ag *Aggregator) fromSitemap(ctx context.Context, resp *fetch.Response, opts Options, sum *Summary, depth int) {
	entries, children, err := sitemap.Parse(resp.Body)
	if err != nil && len(entries) == 0 && len(children) == 0 {
		sum.add(resp.URL, Failed, 0, err)
		return
	}
	if depth == 0 {
		for i, child := range children {
			if i >= 5 || ctx.Err() != nil {
				break
			}
			r, err := ag.fetcher.Fetch(ctx, fetch.Request{URL: child})
			if err != nil {
				sum.add(child, Failed, 0, err)
				continue
			}
			ag.fromSitemap(ctx, r, opts, sum, depth+1)
		}
	}
	sort.SliceStable(entries, func(i, j int) bool {
		return newer(entryTime(entries[i]), entryTime(entries[j]))
	})
	urls := make([]string, 0, len(entries))
	for _, e := range entries {
		urls = append(urls, e.Loc)
	}
	ag.fromLinks(ctx, urls, opts, sum)
}

func entryTime(e sitemap.Entry) *time.Time {
	if e.NewsPublished != nil {
		return e.NewsPublished
	}
	return e.LastMod
}

// fromLinks fetches and stores the article pages at urls not yet known.
func (ag *Aggregator) fromLinks(ctx context.Context, urls []string, opts Options, sum *Summary) {
	taken := 0
	for _, u := range urls {
		if taken >= ag.MaxItems || ctx.Err() != nil {
			return
		}
		if ag.known(ctx, u) {
			continue
		}
		taken++
		page, err := ag.fetcher.Fetch(ctx, fetch.Request{URL: u})
		if err != nil {
			sum.add(u, Failed, 0, err)
			continue
		}
		ag.savePage(ctx, page, nil, opts, sum)
	}
}
