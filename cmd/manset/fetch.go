package main

import (
	"context"
	"fmt"
	"log/slog"
	"sort"
	"time"

	"manset/internal/ingest"
	"manset/internal/ingest/fetch"
	"manset/internal/store"
)

func runFetch(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "fetch")
	db := fs.String("db", "manset.db", "SQLite database file")
	once := fs.Bool("once", false, "fetch every source once and exit")
	source := fs.Int64("source", 0, "only this source ID")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	logger := slog.New(slog.NewTextHandler(env.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	ag := newAggregator(st, env, logger)
	if !*once {
		// A second scheduler on one database would fetch every source twice.
		if holder, err := st.LeaseHolder(ctx, fetchLease, time.Now()); err != nil {
			return err
		} else if holder != "" {
			return fmt.Errorf("another manset process (%s) already schedules fetching on this database; stop it, or use --once", holder)
		}
		logger.Info("fetching sources as they come due; Ctrl-C stops")
		newScheduler(env, st, ag, logger).run(ctx)
		return nil
	}
	sums, err := ag.RunOnce(ctx, *source)
	ids := make([]int64, 0, len(sums))
	for id := range sums {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		fmt.Fprintf(env.Stdout, "source %d: %s", id, sums[id])
	}
	return err
}

// newAggregator wires the real fetcher; MANSET_FETCH_ALLOW_PRIVATE=1 lets
// tests fetch from loopback.
func newAggregator(st store.Store, env *Env, logger *slog.Logger) *ingest.Aggregator {
	f := fetch.New(fetch.Config{
		AllowPrivate: env.Getenv("MANSET_FETCH_ALLOW_PRIVATE") == "1",
		Logger:       logger,
		HostDelay:    hostDelay(env),
	})
	return ingest.NewAggregator(ingest.New(st, logger), st, f, logger)
}

// hostDelay is the pause between two requests to one host; MANSET_FETCH_DELAY
// changes it (tests use a few milliseconds).
func hostDelay(env *Env) time.Duration {
	if d, err := time.ParseDuration(env.Getenv("MANSET_FETCH_DELAY")); err == nil {
		return d
	}
	return time.Second
}
