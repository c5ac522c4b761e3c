package sqlite

import (
	"context"
	"database/sql"
	"strings"

	"manset/internal/news"
	"manset/internal/store"
	"manset/internal/turkish"
)

var categoryErrs = errMessages{
	op:       "category",
	notFound: msgCategoryNotFound,
	conflict: news.T("category.taken"),
	missing:  news.T("category.parent_missing"),
}

const categoryColumns = `id, slug, name, COALESCE(parent_id, 0), position`

func scanCategory(s scanner) (news.Category, error) {
	var c news.Category
	err := s.Scan(&c.ID, &c.Slug, &c.Name, &c.ParentID, &c.Position)
	return c, err
}

// CreateCategory inserts c, giving it a unique slug from its name when
// c.Slug is empty. A duplicate slug or sibling name is ECONFLICT.
func (db *DB) CreateCategory(ctx context.Context, c *news.Category) error {
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		if err := createCategory(ctx, tx, c); err != nil {
			return err
		}
		return bumpVersion(ctx, tx)
	})
	return mapErr(err, categoryErrs)
}

// EnsureCategoryPath returns the category at the end of the named path,
// creating missing levels. Names match siblings Turkish-case-insensitively.
func (db *DB) EnsureCategoryPath(ctx context.Context, names ...string) (news.Category, error) {
	if len(names) == 0 {
		return news.Category{}, news.E(news.EINVALID, "category.path_empty")
	}
	var out news.Category
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		created := false
		var parent int64
		var chain []news.Category
		for _, name := range names {
			c, ok, err := ensureChild(ctx, tx, parent, name)
			if err != nil {
				return err
			}
			created = created || ok
			c.Ancestors = append([]news.Category(nil), chain...)
			chain = append(chain, news.Category{ID: c.ID, Slug: c.Slug, Name: c.Name, ParentID: c.ParentID, Position: c.Position})
			out, parent = c, c.ID
		}
		if created {
			return bumpVersion(ctx, tx)
		}
		return nil
	})
	if err != nil {
		return news.Category{}, mapErr(err, categoryErrs)
	}
	return out, nil
}

