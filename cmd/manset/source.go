package main

import (
	"context"
	"fmt"
	"strconv"
	"text/tabwriter"
	"time"

	"manset/internal/news"
)

const sourceUsage = `usage:
  manset source add [--db PATH] --kind feed|sitemap|page|listing --name NAME [--category SLUG]
                    [--interval 15m] [--review] [--excerpt] [--selector CSS] URL
  manset source list [--db PATH]
  manset source remove [--db PATH] ID`

func runSource(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 {
		fmt.Fprintln(env.Stderr, sourceUsage)
		return errUsage
	}
	switch args[0] {
	case "add":
		return sourceAdd(ctx, env, args[1:])
	case "list":
		return sourceList(ctx, env, args[1:])
	case "remove":
		return sourceRemove(ctx, env, args[1:])
	}
	fmt.Fprintln(env.Stderr, sourceUsage)
	return errUsage
}

func sourceAdd(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "source add")
	db := fs.String("db", "manset.db", "SQLite database file")
	kind := fs.String("kind", "feed", "feed, sitemap, page or listing")
	name := fs.String("name", "", "the outlet's name, shown on its articles")
	category := fs.String("category", "", "default category slug for its articles")
	interval := fs.Duration("interval", 15*time.Minute, "how often to fetch")
	review := fs.Bool("review", false, "hold its articles for an editor instead of publishing")
	excerpt := fs.Bool("excerpt", false, "store only the summary and link to the original")
	selector := fs.String("selector", "", "CSS selector of the article body, for a site the extractor gets wrong")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(env.Stderr, sourceUsage)
		return errUsage
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	if *category != "" {
		if _, err := st.CategoryBySlug(ctx, *category); err != nil {
			return news.E(news.EINVALID, "category.unknown", *category)
		}
	}
	s := news.Source{Name: *name, Kind: news.SourceKind(*kind), URL: fs.Arg(0), CategorySlug: *category,
		Interval: *interval, Review: *review, FullText: "full", Selector: *selector}
	if *excerpt {
		s.FullText = "excerpt"
	}
	if err := st.CreateSource(ctx, &s); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "source %d added: %s (%s) %s every %s\n", s.ID, s.Name, s.Kind, s.URL, s.Interval)
	return nil
}

func sourceList(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "source list")
	db := fs.String("db", "manset.db", "SQLite database file")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	list, err := st.ListSources(ctx)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tNAME\tKIND\tURL\tEVERY\tLAST FETCH\tNEXT FETCH\tITEMS\tLAST ERROR")
	for _, s := range list {
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", s.ID, s.Name, s.Kind, s.URL, s.Interval,
			timeOrDash(s.LastFetchAt), timeOrDash(s.NextFetchAt), s.ItemsFound, s.LastError)
	}
	return w.Flush()
}

func timeOrDash(t *time.Time) string {
	if t == nil {
		return "-"
	}
	return t.Local().Format("2006-01-02 15:04")
}

func sourceRemove(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "source remove")
	db := fs.String("db", "manset.db", "SQLite database file")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	id, err := strconv.ParseInt(fs.Arg(0), 10, 64)
	if fs.NArg() != 1 || err != nil {
		fmt.Fprintln(env.Stderr, sourceUsage)
		return errUsage
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.DeleteSource(ctx, id); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "source %d removed (its articles stay)\n", id)
	return nil
}
