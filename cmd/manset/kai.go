package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"time"

	"manset/internal/kai"
	"manset/internal/news"
	"manset/internal/store"
)

const kaiUsage = `usage: manset kai ask [--db PATH] --article ID|SLUG QUESTION   # prints the answer as JSON
       manset kai eval [--scope paragraph|article] FILE.json        # SQuAD-format file, - for stdin`

func runKAI(ctx context.Context, env *Env, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "ask":
			return runKAIAsk(ctx, env, args[1:])
		case "eval":
			return runKAIEval(ctx, env, args[1:])
		}
	}
	fmt.Fprintln(env.Stderr, kaiUsage)
	return errUsage
}

// runKAIAsk answers one question about a stored article the way the
// site's API does: same passages, same engine choice.
func runKAIAsk(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "kai ask")
	db := fs.String("db", "manset.db", "SQLite database file")
	ref := fs.String("article", "", "article ID or slug")
	base := fs.String("base-url", "", "public origin for citation URLs (default: paths only)")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	question := strings.TrimSpace(strings.Join(fs.Args(), " "))
	if *ref == "" || question == "" {
		fmt.Fprintln(env.Stderr, kaiUsage)
		return errUsage
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	a, err := findArticle(ctx, st, *ref)
	if err != nil {
		return err
	}
	passages, err := kai.Passages(ctx, st, &a, time.Now(), strings.TrimRight(*base, "/"))
	if err != nil {
		return err
	}
	q := kai.AboutArticle(kai.Question{Text: question, Articles: passages})
	ans, err := kaiEngine(env).Ask(ctx, q)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(env.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(ans)
}

// findArticle looks an article up by number, then by slug.
func findArticle(ctx context.Context, st store.Store, ref string) (news.Article, error) {
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil && id > 0 {
		a, err := st.Article(ctx, id)
		if news.ErrorCode(err) != news.ENOTFOUND {
			return a, err
		}
	}
	a, err := st.ArticleBySlug(ctx, ref)
	if news.ErrorCode(err) == news.ENOTFOUND {
		return a, news.E(news.ENOTFOUND, "cli.article_not_found", ref)
	}
	return a, err
}

// kaiEngine is the LLM engine when MANSET_LLM_URL is set, else the
// extractive one. serve uses it too, so the site and the CLI agree.
func kaiEngine(env *Env) kai.Engine {
	ext := kai.NewExtractive()
	cfg, ok := kai.LLMConfigFromEnv(env.Getenv)
	if !ok {
		return ext
	}
	cfg.Logger = slog.New(slog.NewTextHandler(env.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	return kai.NewLLM(cfg, ext)
}

// runKAIEval measures the extractive ranker on a SQuAD-format file.
func runKAIEval(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "kai eval")
	scope := fs.String("scope", kai.ScopeArticle, "rank the sentences of each paragraph, or of each article (all paragraphs of a title)")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(env.Stderr, kaiUsage)
		return errUsage
	}
	var r io.Reader = env.Stdin
	if name := fs.Arg(0); name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	_, err := kai.Eval(ctx, r, *scope, kai.NewExtractive(), env.Stdout)
	return err
}
