package sqlite

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"manset/internal/news"
)

var articleSourceErrs = errMessages{
	op:       "article source",
	notFound: msgArticleNotFound,
	missing:  news.T("article_source.refs_missing"),
}

// RecentSimHashes returns the SimHash of every article imported at or after
// since that has one, oldest first.
func (db *DB) RecentSimHashes(ctx context.Context, since time.Time) ([]news.HashRef, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT id, simhash FROM articles
		WHERE imported_at >= ? AND simhash != 0 ORDER BY imported_at, id`, toMs(since))
	if err != nil {
		return nil, mapErr(err, articleErrs)
	}
	defer rows.Close()
	var out []news.HashRef
	for rows.Next() {
		var r news.HashRef
		var h int64
		if err := rows.Scan(&r.ArticleID, &h); err != nil {
			return nil, mapErr(err, articleErrs)
		}
		r.SimHash = uint64(h)
		out = append(out, r)
	}
	return out, mapErr(rows.Err(), articleErrs)
}

// AddArticleSource records an outlet that carried an article; a URL already
// recorded for that article is kept as first recorded.
func (db *DB) AddArticleSource(ctx context.Context, s news.ArticleSource) error {
	s.URL = strings.TrimSpace(s.URL)
	if s.URL == "" {
		return news.E(news.EINVALID, "source.url_required")
	}
	if s.SeenAt.IsZero() {
		s.SeenAt = db.now()
	}
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		var one int
		if err := tx.QueryRowContext(ctx, `SELECT 1 FROM articles WHERE id = ?`, s.ArticleID).Scan(&one); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO article_sources
			(article_id, source_id, url, title, published_at, seen_at) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (article_id, url) DO NOTHING`,
			s.ArticleID, nullID(s.SourceID), s.URL, strings.TrimSpace(s.Title), nullMs(s.PublishedAt), toMs(s.SeenAt))
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		// The article page lists the outlets, so its cached copy is stale.
		return bumpVersion(ctx, tx, s.ArticleID)
	})
	return mapErr(err, articleSourceErrs)
}

// ArticleSources returns the outlets recorded for an article, earliest
// publication first; unknown publication times come last, by when seen.
func (db *DB) ArticleSources(ctx context.Context, articleID int64) ([]news.ArticleSource, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT x.article_id, COALESCE(x.source_id, 0),
		COALESCE(s.name, ''), COALESCE(s.home_url, ''), x.url, x.title, x.published_at, x.seen_at
		FROM article_sources x LEFT JOIN sources s ON s.id = x.source_id
		WHERE x.article_id = ?
		ORDER BY x.published_at IS NULL, x.published_at, x.seen_at, x.id`, articleID)
	if err != nil {
		return nil, mapErr(err, articleSourceErrs)
	}
	defer rows.Close()
	var out []news.ArticleSource
	for rows.Next() {
		var s news.ArticleSource
		var published sql.NullInt64
		var seen int64
		if err := rows.Scan(&s.ArticleID, &s.SourceID, &s.SourceName, &s.SourceHome, &s.URL, &s.Title,
			&published, &seen); err != nil {
			return nil, mapErr(err, articleSourceErrs)
		}
		s.PublishedAt, s.SeenAt = ptrTime(published), fromMs(seen)
		out = append(out, s)
	}
	return out, mapErr(rows.Err(), articleSourceErrs)
}

// SetArticleStory puts an article in a story (0 takes it out) without a
// revision: clustering is bookkeeping, not an edit of the article.
func (db *DB) SetArticleStory(ctx context.Context, articleID, storyID int64) error {
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE articles SET story_id = ? WHERE id = ?`, nullID(storyID), articleID)
		if err != nil {
			return err
		}
		if err := mustAffect(res, msgArticleNotFound); err != nil {
			return err
		}
		if storyID != 0 {
			if _, err := tx.ExecContext(ctx, `UPDATE stories SET updated_at = ? WHERE id = ?`,
				toMs(db.now().UTC()), storyID); err != nil {
				return err
			}
		}
		// Every member's page shows the story's timeline.
		members, err := storyMembers(ctx, tx, storyID)
		if err != nil {
			return err
		}
		return bumpVersion(ctx, tx, append(members, articleID)...)
	})
	return mapErr(err, articleStoryErrs)
}

var articleStoryErrs = errMessages{op: "article story", notFound: msgArticleNotFound, missing: msgStoryNotFound}
