package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"

	"manset/internal/extract"
	"manset/internal/ingest/fetch"
	"manset/internal/news"
)

func runExtract(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "extract")
	pageURL := fs.String("url", "", "the page's URL, to resolve links and read URL dates")
	format := fs.String("format", "json", "output format: json or text")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	if *format != "json" && *format != "text" {
		fmt.Fprintln(env.Stderr, "manset extract: --format must be json or text")
		return errUsage
	}
	inputs := fs.Args()
	if len(inputs) == 0 {
		inputs = []string{"-"}
	}
	results := extractAll(ctx, env, inputs, *pageURL)
	w := &extractWriter{out: env.Stdout, format: *format, many: len(inputs) > 1}
	failed := 0
	for r := range results {
		if r.err != nil {
			failed++
		}
		if err := w.write(r); err != nil {
			return err
		}
	}
	if failed > 0 && failed == len(inputs) && len(inputs) == 1 {
		return fmt.Errorf("%s", errorText(w.lastErr))
	}
	return nil
}

type extractResult struct {
	file string
	x    news.Extracted
	err  error
}

// extractAll extracts inputs on all cores and yields results in input order,
// so output streams while later files are still being read.
func extractAll(ctx context.Context, env *Env, inputs []string, pageURL string) <-chan extractResult {
	workers := runtime.GOMAXPROCS(0)
	slots := make([]chan extractResult, len(inputs))
	for i := range slots {
		slots[i] = make(chan extractResult, 1)
	}
	out := make(chan extractResult)
	sem := make(chan struct{}, workers)
	var wg sync.WaitGroup
	go func() {
		for i, in := range inputs {
			if ctx.Err() != nil {
				slots[i] <- extractResult{file: in, err: ctx.Err()}
				continue
			}
			sem <- struct{}{}
			wg.Add(1)
			go func() {
				defer func() { <-sem; wg.Done() }()
				slots[i] <- extractOne(ctx, env, in, pageURL)
			}()
		}
		wg.Wait()
	}()
	go func() {
		defer close(out)
		for _, s := range slots {
			out <- <-s
		}
	}()
	return out
}

func extractOne(ctx context.Context, env *Env, in, pageURL string) extractResult {
	if isURL(in) {
		return extractURL(ctx, env, in)
	}
	var body []byte
	var err error
	if in == "-" {
		body, err = io.ReadAll(io.LimitReader(env.Stdin, 256<<20))
	} else {
		body, err = os.ReadFile(in)
	}
	if err != nil {
		return extractResult{file: in, err: err}
	}
	x, err := extract.Page(body, pageURL, "")
	return extractResult{file: in, x: x, err: err}
}

type extractWriter struct {
	out     io.Writer
	format  string
	many    bool
	lastErr error
}

func (w *extractWriter) write(r extractResult) error {
	if r.err != nil {
		w.lastErr = r.err
	}
	if w.format == "text" {
		if r.err != nil {
			_, err := fmt.Fprintf(w.out, "# %s: error: %s\n\n", r.file, errorText(r.err))
			return err
		}
		if w.many {
			fmt.Fprintf(w.out, "# %s\n", r.file)
		}
		_, err := fmt.Fprintf(w.out, "%s\n\n%s\n\n", r.x.Title, r.x.Text)
		return err
	}
	var v any = r.x
	if r.err != nil {
		v = struct {
			File  string `json:"file"`
			Error string `json:"error"`
		}{r.file, errorText(r.err)}
	} else if w.many {
		r.x.File = r.file
		v = r.x
	}
	if !w.many && r.err != nil {
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w.out, "%s\n", b)
	return err
}

func isURL(s string) bool { return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") }

// extractURL fetches a page through the safe fetcher (robots.txt, size and
// time limits, no private addresses unless MANSET_FETCH_ALLOW_PRIVATE=1)
// and extracts it with its final URL and Content-Type.
func extractURL(ctx context.Context, env *Env, rawURL string) extractResult {
	f := fetch.New(fetch.Config{AllowPrivate: env.Getenv("MANSET_FETCH_ALLOW_PRIVATE") == "1", HostDelay: hostDelay(env)})
	resp, err := f.Fetch(ctx, fetch.Request{URL: rawURL})
	if err != nil {
		return extractResult{file: rawURL, err: err}
	}
	x, err := extract.Page(resp.Body, resp.URL, resp.ContentType)
	if err == nil && x.URL == "" {
		x.URL = resp.URL
	}
	return extractResult{file: rawURL, x: x, err: err}
}
