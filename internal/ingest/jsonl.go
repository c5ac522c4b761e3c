package ingest

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"manset/internal/news"
)

// record is one line of a JSON Lines import: an Article object as the API
// returns it (DESIGN.md §3), plus a few newsroom fields.
type record struct {
	Title       string          `json:"title"`
	Slug        string          `json:"slug"`
	Summary     string          `json:"summary"`
	BodyText    string          `json:"body_text"`
	BodyHTML    string          `json:"body_html"`
	Category    json.RawMessage `json:"category"`
	Author      string          `json:"author"`
	Source      *recordSource   `json:"source"`
	SourceURL   string          `json:"source_url"`
	URL         string          `json:"url"`
	PublishedAt *time.Time      `json:"published_at"`
	UpdatedAt   *time.Time      `json:"updated_at"`
	ModifiedAt  *time.Time      `json:"modified_at"`
	Image       string          `json:"image"`
	Featured    int             `json:"featured"`
	Status      news.Status     `json:"status"`
	Lang        string          `json:"lang"`
}

type recordSource struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

// recordCategory accepts "Dünya", {"path": "Haberler › Dünya"}, {"name": ...}
// or {"slug": ...}.
type recordCategory struct {
	Slug string `json:"slug"`
	Name string `json:"name"`
	Path string `json:"path"`
}

func (rc recordCategory) names() []string {
	if rc.Path != "" {
		var out []string
		for _, p := range strings.FieldsFunc(rc.Path, func(r rune) bool { return r == '›' || r == '/' || r == '>' }) {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
		return out
	}
	if rc.Name != "" {
		return []string{rc.Name}
	}
	return nil
}

func parseCategory(raw json.RawMessage) (recordCategory, error) {
	var rc recordCategory
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return rc, nil
	}
	if raw[0] == '"' {
		err := json.Unmarshal(raw, &rc.Path)
		return rc, err
	}
	err := json.Unmarshal(raw, &rc)
	return rc, err
}

func (im *Importer) importJSONL(ctx context.Context, name string, r io.Reader, opts Options, sum *Summary) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), MaxLineSize)
	line := 0
	for sc.Scan() {
		line++
		if ctx.Err() != nil {
			return
		}
		text := bytes.TrimSpace(sc.Bytes())
		if len(text) == 0 {
			continue
		}
		item := fmt.Sprintf("%s:%d", name, line)
		o, id, err := im.importRecord(ctx, text, opts)
		sum.add(item, o, id, err)
	}
	if err := sc.Err(); err != nil {
		sum.add(fmt.Sprintf("%s:%d", name, line+1), Failed, 0,
			news.WrapError(news.EINVALID, "import.line_unreadable", err))
	}
}

func (im *Importer) importRecord(ctx context.Context, text []byte, opts Options) (Outcome, int64, error) {
	var rec record
	if err := json.Unmarshal(text, &rec); err != nil {
		return Failed, 0, news.WrapError(news.EINVALID, "import.bad_json", err, err.Error())
	}
	cat, err := parseCategory(rec.Category)
	if err != nil {
		return Failed, 0, news.E(news.EINVALID, "import.bad_category")
	}
	modified := rec.ModifiedAt
	if modified == nil {
		modified = rec.UpdatedAt
	}
	a := &news.Article{
		Title: rec.Title, Slug: rec.Slug, Summary: rec.Summary,
		BodyText: rec.BodyText, BodyHTML: rec.BodyHTML,
		Author: rec.Author, Image: rec.Image, SourceURL: rec.SourceURL,
		PublishedAt: rec.PublishedAt, ModifiedAt: modified,
		Featured: rec.Featured, Status: rec.Status, Lang: rec.Lang,
		CanonicalURL: cmp.Or(rec.SourceURL, rec.URL),
	}
	in := item{article: a, categorySlug: cat.Slug, categoryPath: cat.names()}
	if rec.Source != nil {
		in.sourceName, in.sourceHome = rec.Source.Name, rec.Source.URL
	}
	return im.save(ctx, in, opts)
}
