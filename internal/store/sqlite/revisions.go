package sqlite

import (
	"context"
	"database/sql"
	"time"

	"manset/internal/news"
)

var revisionErrs = errMessages{op: "revision", notFound: msgArticleNotFound}

// saveRevision keeps the stored version of article a.ID before an update
// replaces it, when the update changes what readers see: title, summary,
// body or status. Re-fetched copies that change nothing add no revision.
// The editor is the actor of ctx; one who no longer exists is recorded as
// unknown.
func saveRevision(ctx context.Context, tx *sql.Tx, a *news.Article, now time.Time) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO article_revisions (article_id, editor_id, at, status, title,
		summary, body_text, body_html)
		SELECT id, (SELECT id FROM users WHERE id = ?), ?, status, title, summary, body_text, body_html
		FROM articles WHERE id = ? AND (title <> ? OR summary <> ? OR body_text <> ? OR body_html <> ? OR status <> ?)`,
		news.ActorFrom(ctx), toMs(now), a.ID, a.Title, a.Summary, a.BodyText, a.BodyHTML, string(a.Status))
	return err
}

// ListRevisions returns an article's earlier versions, newest first.
func (db *DB) ListRevisions(ctx context.Context, articleID int64) ([]news.Revision, error) {
	list := []news.Revision{}
	err := db.inRead(ctx, func(tx *sql.Tx) error {
		if err := articleExists(ctx, tx, articleID); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT r.id, r.article_id, COALESCE(r.editor_id, 0), COALESCE(u.name, ''),
			r.at, r.status, r.title, r.summary, r.body_text, r.body_html
			FROM article_revisions r LEFT JOIN users u ON u.id = r.editor_id
			WHERE r.article_id = ? ORDER BY r.at DESC, r.id DESC`, articleID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r news.Revision
			var at int64
			err := rows.Scan(&r.ID, &r.ArticleID, &r.EditorID, &r.EditorName, &at, &r.Status,
				&r.Title, &r.Summary, &r.BodyText, &r.BodyHTML)
			if err != nil {
				return err
			}
			r.At = fromMs(at)
			list = append(list, r)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, mapErr(err, revisionErrs)
	}
	return list, nil
}
