package sqlite

import (
	"context"
	"database/sql"
	"strings"

	"manset/internal/news"
)

var msgCommentNotFound = news.T("comment.not_found")

var commentErrs = errMessages{
	op:       "comment",
	notFound: msgCommentNotFound,
	missing:  news.T("comment.refs_missing"),
}

// CreateComment validates and inserts c. Replies to replies hang under
// the top comment, so threads stay one level deep. Only an approved
// comment changes the content version: pending ones are invisible.
func (db *DB) CreateComment(ctx context.Context, c *news.Comment) error {
	if err := c.Validate(); err != nil {
		return err
	}
	c.CreatedAt = db.now()
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		if err := articleExists(ctx, tx, c.ArticleID); err != nil {
			return err
		}
		if err := resolveParent(ctx, tx, c); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO comments (article_id, parent_id, user_id, status, created_at,
			name, email, ip, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			c.ArticleID, nullID(c.ParentID), nullID(c.UserID), string(c.Status), toMs(c.CreatedAt),
			c.Name, c.Email, c.IP, c.Body)
		if err != nil {
			return err
		}
		if c.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		if c.Status == news.CommentApproved {
			return bumpVersion(ctx, tx, c.ArticleID)
		}
		return nil
	})
	return mapErr(err, commentErrs)
}

// resolveParent checks that c's parent is on the same article and moves a
// reply to a reply up to the top comment.
func resolveParent(ctx context.Context, tx *sql.Tx, c *news.Comment) error {
	if c.ParentID == 0 {
		return nil
	}
	var articleID int64
	var grand sql.NullInt64
	err := tx.QueryRowContext(ctx, `SELECT article_id, parent_id FROM comments WHERE id = ?`, c.ParentID).Scan(&articleID, &grand)
	if err == sql.ErrNoRows || (err == nil && articleID != c.ArticleID) {
		return news.E(news.EINVALID, "comment.parent_missing")
	} else if err != nil {
		return err
	}
	if grand.Valid {
		c.ParentID = grand.Int64
	}
	return nil
}

const commentColumns = `c.id, c.article_id, COALESCE(c.parent_id, 0), COALESCE(c.user_id, 0), c.name,
	c.email, c.body, c.status, c.ip, c.created_at`

func scanComment(sc scanner, extra ...any) (news.Comment, error) {
	var c news.Comment
	var created int64
	err := sc.Scan(append([]any{&c.ID, &c.ArticleID, &c.ParentID, &c.UserID, &c.Name,
		&c.Email, &c.Body, &c.Status, &c.IP, &created}, extra...)...)
	c.CreatedAt = fromMs(created)
	return c, err
}

// Comment returns one comment with every field, e-mail included.
func (db *DB) Comment(ctx context.Context, id int64) (news.Comment, error) {
	c, err := scanComment(db.read.QueryRowContext(ctx, `SELECT `+commentColumns+` FROM comments c WHERE c.id = ?`, id))
	return c, mapErr(err, commentErrs)
}

func checkStatus(s news.CommentStatus) error {
	if !s.Valid() {
		return news.E(news.EINVALID, "comment.unknown_status", s)
	}
	return nil
}

