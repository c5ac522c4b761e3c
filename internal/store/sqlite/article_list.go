package sqlite

import (
	"context"
	"database/sql"
	"strings"

	"manset/internal/news"
)

// articleWhere accumulates the conditions of a listing and their arguments,
// in the order they appear in the SQL.
type articleWhere struct {
	conds []string
	args  []any
}

func (w *articleWhere) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *articleWhere) sql() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// filterWhere translates every filter of f except the keyset cursor. A
// pointer to 0 for CategoryID, StoryID or SourceID selects articles that
// have none.
func filterWhere(f news.ArticleFilter) *articleWhere {
	w := &articleWhere{}
	if f.CategoryID != nil {
		if *f.CategoryID == 0 {
			w.add("a.category_id IS NULL")
		} else {
			w.add(`a.category_id IN (WITH RECURSIVE sub(id) AS (
				SELECT ? UNION SELECT c.id FROM categories c JOIN sub ON c.parent_id = sub.id
			) SELECT id FROM sub)`, *f.CategoryID)
		}
	}
	addRef(w, "a.story_id", f.StoryID)
	addRef(w, "a.source_id", f.SourceID)
	if f.Status != nil {
		w.add("a.status = ?", string(*f.Status))
	}
	if f.VisibleAt != nil {
		w.add(`(a.status = 'published' OR (a.status = 'scheduled' AND a.published_at <= ?))`, toMs(*f.VisibleAt))
	}
	if f.Since != nil {
		w.add("a.display_at >= ?", toMs(*f.Since))
	}
	if f.ExcludeID != 0 {
		w.add("a.id <> ?", f.ExcludeID)
	}
	if f.Featured {
		w.add("a.featured > 0")
	}
	return w
}

func addRef(w *articleWhere, col string, id *int64) {
	switch {
	case id == nil:
	case *id == 0:
		w.add(col + " IS NULL")
	default:
		w.add(col+" = ?", *id)
	}
}

// ListArticles returns articles matching f, newest display time first (or
// in manşet order when f.Featured), and how many match in all, ignoring
// Limit, Offset and the Before cursor. A Limit of 0 means no limit.
func (db *DB) ListArticles(ctx context.Context, f news.ArticleFilter) ([]news.Article, int, error) {
	if f.Limit < 0 || f.Offset < 0 {
		return nil, 0, news.E(news.EINVALID, "list.negative_paging")
	}
	var list []news.Article
	var total int
	err := db.inRead(ctx, func(tx *sql.Tx) (err error) {
		w := filterWhere(f)
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles a`+w.sql(), w.args...).Scan(&total); err != nil {
			return err
		}
		if list, err = listArticles(ctx, tx, f, w); err != nil {
			return err
		}
		if err := fillCategories(ctx, tx, list); err != nil {
			return err
		}
		return fillEngagement(ctx, tx, list)
	})
	if err != nil {
		return nil, 0, mapErr(err, articleErrs)
	}
	return list, total, nil
}

func listArticles(ctx context.Context, tx *sql.Tx, f news.ArticleFilter, w *articleWhere) ([]news.Article, error) {
	if f.Before != nil {
		if f.BeforeID > 0 {
			before := toMs(*f.Before)
			w.add("(a.display_at < ? OR (a.display_at = ? AND a.id < ?))", before, before, f.BeforeID)
		} else {
			w.add("a.display_at < ?", toMs(*f.Before))
		}
	}
	order := " ORDER BY a.display_at DESC, a.id DESC"
	if f.Featured {
		order = " ORDER BY a.featured ASC, a.display_at DESC, a.id DESC"
	}
	limit := int64(-1) // SQLite: no limit
	if f.Limit > 0 {
		limit = int64(f.Limit)
	}
	// Pick the page's ids from the index first, then read only those rows:
	// sorting whole rows (bodies included) of every match is what would
	// otherwise cost the time.
	args := append(w.args, limit, f.Offset)
	cols := articleColumns
	if f.Lean {
		cols = leanArticleColumns
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+cols+`
		FROM (SELECT a.id FROM articles a`+w.sql()+order+` LIMIT ? OFFSET ?) page
		JOIN articles a ON a.id = page.id
		LEFT JOIN sources s ON s.id = a.source_id`+order, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	list := []news.Article{}
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, a)
	}
	return list, rows.Err()
}
