package web

import (
	"context"
	"testing"
	"time"
)

type recordedViews struct {
	got chan map[int64]int
}

func (r recordedViews) AddViews(_ context.Context, _ time.Time, counts map[int64]int) error {
	r.got <- counts
	return nil
}

func TestViewCounterFlushesCountsOnStop(t *testing.T) {
	var v viewCounter
	for range 3 {
		v.hit(7)
	}
	v.hit(9)
	v.hit(0) // not an article page
	st := recordedViews{got: make(chan map[int64]int, 1)}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { v.run(ctx, st, time.Now, nil); close(done) }()
	cancel()
	<-done
	got := <-st.got
	if len(got) != 2 || got[7] != 3 || got[9] != 1 {
		t.Errorf("flushed %v, want 7:3 9:1", got)
	}
	if again := v.take(); len(again) != 0 {
		t.Errorf("counts not reset: %v", again)
	}
}
