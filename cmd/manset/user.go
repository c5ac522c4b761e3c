package main

import (
	"bufio"
	"context"
	"fmt"
	"log/slog"
	"strings"

	"manset/internal/auth"
	"manset/internal/news"
)

func runUser(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 || args[0] != "add" {
		fmt.Fprintln(env.Stderr, "usage: manset user add [--db PATH] --email E --name N --role reader|editor|admin  (password on stdin)")
		return errUsage
	}
	fs := newFlags(env, "user add")
	db := fs.String("db", "manset.db", "SQLite database file")
	email := fs.String("email", "", "e-mail address (login)")
	name := fs.String("name", "", "display name")
	role := fs.String("role", "reader", "reader, editor or admin")
	if err := parseFlags(env, fs, args[1:]); err != nil {
		return err
	}
	password, err := readPassword(env)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	svc := auth.New(auth.Config{Store: st, Logger: slog.New(slog.NewTextHandler(env.Stderr, nil))})
	u, err := svc.CreateUser(ctx, *email, *name, news.Role(*role), password)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "user %d created: %s <%s>, role %s\n", u.ID, u.Name, u.Email, u.Role)
	return nil
}

// readPassword takes the first line of stdin, so `echo pw | manset user add`
// and an interactive paste both work without the password in argv.
func readPassword(env *Env) (string, error) {
	line, err := bufio.NewReader(env.Stdin).ReadString('\n')
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		if err != nil {
			return "", news.E(news.EINVALID, "cli.password_stdin")
		}
		return "", news.E(news.EINVALID, "cli.password_empty")
	}
	return line, nil
}
