package main

import (
	"context"
	"fmt"

	"manset/internal/store/sqlite"
)

func runBackup(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "backup")
	db := fs.String("db", "manset.db", "SQLite database file")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(env.Stderr, "manset backup: give the output file")
		return errUsage
	}
	st, err := sqlite.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Backup(ctx, fs.Arg(0)); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "backup written to %s\n", fs.Arg(0))
	return nil
}
