package sqlite

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"manset/internal/news"
	"manset/internal/store"
	"manset/internal/turkish"
)

var articleErrs = errMessages{
	op:       "article",
	notFound: msgArticleNotFound,
	conflict: news.T("article.slug_taken"),
	missing:  news.T("article.refs_missing"),
}

// articleColumns are read by scanArticle, in order.
const articleColumns = `a.id, a.slug, a.title, a.summary, a.body_html, a.body_text,
	COALESCE(a.category_id, 0), a.author, a.image,
	COALESCE(a.source_id, 0), COALESCE(s.name, ''), COALESCE(s.home_url, ''), a.source_url,
	a.canonical_url, a.content_hash, a.simhash, a.lang, a.status,
	a.published_at, a.modified_at, a.imported_at, a.updated_at,
	a.category_method, COALESCE(a.story_id, 0), a.featured`

// leanArticleColumns read like articleColumns but leave out the HTML body
// and cut the text body to its start, for lists that show no body.
const leanArticleColumns = `a.id, a.slug, a.title, a.summary, '', substr(a.body_text, 1, 1200),
	COALESCE(a.category_id, 0), a.author, a.image,
	COALESCE(a.source_id, 0), COALESCE(s.name, ''), COALESCE(s.home_url, ''), a.source_url,
	a.canonical_url, a.content_hash, a.simhash, a.lang, a.status,
	a.published_at, a.modified_at, a.imported_at, a.updated_at,
	a.category_method, COALESCE(a.story_id, 0), a.featured`

const articleFrom = ` FROM articles a LEFT JOIN sources s ON s.id = a.source_id`

func scanArticle(sc scanner) (news.Article, error) {
	var a news.Article
	var simhash, imported, updated int64
	var published, modified sql.NullInt64
	err := sc.Scan(&a.ID, &a.Slug, &a.Title, &a.Summary, &a.BodyHTML, &a.BodyText,
		&a.CategoryID, &a.Author, &a.Image,
		&a.SourceID, &a.SourceName, &a.SourceHome, &a.SourceURL,
		&a.CanonicalURL, &a.ContentHash, &simhash, &a.Lang, &a.Status,
		&published, &modified, &imported, &updated,
		&a.CategoryMethod, &a.StoryID, &a.Featured)
	a.SimHash = uint64(simhash)
	a.PublishedAt, a.ModifiedAt = ptrTime(published), ptrTime(modified)
	a.ImportedAt, a.UpdatedAt = fromMs(imported), fromMs(updated)
	return a, err
}

// CreateArticle validates and inserts a, assigning ID, a unique slug,
// ImportedAt (when zero) and UpdatedAt. An explicit Slug that is taken is
// ECONFLICT; one derived from the title gets "-2", "-3"... instead.
func (db *DB) CreateArticle(ctx context.Context, a *news.Article) error {
	if err := validateArticle(a); err != nil {
		return err
	}
	now := db.now()
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		if err := createArticle(ctx, tx, a, now); err != nil {
			return err
		}
		if err := indexArticle(ctx, tx, a); err != nil {
			return err
		}
		return bumpVersion(ctx, tx, a.ID)
	})
	return mapErr(err, articleErrs)
}

func validateArticle(a *news.Article) error {
	if err := a.Validate(); err != nil {
		return err
	}
	if a.Featured < 0 {
		return news.E(news.EINVALID, "article.manset_negative")
	}
	normaliseTimes(a)
	return nil
}

// normaliseTimes makes a's times what a read will return: UTC, to the
// millisecond. It allocates new pointers so the caller's values stay put.
func normaliseTimes(a *news.Article) {
	norm := func(t *time.Time) *time.Time {
		if t == nil || t.IsZero() {
			return nil
		}
		v := t.UTC().Truncate(time.Millisecond)
		return &v
	}
	a.PublishedAt, a.ModifiedAt = norm(a.PublishedAt), norm(a.ModifiedAt)
	if !a.ImportedAt.IsZero() {
		a.ImportedAt = a.ImportedAt.UTC().Truncate(time.Millisecond)
	}
}

