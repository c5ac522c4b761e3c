package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"manset/internal/ingest"
)

func runImport(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "import")
	db := fs.String("db", "manset.db", "SQLite database file")
	source := fs.String("source", "", "record this source name on every article")
	category := fs.String("category", "", "put every article in this category (slug)")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(env.Stderr, "manset import: give at least one file or folder")
		return errUsage
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	im := ingest.New(st, slog.New(slog.NewTextHandler(env.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	if f, ok := env.Stdout.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		bar := progressbar.DefaultBytes(ingest.CountBytes(fs.Args()), "içe aktarılıyor")
		im.Progress = func(done int64) { _ = bar.Set64(done) }
		defer bar.Finish()
	}
	sum, err := im.ImportPaths(ctx, fs.Args(), ingest.Options{Source: *source, Category: *category})
	fmt.Fprint(env.Stdout, sum.String())
	if err != nil {
		return err
	}
	if len(sum.Failures) > 0 && sum.Imported+sum.Updated+sum.Skipped == 0 {
		return fmt.Errorf("nothing could be imported")
	}
	return nil
}
