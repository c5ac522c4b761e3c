package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"os"
	"time"

	"manset/internal/ingest"
	"manset/internal/store"
)

// fetchLease names the duty of scheduling source fetches: one process on
// a database holds it, so a second `manset serve` on the same SQLite file
// (or any node of a PostgreSQL site) serves pages without fetching too.
const fetchLease = "fetch-scheduler"

// Lease timing: the holder renews every leaseTTL/3; a holder that died is
// replaced within leaseTTL.
const leaseTTL = 30 * time.Second

// Fetching timing: sources are checked every fetchTick; on shutdown a fetch
// under way gets fetchDrain to finish.
const (
	fetchTick  = 30 * time.Second
	fetchDrain = 20 * time.Second
)

// leaseHolderName says which process holds a lease, for the log of the
// others: host, pid and a random tag (pids repeat across machines).
func leaseHolderName() string {
	host, _ := os.Hostname()
	tag := make([]byte, 4)
	rand.Read(tag)
	return fmt.Sprintf("%s:%d:%s", host, os.Getpid(), hex.EncodeToString(tag))
}

// scheduler runs the aggregator while this process holds the fetch lease.
type scheduler struct {
	leases store.Leases
	ag     *ingest.Aggregator
	log    *slog.Logger
	holder string
	ttl    time.Duration

	running  context.CancelFunc // nil while not fetching
	done     chan struct{}
	renewed  time.Time // last successful acquire or renew
	deferred bool      // "another process schedules" was logged
}

// newScheduler returns a scheduler; MANSET_LEASE_TTL shortens the lease
// (tests: a dead holder is replaced sooner).
func newScheduler(env *Env, leases store.Leases, ag *ingest.Aggregator, log *slog.Logger) *scheduler {
	ttl := leaseTTL
	if d, err := time.ParseDuration(env.Getenv("MANSET_LEASE_TTL")); err == nil && d > 0 {
		ttl = d
	}
	return &scheduler{leases: leases, ag: ag, log: log, holder: leaseHolderName(), ttl: ttl}
}

// run takes, renews and gives back the lease until ctx ends, starting the
// aggregator when it has the lease and stopping it when it loses it. It
// returns after a fetch under way has drained and the lease is released.
func (s *scheduler) run(ctx context.Context) {
	t := time.NewTicker(s.ttl / 3)
	defer t.Stop()
	for {
		s.step(ctx)
		select {
		case <-ctx.Done():
			s.stop()
			release, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
			defer cancel()
			if err := s.leases.ReleaseLease(release, fetchLease, s.holder); err != nil {
				s.log.Warn("releasing the fetch lease", "err", err)
			}
			return
		case <-t.C:
		}
	}
}

// step acquires or renews the lease once and acts on the answer.
func (s *scheduler) step(ctx context.Context) {
	now := time.Now()
	ok, err := s.leases.AcquireLease(ctx, fetchLease, s.holder, s.ttl, now)
	switch {
	case err != nil:
		if ctx.Err() == nil {
			s.log.Warn("fetch lease unavailable", "err", err)
		}
		// Past the lease's end another process may have taken over.
		if s.running != nil && now.Sub(s.renewed) >= s.ttl {
			s.log.Warn("fetch lease lost: stopping fetching on this node")
			s.stop()
		}
	case ok:
		s.renewed = now
		if s.running == nil {
			s.log.Info("this node schedules source fetching", "holder", s.holder)
			s.start(ctx)
		}
	case s.running != nil:
		s.log.Warn("fetch lease taken by another node: stopping fetching on this node")
		s.stop()
	case !s.deferred:
		holder, _ := s.leases.LeaseHolder(ctx, fetchLease, now)
		s.log.Warn("another manset process schedules fetching on this database; this node serves without fetching",
			"holder", holder)
		s.deferred = true
	}
}

func (s *scheduler) start(ctx context.Context) {
	runCtx, cancel := context.WithCancel(ctx)
	s.running, s.done = cancel, make(chan struct{})
	go func(done chan struct{}) {
		defer close(done)
		s.ag.Run(runCtx, fetchTick, fetchDrain)
	}(s.done)
}

// stop ends fetching and waits for the fetch under way to drain.
func (s *scheduler) stop() {
	if s.running == nil {
		return
	}
	s.running()
	<-s.done
	s.running, s.done = nil, nil
}