func createArticle(ctx context.Context, tx *sql.Tx, a *news.Article, now time.Time) error {
	slug, err := pickSlug(ctx, tx, "articles", a.Slug, a.Title)
	if err != nil {
		return err
	}
	if a.ImportedAt.IsZero() {
		a.ImportedAt = now
	}
	a.UpdatedAt = now
	res, err := tx.ExecContext(ctx, `INSERT INTO articles (slug, title, summary, body_html, body_text,
		category_id, author, image, source_id, source_url, canonical_url, content_hash, simhash, lang,
		status, published_at, modified_at, imported_at, updated_at, category_method, story_id, featured,
		display_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		append([]any{slug.value}, articleArgs(a)...)...)
	if err != nil {
		return err
	}
	if a.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	a.Slug = slug.value
	if slug.fallback {
		a.Slug, err = setFallbackSlug(ctx, tx, "articles", "haber", a.ID)
	}
	return err
}

// articleArgs are a's stored fields after the slug, in insert order.
func articleArgs(a *news.Article) []any {
	return []any{a.Title, a.Summary, a.BodyHTML, a.BodyText,
		nullID(a.CategoryID), a.Author, a.Image, nullID(a.SourceID), a.SourceURL,
		a.CanonicalURL, a.ContentHash, int64(a.SimHash), a.Lang,
		string(a.Status), nullMs(a.PublishedAt), nullMs(a.ModifiedAt), toMs(a.ImportedAt), toMs(a.UpdatedAt),
		a.CategoryMethod, nullID(a.StoryID), a.Featured, toMs(a.DisplayTime())}
}

// UpdateArticle replaces the stored fields of a.ID and bumps UpdatedAt.
// An empty Slug keeps the current one; ImportedAt never changes.
func (db *DB) UpdateArticle(ctx context.Context, a *news.Article) error {
	if err := validateArticle(a); err != nil {
		return err
	}
	now := db.now()
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		if err := updateArticle(ctx, tx, a, now); err != nil {
			return err
		}
		if err := indexArticle(ctx, tx, a); err != nil {
			return err
		}
		return bumpVersion(ctx, tx, a.ID)
	})
	return mapErr(err, articleErrs)
}

func updateArticle(ctx context.Context, tx *sql.Tx, a *news.Article, now time.Time) error {
	var slug string
	var imported int64
	err := tx.QueryRowContext(ctx, `SELECT slug, imported_at FROM articles WHERE id = ?`, a.ID).Scan(&slug, &imported)
	if err != nil {
		return err
	}
	if a.Slug != "" {
		if slug = turkish.Slugify(a.Slug); slug == "" {
			return news.E(news.EINVALID, "slug.invalid", a.Slug)
		}
	}
	a.Slug, a.ImportedAt, a.UpdatedAt = slug, fromMs(imported), now
	if err := saveRevision(ctx, tx, a, now); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE articles SET slug = ?, title = ?, summary = ?, body_html = ?,
		body_text = ?, category_id = ?, author = ?, image = ?, source_id = ?, source_url = ?,
		canonical_url = ?, content_hash = ?, simhash = ?, lang = ?, status = ?, published_at = ?,
		modified_at = ?, imported_at = ?, updated_at = ?, category_method = ?, story_id = ?, featured = ?,
		display_at = ? WHERE id = ?`,
		append(append([]any{slug}, articleArgs(a)...), a.ID)...)
	return err
}

// DeleteArticle removes one article; unknown id is ENOTFOUND.
func (db *DB) DeleteArticle(ctx context.Context, id int64) error {
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if err := mustAffect(res, msgArticleNotFound); err != nil {
			return err
		}
		if err := unindexArticle(ctx, tx, id); err != nil {
			return err
		}
		return bumpVersion(ctx, tx, id)
	})
	return mapErr(err, articleErrs)
}

// Article returns one article with its category chain and source filled.
func (db *DB) Article(ctx context.Context, id int64) (news.Article, error) {
	return db.findOneArticle(ctx, "a.id = ?", id)
}

// ArticleBySlug returns the article with that slug.
func (db *DB) ArticleBySlug(ctx context.Context, slug string) (news.Article, error) {
	return db.findOneArticle(ctx, "a.slug = ?", slug)
}

// FindDuplicate returns the oldest article with the same canonical URL or
// content hash; empty values are ignored, and no match is ENOTFOUND.
func (db *DB) FindDuplicate(ctx context.Context, canonicalURL, contentHash string) (news.Article, error) {
	var conds []string
	var args []any
	if canonicalURL != "" {
		conds, args = append(conds, "a.canonical_url = ?"), append(args, canonicalURL)
	}
	if contentHash != "" {
		conds, args = append(conds, "a.content_hash = ?"), append(args, contentHash)
	}
	if len(conds) == 0 {
		return news.Article{}, notFoundErr(msgArticleNotFound)
	}
	return db.findOneArticle(ctx, strings.Join(conds, " OR ")+" ORDER BY a.id LIMIT 1", args...)
}

func (db *DB) findOneArticle(ctx context.Context, where string, args ...any) (news.Article, error) {
	var a news.Article
	err := db.inRead(ctx, func(tx *sql.Tx) (err error) {
		a, err = scanArticle(tx.QueryRowContext(ctx, `SELECT `+articleColumns+articleFrom+` WHERE `+where, args...))
		if err != nil {
			return err
		}
		list := []news.Article{a}
		if err = fillCategories(ctx, tx, list); err == nil {
			err = fillEngagement(ctx, tx, list)
		}
		a = list[0]
		return err
	})
	return a, mapErr(err, articleErrs)
}

// fillCategories sets Category (with Ancestors) on every article that has one.
func fillCategories(ctx context.Context, tx *sql.Tx, list []news.Article) error {
	seen := make(map[int64]bool)
	var ids []int64
	for _, a := range list {
		if a.CategoryID != 0 && !seen[a.CategoryID] {
			seen[a.CategoryID] = true
			ids = append(ids, a.CategoryID)
		}
	}
	byID, err := categoryChains(ctx, tx, ids)
	if err != nil {
		return err
	}
	for i := range list {
		c, ok := byID[list[i].CategoryID]
		if !ok {
			continue
		}
		store.FillAncestors(byID, &c)
		list[i].Category = &c
	}
	return nil
}