// ListComments returns an article's comments with status as threads:
// oldest top comment first, each followed by its replies. The e-mail and
// IP are not even selected.
func (db *DB) ListComments(ctx context.Context, articleID int64, status news.CommentStatus) ([]news.PublicComment, error) {
	if err := checkStatus(status); err != nil {
		return nil, err
	}
	list := []news.PublicComment{}
	err := db.inRead(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT c.id, c.article_id, COALESCE(c.parent_id, 0),
			c.user_id IS NOT NULL, c.name, c.body, c.created_at
			FROM comments c LEFT JOIN comments p ON p.id = c.parent_id
			WHERE c.article_id = ? AND c.status = ?
			ORDER BY COALESCE(p.created_at, c.created_at), COALESCE(c.parent_id, c.id),
				c.parent_id IS NOT NULL, c.created_at, c.id`, articleID, string(status))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var pc news.PublicComment
			var created int64
			if err := rows.Scan(&pc.ID, &pc.ArticleID, &pc.ParentID, &pc.Member, &pc.Name, &pc.Body, &created); err != nil {
				return err
			}
			pc.CreatedAt = fromMs(created)
			list = append(list, pc)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, mapErr(err, commentErrs)
	}
	return list, nil
}

// ListCommentsForModeration returns comments with status (any status when
// empty), newest first, with their articles' titles and the total.
func (db *DB) ListCommentsForModeration(ctx context.Context, status news.CommentStatus, limit, offset int) ([]news.ModerationComment, int, error) {
	if status != "" {
		if err := checkStatus(status); err != nil {
			return nil, 0, err
		}
	}
	if limit <= 0 || limit > 500 || offset < 0 {
		return nil, 0, news.E(news.EINVALID, "comment.page_size")
	}
	list := []news.ModerationComment{}
	var total int
	err := db.inRead(ctx, func(tx *sql.Tx) error {
		where, args := statusWhere(status)
		rows, err := tx.QueryContext(ctx, `SELECT `+commentColumns+`, a.title, a.slug, COUNT(*) OVER ()
			FROM comments c JOIN articles a ON a.id = c.article_id`+where+`
			ORDER BY c.created_at DESC, c.id DESC LIMIT ? OFFSET ?`, append(args, limit, offset)...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var m news.ModerationComment
			m.Comment, err = scanComment(rows, &m.ArticleTitle, &m.ArticleSlug, &total)
			if err != nil {
				return err
			}
			list = append(list, m)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, 0, mapErr(err, commentErrs)
	}
	if len(list) == 0 && offset > 0 {
		total, err = db.CountComments(ctx, status)
	}
	return list, total, err
}

// SetCommentStatus changes one comment's status.
func (db *DB) SetCommentStatus(ctx context.Context, id int64, status news.CommentStatus) error {
	n, err := db.SetCommentsStatus(ctx, []int64{id}, status)
	if err == nil && n == 0 {
		return notFoundErr(msgCommentNotFound)
	}
	return err
}

// SetCommentsStatus changes the status of every listed comment that exists
// and returns how many exist.
func (db *DB) SetCommentsStatus(ctx context.Context, ids []int64, status news.CommentStatus) (int, error) {
	if err := checkStatus(status); err != nil {
		return 0, err
	}
	if len(ids) == 0 {
		return 0, nil
	}
	if len(ids) > 1000 {
		return 0, news.E(news.ETOOLARGE, "comment.bulk_too_many")
	}
	var n int64
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE comments SET status = ? WHERE id IN (`+placeholders(len(ids))+`)`,
			append([]any{string(status)}, idArgs(ids)...)...)
		if err != nil {
			return err
		}
		if n, err = res.RowsAffected(); err != nil {
			return err
		}
		articles, err := commentArticles(ctx, tx, ids)
		if err != nil {
			return err
		}
		return bumpVersion(ctx, tx, articles...)
	})
	return int(n), mapErr(err, commentErrs)
}

// CountComments counts comments with status across the site (all when
// status is empty).
func (db *DB) CountComments(ctx context.Context, status news.CommentStatus) (int, error) {
	var n int
	where, args := statusWhere(status)
	err := db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM comments c`+where, args...).Scan(&n)
	return n, mapErr(err, commentErrs)
}

// statusWhere filters comments c by status, or not at all when it is
// empty; a literal condition keeps the status index usable.
func statusWhere(status news.CommentStatus) (string, []any) {
	if status == "" {
		return "", nil
	}
	return " WHERE c.status = ?", []any{string(status)}
}

// AuthorHasApprovedComment reports whether the member userID (when not 0)
// or the e-mail (when not empty) has an approved comment anywhere.
func (db *DB) AuthorHasApprovedComment(ctx context.Context, email string, userID int64) (bool, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	if email == "" && userID == 0 {
		return false, nil
	}
	var found bool
	err := db.read.QueryRowContext(ctx, `SELECT
		EXISTS (SELECT 1 FROM comments WHERE ? <> 0 AND user_id = ? AND status = 'approved') OR
		EXISTS (SELECT 1 FROM comments WHERE ? <> '' AND email = ? AND status = 'approved')`,
		userID, userID, email, email).Scan(&found)
	return found, mapErr(err, commentErrs)
}

// commentArticles returns the distinct articles the comments ids belong to:
// their pages list approved comments.
func commentArticles(ctx context.Context, tx *sql.Tx, ids []int64) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT article_id FROM comments WHERE id IN (`+placeholders(len(ids))+`)`,
		idArgs(ids)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	if len(out) == 0 {
		out = []int64{-1} // nothing shown changed; never 0, which means everything
	}
	return out, rows.Err()
}
