// Command manset runs the Manşet news platform: the site, the importer, the
// extractor and the maintenance tools, all in one binary.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"

	"manset/internal/news"
)

const usage = `Manşet — self-hosted news platform

Usage:
  manset serve   [--db PATH] [--addr HOST:PORT] [--demo=true|false] [--base-url URL]
  manset import  [--db PATH] [--source NAME] [--category SLUG] PATH...
  manset extract [--url URL] [--format json|text] FILE...|URL|-
  manset source  add [--db PATH] --kind feed|sitemap|page|listing --name NAME [--category SLUG]
                 [--interval 15m] [--review] [--excerpt] [--selector CSS] URL
  manset source  list|remove [--db PATH] [ID]
  manset fetch   [--db PATH] [--once] [--source ID]
  manset backup  [--db PATH] OUT
  manset user    add [--db PATH] --email E --name N --role reader|editor|admin   # password on stdin
  manset kai     ask [--db PATH] --article ID|SLUG QUESTION      # prints the answer as JSON
  manset kai     eval [--scope paragraph|article] FILE.json      # SQuAD-format file

Every flag also reads MANSET_<FLAG> from the environment (MANSET_DB, MANSET_ADDR, ...).
`

// command is one subcommand.
type command func(ctx context.Context, env *Env, args []string) error

var commands = map[string]command{
	"serve":   runServe,
	"import":  runImport,
	"extract": runExtract,
	"backup":  runBackup,
	"user":    runUser,
	"source":  runSource,
	"fetch":   runFetch,
	"kai":     runKAI,
}

// Env is what a command talks to; tests replace the streams.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	// Ready, when set, receives the address `serve` listens on.
	Ready func(addr string)
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	env := &Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
	stopProfile := startProfile(os.Getenv("MANSET_CPUPROFILE"))
	code := Run(ctx, env, os.Args[1:])
	stopProfile()
	os.Exit(code)
}

// Run executes one command line and returns the process exit code.
func Run(ctx context.Context, env *Env, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(env.Stdout, usage)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(env.Stderr, "manset: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	err := cmd(ctx, env, args[1:])
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	}
	fmt.Fprintf(env.Stderr, "manset %s: %s\n", args[0], errorText(err))
	return 1
}

var errUsage = errors.New("usage")

func errorText(err error) string {
	var e *news.Error
	if errors.As(err, &e) {
		return e.Message(news.LangTR)
	}
	return err.Error()
}

// startProfile writes a CPU profile to path when set (MANSET_CPUPROFILE),
// for measuring imports and fetches; it returns the function that stops it.
func startProfile(path string) func() {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "manset: cpu profile:", err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintln(os.Stderr, "manset: cpu profile:", err)
		f.Close()
		return func() {}
	}
	return func() { pprof.StopCPUProfile(); f.Close() }
}
