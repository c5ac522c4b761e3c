// Package demo holds the demo content that `manset serve` loads into an empty
// database: original articles written for Manşet, a few raw page dumps of
// imaginary news sites, and the default site settings. Everything is embedded
// so a fresh binary shows a lived-in site without any network access.
package demo

import (
	"embed"
	"encoding/json"
	"io/fs"
	"path"
	"sort"
	"strings"
)

//go:embed content
var content embed.FS

// Files returns the demo content rooted at the content directory, so paths
// look like "articles.jsonl", "dumps/karadeniz-spor.txt" and "settings.json".
func Files() fs.FS {
	sub, err := fs.Sub(content, "content")
	if err != nil {
		// fs.Sub fails only for an invalid directory name, which is a constant here.
		panic("demo: " + err.Error())
	}
	return sub
}

// ImportPaths lists the files of Files that the importer should read, in a
// stable order: the JSON Lines articles first, then the page dumps. The
// README and settings.json are not articles and are left out.
func ImportPaths() []string {
	var out []string
	fsys := Files()
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch path.Ext(p) {
		case ".jsonl", ".txt":
			out = append(out, p)
		}
		return nil
	})
	// JSON Lines before dumps so own articles get the lower IDs.
	sort.SliceStable(out, func(i, j int) bool {
		ji, jj := strings.HasSuffix(out[i], ".jsonl"), strings.HasSuffix(out[j], ".jsonl")
		if ji != jj {
			return ji
		}
		return out[i] < out[j]
	})
	return out
}

// Settings returns the default site settings (site.name, site.tagline,
// site.disclaimer, ad.sidebar, ad.article_top) from content/settings.json.
// The file is embedded and checked by tests, so a broken file is a
// programming error and Settings panics rather than returning an error.
func Settings() map[string]string {
	raw, err := fs.ReadFile(Files(), "settings.json")
	if err != nil {
		panic("demo: " + err.Error())
	}
	out := map[string]string{}
	if err := json.Unmarshal(raw, &out); err != nil {
		panic("demo: settings.json: " + err.Error())
	}
	return out
}