// ensureChild finds the child of parent named name, or creates it; the
// bool reports a creation.
func ensureChild(ctx context.Context, tx *sql.Tx, parent int64, name string) (news.Category, bool, error) {
	name = strings.TrimSpace(name)
	c, err := scanCategory(tx.QueryRowContext(ctx,
		`SELECT `+categoryColumns+` FROM categories WHERE COALESCE(parent_id, 0) = ? AND name_key = ?`,
		parent, turkish.Lower(name)))
	if err == nil {
		return c, false, nil
	} else if err != sql.ErrNoRows {
		return c, false, err
	}
	var pos int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM categories WHERE COALESCE(parent_id, 0) = ?`,
		parent).Scan(&pos); err != nil {
		return c, false, err
	}
	c = news.Category{Name: name, ParentID: parent, Position: pos}
	return c, true, createCategory(ctx, tx, &c)
}

func createCategory(ctx context.Context, tx *sql.Tx, c *news.Category) error {
	if err := c.Validate(); err != nil {
		return err
	}
	slug, err := categorySlug(ctx, tx, c.Slug, c.Name)
	if err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx,
		`INSERT INTO categories (slug, name, name_key, parent_id, position) VALUES (?, ?, ?, ?, ?)`,
		slug.value, c.Name, turkish.Lower(c.Name), nullID(c.ParentID), c.Position)
	if err != nil {
		return err
	}
	if c.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	c.Slug = slug.value
	if slug.fallback {
		c.Slug, err = setFallbackSlug(ctx, tx, "categories", "kategori", c.ID)
	}
	return err
}

// Category returns one category with its Ancestors filled.
func (db *DB) Category(ctx context.Context, id int64) (news.Category, error) {
	var c news.Category
	err := db.inRead(ctx, func(tx *sql.Tx) (err error) {
		c, err = findCategory(ctx, tx, "id = ?", id)
		return err
	})
	return c, mapErr(err, categoryErrs)
}

// CategoryBySlug returns the category with that slug, Ancestors filled.
func (db *DB) CategoryBySlug(ctx context.Context, slug string) (news.Category, error) {
	var c news.Category
	err := db.inRead(ctx, func(tx *sql.Tx) (err error) {
		c, err = findCategory(ctx, tx, "slug = ?", slug)
		return err
	})
	return c, mapErr(err, categoryErrs)
}

func findCategory(ctx context.Context, tx *sql.Tx, where string, arg any) (news.Category, error) {
	c, err := scanCategory(tx.QueryRowContext(ctx, `SELECT `+categoryColumns+` FROM categories WHERE `+where, arg))
	if err != nil {
		return c, err
	}
	byID, err := categoryChains(ctx, tx, []int64{c.ID})
	if err != nil {
		return c, err
	}
	store.FillAncestors(byID, &c)
	return c, nil
}

// categoryChains loads the given categories and all their ancestors.
func categoryChains(ctx context.Context, tx *sql.Tx, ids []int64) (map[int64]news.Category, error) {
	byID := make(map[int64]news.Category)
	if len(ids) == 0 {
		return byID, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	// UNION (not UNION ALL) stops the walk even if the tree had a cycle.
	rows, err := tx.QueryContext(ctx, `
		WITH RECURSIVE up(id) AS (
			SELECT id FROM categories WHERE id IN (`+placeholders(len(ids))+`)
			UNION
			SELECT c.parent_id FROM categories c JOIN up ON c.id = up.id WHERE c.parent_id IS NOT NULL
		)
		SELECT `+categoryColumns+` FROM categories WHERE id IN (SELECT id FROM up)`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		c, err := scanCategory(rows)
		if err != nil {
			return nil, err
		}
		byID[c.ID] = c
	}
	return byID, rows.Err()
}

// ListCategories returns every category, parents before children, siblings
// by position then Turkish name, each with Ancestors filled.
func (db *DB) ListCategories(ctx context.Context) ([]news.Category, error) {
	var cats []news.Category
	err := db.inRead(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+categoryColumns+` FROM categories`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			c, err := scanCategory(rows)
			if err != nil {
				return err
			}
			cats = append(cats, c)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, mapErr(err, categoryErrs)
	}
	return store.SortTree(cats), nil
}

// placeholders returns "?, ?, ?" for n arguments.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// slugChoice is a slug picked for a new record; fallback means the name had
// no usable letters and the slug must be derived from the ID after insert.
type slugChoice struct {
	value    string
	fallback bool
}

func categorySlug(ctx context.Context, tx *sql.Tx, explicit, name string) (slugChoice, error) {
	return pickSlug(ctx, tx, "categories", explicit, name)
}

// pickSlug normalises an explicit slug (which must then be free; a taken
// one fails on insert as ECONFLICT), or derives a unique one from name.
func pickSlug(ctx context.Context, tx *sql.Tx, table, explicit, name string) (slugChoice, error) {
	if explicit != "" {
		s := turkish.Slugify(explicit)
		if s == "" {
			return slugChoice{}, news.E(news.EINVALID, "slug.invalid", explicit)
		}
		return slugChoice{value: s}, nil
	}
	base := turkish.Slugify(name)
	if base == "" {
		// A placeholder Slugify never produces, replaced in the same
		// transaction once the ID is known.
		return slugChoice{value: ".pending", fallback: true}, nil
	}
	s, err := freeSlug(ctx, tx, table, base)
	return slugChoice{value: s}, err
}

// freeSlug returns base or base-N, whichever is first free in table.
func freeSlug(ctx context.Context, tx *sql.Tx, table, base string) (string, error) {
	lo, hi := store.SlugRange(base)
	rows, err := tx.QueryContext(ctx, `SELECT slug FROM `+table+` WHERE slug >= ? AND slug < ?`, lo, hi)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var taken []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return "", err
		}
		taken = append(taken, s)
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	return store.UniqueSlug(base, taken), nil
}

// setFallbackSlug gives the record id in table the slug prefix-<id> (made
// unique if an editor already took that).
func setFallbackSlug(ctx context.Context, tx *sql.Tx, table, prefix string, id int64) (string, error) {
	s, err := freeSlug(ctx, tx, table, store.FallbackSlug(prefix, id))
	if err != nil {
		return "", err
	}
	_, err = tx.ExecContext(ctx, `UPDATE `+table+` SET slug = ? WHERE id = ?`, s, id)
	return s, err
}
