package storetest

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// runRateLimits checks the shared token buckets: a burst, then refusals,
// a refill with time, independent keys, and exact counting under
// concurrent takes (as from many nodes).
func runRateLimits(t *testing.T, open Opener) {
	s := fresh(t, open)
	c := ctx(t)
	now := at(0)
	take := func(key string, when time.Time) bool {
		t.Helper()
		ok, err := s.TakeRateToken(c, key, time.Minute, 3, when)
		must(t, err)
		return ok
	}
	for i := range 3 {
		if !take("login:1.2.3.4", now) {
			t.Fatalf("take %d of a burst of 3 refused", i+1)
		}
	}
	if take("login:1.2.3.4", now) {
		t.Fatal("fourth take within the burst allowed")
	}
	if !take("login:5.6.7.8", now) {
		t.Error("another key shares the bucket")
	}
	if take("login:1.2.3.4", now.Add(30*time.Second)) {
		t.Error("half a refill gave a token")
	}
	if !take("login:1.2.3.4", now.Add(61*time.Second)) {
		t.Error("a minute's refill gave no token")
	}
	if take("login:1.2.3.4", now.Add(62*time.Second)) {
		t.Error("one refill gave two tokens")
	}
	for i, want := range []bool{true, true, true, false} {
		if take("login:1.2.3.4", now.Add(time.Hour)) != want {
			t.Errorf("take %d after an idle hour: want %v (an idle bucket refills to exactly its burst)", i+1, want)
		}
	}

	var allowed atomic.Int32
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			ok, err := s.TakeRateToken(c, "comment:9.9.9.9", time.Hour, 5, now)
			if err != nil {
				t.Error(err)
			}
			if ok {
				allowed.Add(1)
			}
		})
	}
	wg.Wait()
	if n := allowed.Load(); n != 5 {
		t.Errorf("20 concurrent takes from a burst of 5: %d allowed", n)
	}

	n, err := s.PurgeRateBuckets(c, now.Add(time.Minute))
	must(t, err)
	if n != 2 { // login:5.6.7.8 and comment:9.9.9.9 were last taken at now
		t.Errorf("purged %d buckets, want 2", n)
	}
	if !take("comment:9.9.9.9", now) {
		t.Error("a purged bucket does not start full")
	}
}
