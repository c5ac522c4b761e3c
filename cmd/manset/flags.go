package main

import (
	"flag"
	"fmt"
	"strings"
)

// newFlags returns a FlagSet that prints its errors to env.Stderr.
func newFlags(env *Env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet("manset "+name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	return fs
}

// parseFlags parses args, then fills every flag not given on the command
// line from MANSET_<FLAG> (dashes become underscores).
func parseFlags(env *Env, fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return errUsage
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	var err error
	fs.VisitAll(func(f *flag.Flag) {
		if given[f.Name] || err != nil {
			return
		}
		key := "MANSET_" + strings.ToUpper(strings.ReplaceAll(f.Name, "-", "_"))
		if v := env.Getenv(key); v != "" {
			if e := f.Value.Set(v); e != nil {
				err = fmt.Errorf("%s=%q: %v", key, v, e)
			}
		}
	})
	return err
}
