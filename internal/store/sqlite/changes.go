package sqlite

import (
	"context"
	"fmt"
	"time"
)

// changeBatch is how many logged changes one poll reads.
const changeBatch = 1000

// WatchContent calls changed with the articles each write touched, in
// commit order, whichever process wrote them, until ctx ends. SQLite has no
// notifications, so it reads the change log every poll. A nil or empty list,
// or one holding 0, means "drop everything": a site-wide write, or changes
// this reader can no longer prove it saw (the log was pruned past it).
func (db *DB) WatchContent(ctx context.Context, poll time.Duration, changed func(articleIDs []int64)) {
	if poll <= 0 {
		poll = time.Second
	}
	last, err := db.lastChange(ctx)
	for err != nil && ctx.Err() == nil {
		if !sleepCtx(ctx, poll) {
			return
		}
		last, err = db.lastChange(ctx)
	}
	changed(nil) // nothing rendered before now can be proved fresh
	for sleepCtx(ctx, poll) {
		for {
			seqs, ids, err := db.changesAfter(ctx, last)
			if err != nil || len(seqs) == 0 {
				break // a failed poll loses nothing: the log is read again
			}
			if seqs[0] != last+1 {
				ids = nil // pruned past us
			}
			last = seqs[len(seqs)-1]
			changed(ids)
			if len(seqs) < changeBatch {
				break
			}
		}
	}
}

// lastChange returns the newest logged change.
func (db *DB) lastChange(ctx context.Context) (int64, error) {
	var seq int64
	err := db.read.QueryRowContext(ctx, `SELECT coalesce(max(seq), 0) FROM content_changes`).Scan(&seq)
	if err != nil {
		return 0, fmt.Errorf("sqlite: last content change: %w", err)
	}
	return seq, nil
}

// changesAfter returns up to changeBatch logged changes after seq.
func (db *DB) changesAfter(ctx context.Context, seq int64) (seqs, ids []int64, err error) {
	rows, err := db.read.QueryContext(ctx, `SELECT seq, article_id FROM content_changes
		WHERE seq > ? ORDER BY seq LIMIT ?`, seq, changeBatch)
	if err != nil {
		return nil, nil, fmt.Errorf("sqlite: content changes: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var s, id int64
		if err := rows.Scan(&s, &id); err != nil {
			return nil, nil, err
		}
		seqs, ids = append(seqs, s), append(ids, id)
	}
	return seqs, ids, rows.Err()
}

// sleepCtx waits d and reports whether ctx is still live.
func sleepCtx(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}
