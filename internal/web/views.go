package web

import (
	"context"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"
)

// viewFlushInterval is how often counted page views are written to the
// store; a crash loses at most this much of the dashboard's view counts.
const viewFlushInterval = time.Minute

// viewStore is the store method view counting needs.
type viewStore interface {
	AddViews(ctx context.Context, day time.Time, counts map[int64]int) error
}

// viewCounter counts article page views in memory so that a cached page
// costs no database write; counts go to the store in batches.
type viewCounter struct {
	counts sync.Map // article id -> *atomic.Int64
}

func (v *viewCounter) hit(articleID int64) {
	if articleID == 0 {
		return
	}
	c, ok := v.counts.Load(articleID)
	if !ok {
		c, _ = v.counts.LoadOrStore(articleID, new(atomic.Int64))
	}
	c.(*atomic.Int64).Add(1)
}

// take returns the counts so far and starts again from zero.
func (v *viewCounter) take() map[int64]int {
	out := map[int64]int{}
	v.counts.Range(func(k, c any) bool {
		if n := c.(*atomic.Int64).Swap(0); n > 0 {
			out[k.(int64)] = int(n)
		}
		return true
	})
	return out
}

// run flushes the counts every viewFlushInterval and once more when ctx ends.
func (v *viewCounter) run(ctx context.Context, vs viewStore, now func() time.Time, log *slog.Logger) {
	flush := func() {
		if counts := v.take(); len(counts) > 0 {
			if err := vs.AddViews(context.WithoutCancel(ctx), now(), counts); err != nil {
				log.Warn("web: recording page views", slog.Any("err", err))
			}
		}
	}
	t := time.NewTicker(viewFlushInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			flush()
			return
		case <-t.C:
			flush()
		}
	}
}
