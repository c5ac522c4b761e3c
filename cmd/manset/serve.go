package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"manset/internal/auth"
	"manset/internal/demo"
	"manset/internal/ingest"
	"manset/internal/news"
	"manset/internal/search"
	"manset/internal/store"
	"manset/internal/web"
)

func runServe(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "serve")
	db := fs.String("db", "manset.db", "SQLite database file")
	addr := fs.String("addr", "localhost:8080", "address to listen on")
	withDemo := fs.Bool("demo", true, "load the demo content into an empty database")
	baseURL := fs.String("base-url", "", "public URL of the site (default http://ADDR)")
	logLevel := fs.String("log-level", "info", "debug, info, warn or error")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		return fmt.Errorf("--log-level: %v", err)
	}
	logger := slog.New(slog.NewTextHandler(env.Stderr, &slog.HandlerOptions{Level: level}))

	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	if *withDemo {
		if err := loadDemo(ctx, st, logger); err != nil {
			return err
		}
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	base := strings.TrimRight(*baseURL, "/")
	if base == "" {
		base = "http://" + ln.Addr().String()
	}
	ag := newAggregator(st, env, logger)
	sched := newScheduler(env, st, ag, logger)
	schedDone := make(chan struct{})
	go func() { defer close(schedDone); sched.run(ctx) }()
	defer func() { <-schedDone }() // SIGTERM: a fetch under way drains
	accounts := auth.New(auth.Config{Store: st, Mailer: auth.MailerFromEnv(env.Getenv, logger), Logger: logger, BaseURL: base})
	go purgeSessions(ctx, accounts, st, logger)
	fetchNow := func(ctx context.Context, id int64) error { _, err := ag.RunOnce(ctx, id); return err }
	site := web.New(web.Config{BaseURL: base, Logger: logger}, web.Deps{
		Reader:      st,
		Engage:      st,
		Newsroom:    st,
		Search:      search.New(st, search.Options{}),
		Auth:        accounts,
		KAI:         kaiEngine(env),
		FetchSource: fetchNow,
	})
	site.Start(ctx)
	srv := &http.Server{
		Handler:           site.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	logger.Info("manset serving", "url", base, "addr", ln.Addr().String(), "db", *db)
	if env.Ready != nil {
		env.Ready(ln.Addr().String())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// loadDemo fills an empty database with the embedded demo content.
func loadDemo(ctx context.Context, st store.Store, logger *slog.Logger) error {
	_, total, err := st.ListArticles(ctx, news.ArticleFilter{Limit: 1})
	if err != nil || total > 0 {
		return err
	}
	for k, v := range demo.Settings() {
		if cur, err := st.Setting(ctx, k); err == nil && cur == "" {
			if err := st.SetSetting(ctx, k, v); err != nil {
				return err
			}
		}
	}
	sum, err := ingest.New(st, logger).ImportFS(ctx, demo.Files(), ingest.Options{})
	if err != nil {
		return err
	}
	for _, f := range sum.Failures {
		logger.Warn("demo item not loaded", "item", f.Name, "err", f.Err)
	}
	logger.Info("demo content loaded", "articles", sum.Imported)
	return nil
}

// purgeSessions deletes expired sessions and reset tokens every hour, and
// rate buckets idle for a day (every limit's bucket is full again by then).
func purgeSessions(ctx context.Context, accounts *auth.Service, buckets store.RateLimits, logger *slog.Logger) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		if n, err := accounts.PurgeExpired(ctx); err != nil && ctx.Err() == nil {
			logger.Warn("purging sessions", "err", err)
		} else if n > 0 {
			logger.Info("expired sessions purged", "count", n)
		}
		if _, err := buckets.PurgeRateBuckets(ctx, time.Now().Add(-24*time.Hour)); err != nil && ctx.Err() == nil {
			logger.Warn("purging rate buckets", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
