package store

import (
	"strconv"
	"strings"
)

// SlugRange returns bounds [lo, hi) that hold base and every slug starting
// with base+"-", so an engine can fetch the candidates for UniqueSlug with one
// indexed range query. It relies on '.' sorting right after '-' in ASCII.
func SlugRange(base string) (lo, hi string) {
	return base, base + "."
}

// UniqueSlug returns base when it is not among taken, otherwise the first of
// base-2, base-3, ... that is free. taken may hold unrelated slugs.
func UniqueSlug(base string, taken []string) string {
	used := make(map[int]bool, len(taken))
	for _, s := range taken {
		if s == base {
			used[1] = true
			continue
		}
		rest, ok := strings.CutPrefix(s, base+"-")
		if !ok {
			continue
		}
		if n, err := strconv.Atoi(rest); err == nil && n >= 2 && strconv.Itoa(n) == rest {
			used[n] = true
		}
	}
	if !used[1] {
		return base
	}
	n := 2
	for used[n] {
		n++
	}
	return base + "-" + strconv.Itoa(n)
}

// FallbackSlug is the slug of a record whose name has no Latin letters or
// digits: prefix-<id>, e.g. "haber-42".
func FallbackSlug(prefix string, id int64) string {
	return prefix + "-" + strconv.FormatInt(id, 10)
}
