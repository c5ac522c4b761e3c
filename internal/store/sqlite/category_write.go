package sqlite

import (
	"context"
	"database/sql"

	"manset/internal/news"
	"manset/internal/turkish"
)

// UpdateCategory saves c's name, slug, parent and position. An empty Slug
// keeps the current one. Moving a category under itself or its own
// descendant is EINVALID.
func (db *DB) UpdateCategory(ctx context.Context, c *news.Category) error {
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		if err := updateCategory(ctx, tx, c); err != nil {
			return err
		}
		return bumpVersion(ctx, tx)
	})
	return mapErr(err, categoryErrs)
}

func updateCategory(ctx context.Context, tx *sql.Tx, c *news.Category) error {
	if err := c.Validate(); err != nil {
		return err
	}
	cur, err := scanCategory(tx.QueryRowContext(ctx, `SELECT `+categoryColumns+` FROM categories WHERE id = ?`, c.ID))
	if err != nil {
		return err
	}
	slug := cur.Slug
	if c.Slug != "" {
		if slug = turkish.Slugify(c.Slug); slug == "" {
			return news.E(news.EINVALID, "slug.invalid", c.Slug)
		}
	}
	if c.ParentID != 0 {
		if err := checkNoCycle(ctx, tx, c.ID, c.ParentID); err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx,
		`UPDATE categories SET slug = ?, name = ?, name_key = ?, parent_id = ?, position = ? WHERE id = ?`,
		slug, c.Name, turkish.Lower(c.Name), nullID(c.ParentID), c.Position, c.ID)
	if err != nil {
		return err
	}
	c.Slug = slug
	return nil
}

// checkNoCycle refuses to put category id under parent when parent is id
// itself or one of its descendants.
func checkNoCycle(ctx context.Context, tx *sql.Tx, id, parent int64) error {
	var n int
	err := tx.QueryRowContext(ctx, `
		WITH RECURSIVE down(id) AS (
			SELECT ? UNION SELECT c.id FROM categories c JOIN down ON c.parent_id = down.id
		)
		SELECT COUNT(*) FROM down WHERE id = ?`, id, parent).Scan(&n)
	if err != nil {
		return err
	}
	if n > 0 {
		return news.E(news.EINVALID, "category.move_into_self")
	}
	return nil
}

// DeleteCategory removes a category that has no children. Its articles
// stay, without a category.
func (db *DB) DeleteCategory(ctx context.Context, id int64) error {
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		if err := deleteCategory(ctx, tx, id); err != nil {
			return err
		}
		return bumpVersion(ctx, tx)
	})
	return mapErr(err, categoryErrs)
}

func deleteCategory(ctx context.Context, tx *sql.Tx, id int64) error {
	var children int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM categories WHERE parent_id = ?`, id).Scan(&children); err != nil {
		return err
	}
	if children > 0 {
		return news.E(news.ECONFLICT, "category.has_children")
	}
	res, err := tx.ExecContext(ctx, `DELETE FROM categories WHERE id = ?`, id)
	if err != nil {
		return err
	}
	return mustAffect(res, msgCategoryNotFound)
}

// mustAffect turns "no row changed" into ENOTFOUND.
func mustAffect(res sql.Result, notFound news.Text) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return notFoundErr(notFound)
	}
	return nil
}
