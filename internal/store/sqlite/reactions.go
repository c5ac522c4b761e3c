package sqlite

import (
	"context"
	"database/sql"

	"manset/internal/news"
)

var reactionErrs = errMessages{op: "reaction", notFound: msgArticleNotFound, missing: msgArticleNotFound}

func checkReader(reader string) error {
	if !news.ValidReader(reader) {
		return news.E(news.EINVALID, "reader.invalid")
	}
	return nil
}

// SetReaction gives or moves reader's reaction and returns the new counts,
// read in the same transaction so they include this vote.
func (db *DB) SetReaction(ctx context.Context, articleID int64, reader string, kind news.ReactionKind) (news.ReactionCounts, error) {
	if err := checkReader(reader); err != nil {
		return nil, err
	}
	if !kind.Valid() {
		return nil, news.E(news.EINVALID, "reaction.unknown_kind", kind)
	}
	var counts news.ReactionCounts
	err := db.inTx(ctx, func(tx *sql.Tx) (err error) {
		if err := articleExists(ctx, tx, articleID); err != nil {
			return err
		}
		// Moving a vote keeps its first time: ReactionsPerDay counts readers
		// who reacted that day, not clicks.
		_, err = tx.ExecContext(ctx, `INSERT INTO reactions (article_id, reader, kind, created_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (article_id, reader) DO UPDATE SET kind = excluded.kind`,
			articleID, reader, string(kind), toMs(db.now()))
		if err != nil {
			return err
		}
		counts, err = reactionCounts(ctx, tx, articleID)
		return err
	})
	return counts, mapErr(err, reactionErrs)
}

// ClearReaction withdraws reader's reaction and returns the new counts.
func (db *DB) ClearReaction(ctx context.Context, articleID int64, reader string) (news.ReactionCounts, error) {
	if err := checkReader(reader); err != nil {
		return nil, err
	}
	var counts news.ReactionCounts
	err := db.inTx(ctx, func(tx *sql.Tx) (err error) {
		if err := articleExists(ctx, tx, articleID); err != nil {
			return err
		}
		if _, err = tx.ExecContext(ctx, `DELETE FROM reactions WHERE article_id = ? AND reader = ?`, articleID, reader); err != nil {
			return err
		}
		counts, err = reactionCounts(ctx, tx, articleID)
		return err
	})
	return counts, mapErr(err, reactionErrs)
}

// ReactionCounts returns the counts of all six kinds for one article.
func (db *DB) ReactionCounts(ctx context.Context, articleID int64) (news.ReactionCounts, error) {
	var counts news.ReactionCounts
	err := db.inRead(ctx, func(tx *sql.Tx) (err error) {
		if err := articleExists(ctx, tx, articleID); err != nil {
			return err
		}
		counts, err = reactionCounts(ctx, tx, articleID)
		return err
	})
	return counts, mapErr(err, reactionErrs)
}

// ReaderReaction returns reader's reaction on the article, or "".
func (db *DB) ReaderReaction(ctx context.Context, articleID int64, reader string) (news.ReactionKind, error) {
	var kind string
	err := db.read.QueryRowContext(ctx, `SELECT kind FROM reactions WHERE article_id = ? AND reader = ?`,
		articleID, reader).Scan(&kind)
	if err == sql.ErrNoRows {
		return "", nil
	}
	return news.ReactionKind(kind), mapErr(err, reactionErrs)
}

// MergeReader moves from's reactions to to; to's own reactions win.
func (db *DB) MergeReader(ctx context.Context, from, to string) error {
	if err := checkReader(from); err != nil {
		return err
	}
	if err := checkReader(to); err != nil {
		return err
	}
	if from == to {
		return nil
	}
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO reactions (article_id, reader, kind, created_at)
			SELECT article_id, ?, kind, created_at FROM reactions WHERE reader = ? ORDER BY article_id
			ON CONFLICT (article_id, reader) DO NOTHING`, to, from)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM reactions WHERE reader = ?`, from)
		return err
	})
	return mapErr(err, reactionErrs)
}

func articleExists(ctx context.Context, tx *sql.Tx, id int64) error {
	var one int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM articles WHERE id = ?`, id).Scan(&one)
	if err == sql.ErrNoRows {
		return notFoundErr(msgArticleNotFound)
	}
	return err
}

func reactionCounts(ctx context.Context, tx *sql.Tx, articleID int64) (news.ReactionCounts, error) {
	byArticle, err := reactionCountsFor(ctx, tx, []int64{articleID})
	if err != nil {
		return nil, err
	}
	if c, ok := byArticle[articleID]; ok {
		return c, nil
	}
	return news.NewReactionCounts(), nil
}

// reactionCountsFor counts the reactions of many articles in one grouped
// query; articles without any are absent from the map.
func reactionCountsFor(ctx context.Context, tx *sql.Tx, ids []int64) (map[int64]news.ReactionCounts, error) {
	out := make(map[int64]news.ReactionCounts)
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT article_id, kind, COUNT(*) FROM reactions
		WHERE article_id IN (`+placeholders(len(ids))+`) GROUP BY article_id, kind`, idArgs(ids)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var kind string
		var n int
		if err := rows.Scan(&id, &kind, &n); err != nil {
			return nil, err
		}
		if out[id] == nil {
			out[id] = news.NewReactionCounts()
		}
		out[id][news.ReactionKind(kind)] = n
	}
	return out, rows.Err()
}

func idArgs(ids []int64) []any {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return args
}

// engagementChunk bounds the ids of one IN list, far below SQLite's limit
// on bound variables, for unlimited listings such as sitemaps.
const engagementChunk = 500

// fillEngagement sets Reactions and CommentCount (approved comments) on
// every article of a page, with one grouped query each per chunk.
func fillEngagement(ctx context.Context, tx *sql.Tx, list []news.Article) error {
	for len(list) > engagementChunk {
		if err := fillEngagement(ctx, tx, list[:engagementChunk]); err != nil {
			return err
		}
		list = list[engagementChunk:]
	}
	if len(list) == 0 {
		return nil
	}
	ids := make([]int64, len(list))
	for i, a := range list {
		ids[i] = a.ID
	}
	reactions, err := reactionCountsFor(ctx, tx, ids)
	if err != nil {
		return err
	}
	comments, err := approvedCommentCounts(ctx, tx, ids)
	if err != nil {
		return err
	}
	for i := range list {
		r, ok := reactions[list[i].ID]
		if !ok {
			r = news.NewReactionCounts()
		}
		list[i].Reactions, list[i].CommentCount = r, comments[list[i].ID]
	}
	return nil
}

func approvedCommentCounts(ctx context.Context, tx *sql.Tx, ids []int64) (map[int64]int, error) {
	out := make(map[int64]int)
	rows, err := tx.QueryContext(ctx, `SELECT article_id, COUNT(*) FROM comments
		WHERE article_id IN (`+placeholders(len(ids))+`) AND status = 'approved' GROUP BY article_id`, idArgs(ids)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id] = n
	}
	return out, rows.Err()
}
