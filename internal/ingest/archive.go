package ingest

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"manset/internal/extract"
	"manset/internal/ingest/warc"
	"manset/internal/ingest/wxr"
	"manset/internal/news"
)

// importWARC extracts every HTML or text response record of a WARC file.
// A bad record is reported and the reader moves on to the next one.
func (im *Importer) importWARC(ctx context.Context, name string, r io.Reader, opts Options, sum *Summary) {
	rd := warc.NewReader(r)
	var last error
	for ctx.Err() == nil {
		rec, err := rd.Next()
		if err == io.EOF {
			return
		}
		if err != nil {
			if err == last { // the stream itself is broken: the error is final
				return
			}
			last = err
			sum.add(name, Failed, 0, err)
			continue
		}
		if rec.Type != "response" || rec.HTTPStatus/100 != 2 || !pageContentType(rec.ContentType) {
			continue
		}
		item := fmt.Sprintf("%s@%d (%s)", name, rec.Offset, rec.TargetURI)
		x, err := extract.Page(rec.Body, rec.TargetURI, rec.ContentType)
		if err != nil {
			sum.add(item, Failed, 0, err)
			continue
		}
		if x.URL == "" {
			x.URL = rec.TargetURI
		}
		o, id, err := im.SaveExtracted(ctx, x, opts)
		sum.add(item, o, id, err)
	}
}

func pageContentType(ct string) bool {
	ct = strings.ToLower(ct)
	return ct == "" || strings.Contains(ct, "html") || strings.HasPrefix(ct, "text/plain")
}

// wxrState is what a WordPress export has told us before its posts.
type wxrState struct {
	categories map[string]*wxr.Category // by slug
	authors    map[string]string        // login -> display name
}

// importWXR streams a WordPress export: categories and authors first, then
// each post becomes an article and its comments wait for moderation.
func (im *Importer) importWXR(ctx context.Context, name string, r io.Reader, opts Options, sum *Summary) {
	rd := wxr.NewReader(r)
	st := &wxrState{categories: map[string]*wxr.Category{}, authors: map[string]string{}}
	for ctx.Err() == nil {
		v, err := rd.Next()
		if err == io.EOF {
			return
		}
		if err != nil {
			sum.add(name, Failed, 0, err)
			return
		}
		switch v := v.(type) {
		case *wxr.Category:
			st.categories[v.Slug] = v
		case *wxr.Author:
			st.authors[v.Login] = cmp.Or(v.DisplayName, v.Login)
		case *wxr.Post:
			if v.PostType != "post" {
				continue
			}
			item := fmt.Sprintf("%s: post %d", name, v.ID)
			o, id, err := im.saveWXRPost(ctx, st, v, opts)
			sum.add(item, o, id, err)
			if o == Imported {
				if err := im.saveWXRComments(ctx, id, v.Comments); err != nil {
					sum.add(item+" comments", Failed, 0, err)
				}
			}
		}
	}
}

// wxrStatus maps WordPress post statuses to ours; false means "do not import".
func wxrStatus(s string) (news.Status, bool) {
	switch s {
	case "publish":
		return news.StatusPublished, true
	case "future":
		return news.StatusScheduled, true
	case "draft", "pending", "private":
		return news.StatusDraft, true
	}
	return "", false // trash, auto-draft, inherit
}

func (im *Importer) saveWXRPost(ctx context.Context, st *wxrState, p *wxr.Post, opts Options) (Outcome, int64, error) {
	status, ok := wxrStatus(p.Status)
	if !ok {
		return Skipped, 0, nil
	}
	a := &news.Article{
		Title: p.Title, Summary: extract.FragmentText(p.Excerpt), Slug: "",
		BodyText: extract.FragmentText(wordpressParagraphs(p.Content)), Status: status,
		Author: st.authors[p.Author], PublishedAt: p.Published,
		CanonicalURL: p.Link, SourceURL: p.Link,
	}
	if strings.Contains(p.Content, "<p") {
		a.BodyHTML = p.Content // WordPress wrote paragraphs itself; keep links and formatting
	}
	if status == news.StatusScheduled && a.PublishedAt == nil {
		a.Status = news.StatusDraft
	}
	in := item{article: a, categoryPath: st.categoryPath(p.Categories)}
	return im.save(ctx, in, opts)
}

// uncategorised names WordPress gives posts without a real category.
var uncategorised = map[string]bool{"uncategorized": true, "genel": true, "kategorisiz": true, "uncategorised": true}

// categoryPath returns the names from the root to the post's first real
// category, following parent slugs (with a guard against cycles).
func (st *wxrState) categoryPath(slugs []string) []string {
	for _, slug := range slugs {
		c := st.categories[slug]
		if c == nil || uncategorised[strings.ToLower(c.Slug)] {
			continue
		}
		var path []string
		for seen := 0; c != nil && seen < 5; seen++ {
			path = append([]string{c.Name}, path...)
			c = st.categories[c.Parent]
		}
		return path
	}
	return nil
}

// saveWXRComments stores a post's comments as pending: they were approved on
// another site, under another policy, so an editor looks at them first.
func (im *Importer) saveWXRComments(ctx context.Context, articleID int64, comments []wxr.Comment) error {
	if len(comments) == 0 {
		return nil
	}
	ids := map[int64]int64{}
	var errs []error
	for _, c := range comments {
		if c.Type != "" && c.Type != "comment" {
			continue // pingbacks and trackbacks
		}
		nc := &news.Comment{
			ArticleID: articleID, ParentID: ids[c.Parent],
			Name: cmp.Or(strings.TrimSpace(c.Author), "Anonim"), Email: c.AuthorEmail,
			Body: extract.FragmentText(c.Content), Status: news.CommentPending,
		}
		if c.Date != nil {
			nc.CreatedAt = *c.Date
		}
		if err := im.store.CreateComment(ctx, nc); err != nil {
			errs = append(errs, err)
			continue
		}
		ids[c.ID] = nc.ID
	}
	return errors.Join(errs...)
}

// wordpressParagraphs marks WordPress's paragraphs: a post written in the
// classic editor keeps them as blank lines, which HTML would run together.
func wordpressParagraphs(content string) string {
	if strings.Contains(content, "<p") {
		return content
	}
	var b strings.Builder
	for _, chunk := range strings.Split(strings.ReplaceAll(content, "\r\n", "\n"), "\n\n") {
		b.WriteString("<p>" + chunk + "</p>\n")
	}
	return b.String()
}
