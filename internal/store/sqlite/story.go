package sqlite

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"manset/internal/news"
)

var storyErrs = errMessages{op: "story", notFound: msgStoryNotFound}

// CreateStory inserts s, setting FirstSeen and UpdatedAt when zero.
func (db *DB) CreateStory(ctx context.Context, s *news.Story) error {
	s.Title = strings.TrimSpace(s.Title)
	if s.Title == "" {
		return news.E(news.EINVALID, "story.title_required")
	}
	now := db.now()
	if s.FirstSeen.IsZero() {
		s.FirstSeen = now
	}
	if s.UpdatedAt.IsZero() {
		s.UpdatedAt = now
	}
	s.FirstSeen, s.UpdatedAt = s.FirstSeen.UTC().Truncate(time.Millisecond), s.UpdatedAt.UTC().Truncate(time.Millisecond)
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO stories (title, first_seen, updated_at) VALUES (?, ?, ?)`,
			s.Title, toMs(s.FirstSeen), toMs(s.UpdatedAt))
		if err != nil {
			return err
		}
		s.ID, err = res.LastInsertId()
		return err
	})
	return mapErr(err, storyErrs)
}

// Story returns one story; unknown id is ENOTFOUND.
func (db *DB) Story(ctx context.Context, id int64) (news.Story, error) {
	var s news.Story
	var first, updated int64
	err := db.read.QueryRowContext(ctx, `SELECT id, title, first_seen, updated_at FROM stories WHERE id = ?`, id).
		Scan(&s.ID, &s.Title, &first, &updated)
	s.FirstSeen, s.UpdatedAt = fromMs(first), fromMs(updated)
	return s, mapErr(err, storyErrs)
}

// UpdateStory replaces a story's title and first-seen time and bumps
// UpdatedAt; unknown id is ENOTFOUND.
func (db *DB) UpdateStory(ctx context.Context, s *news.Story) error {
	s.Title = strings.TrimSpace(s.Title)
	if s.Title == "" {
		return news.E(news.EINVALID, "story.title_required")
	}
	s.FirstSeen = s.FirstSeen.UTC().Truncate(time.Millisecond)
	s.UpdatedAt = db.now().UTC().Truncate(time.Millisecond)
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE stories SET title = ?, first_seen = ?, updated_at = ? WHERE id = ?`,
			s.Title, toMs(s.FirstSeen), toMs(s.UpdatedAt), s.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return sql.ErrNoRows
		}
		members, err := storyMembers(ctx, tx, s.ID)
		if err != nil {
			return err
		}
		if len(members) == 0 {
			return nil // no page shows a story without articles
		}
		return bumpVersion(ctx, tx, members...)
	})
	return mapErr(err, storyErrs)
}

// storyMemberLimit caps the pages a story change names one by one; a
// story with more members changes the whole site's cache.
const storyMemberLimit = 200

// storyMembers returns the ids of the articles in story id (none for 0),
// or nil when there are more than storyMemberLimit (bumpVersion then
// logs a site-wide change).
func storyMembers(ctx context.Context, tx *sql.Tx, id int64) ([]int64, error) {
	if id == 0 {
		return nil, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT id FROM articles WHERE story_id = ? LIMIT ?`, id, storyMemberLimit+1)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var a int64
		if err := rows.Scan(&a); err != nil {
			return nil, err
		}
		ids = append(ids, a)
	}
	if len(ids) > storyMemberLimit {
		return []int64{0}, rows.Err()
	}
	return ids, rows.Err()
}
