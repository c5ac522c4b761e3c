package sqlite

import (
	"context"
	"database/sql"
	"time"

	"manset/internal/news"
)

var sourceErrs = errMessages{
	op:       "source",
	notFound: msgSourceNotFound,
	conflict: news.T("source.name_taken"),
}

const sourceColumns = `id, name, kind, url, home_url, category_slug, interval_s, review, full_text,
	selector, etag, last_modified, last_fetch_at, next_fetch_at, items_found, last_error, created_at`

func scanSource(sc scanner) (news.Source, error) {
	var s news.Source
	var interval, created int64
	var lastFetch, nextFetch sql.NullInt64
	err := sc.Scan(&s.ID, &s.Name, &s.Kind, &s.URL, &s.HomeURL, &s.CategorySlug, &interval, &s.Review,
		&s.FullText, &s.Selector, &s.ETag, &s.LastModified, &lastFetch, &nextFetch, &s.ItemsFound,
		&s.LastError, &created)
	s.Interval = time.Duration(interval) * time.Second
	s.LastFetchAt, s.NextFetchAt = ptrTime(lastFetch), ptrTime(nextFetch)
	s.CreatedAt = fromMs(created)
	return s, err
}

// sourceArgs are s's stored fields from name to last_error, in column order.
func sourceArgs(s *news.Source) []any {
	return []any{s.Name, string(s.Kind), s.URL, s.HomeURL, s.CategorySlug, int64(s.Interval / time.Second),
		s.Review, s.FullText, s.Selector, s.ETag, s.LastModified, nullMs(s.LastFetchAt), nullMs(s.NextFetchAt),
		s.ItemsFound, s.LastError}
}

// CreateSource validates and inserts s, setting ID and CreatedAt. A name
// already in use is ECONFLICT.
func (db *DB) CreateSource(ctx context.Context, s *news.Source) error {
	if err := s.Validate(); err != nil {
		return err
	}
	s.CreatedAt = db.now()
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO sources (name, kind, url, home_url, category_slug,
			interval_s, review, full_text, selector, etag, last_modified, last_fetch_at, next_fetch_at,
			items_found, last_error, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			append(sourceArgs(s), toMs(s.CreatedAt))...)
		if err != nil {
			return err
		}
		if s.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		return bumpVersion(ctx, tx)
	})
	return mapErr(err, sourceErrs)
}

// Source returns one source; unknown id is ENOTFOUND.
func (db *DB) Source(ctx context.Context, id int64) (news.Source, error) {
	s, err := scanSource(db.read.QueryRowContext(ctx, `SELECT `+sourceColumns+` FROM sources WHERE id = ?`, id))
	return s, mapErr(err, sourceErrs)
}

// SourceByName returns the source with exactly that name, or ENOTFOUND.
func (db *DB) SourceByName(ctx context.Context, name string) (news.Source, error) {
	s, err := scanSource(db.read.QueryRowContext(ctx, `SELECT `+sourceColumns+` FROM sources WHERE name = ?`, name))
	return s, mapErr(err, sourceErrs)
}

// ListSources returns every source in the order they were added.
func (db *DB) ListSources(ctx context.Context) ([]news.Source, error) {
	list := []news.Source{}
	err := db.inRead(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+sourceColumns+` FROM sources ORDER BY id`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			s, err := scanSource(rows)
			if err != nil {
				return err
			}
			list = append(list, s)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, mapErr(err, sourceErrs)
	}
	return list, nil
}

// UpdateSource saves every field of s, including its fetch state.
func (db *DB) UpdateSource(ctx context.Context, s *news.Source) error {
	if err := s.Validate(); err != nil {
		return err
	}
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE sources SET name = ?, kind = ?, url = ?, home_url = ?,
			category_slug = ?, interval_s = ?, review = ?, full_text = ?, selector = ?, etag = ?,
			last_modified = ?, last_fetch_at = ?, next_fetch_at = ?, items_found = ?, last_error = ?
			WHERE id = ?`, append(sourceArgs(s), s.ID)...)
		if err != nil {
			return err
		}
		if err := mustAffect(res, msgSourceNotFound); err != nil {
			return err
		}
		return bumpVersion(ctx, tx)
	})
	return mapErr(err, sourceErrs)
}

// DeleteSource removes a source; its articles stay, without a source.
func (db *DB) DeleteSource(ctx context.Context, id int64) error {
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM sources WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if err := mustAffect(res, msgSourceNotFound); err != nil {
			return err
		}
		return bumpVersion(ctx, tx)
	})
	return mapErr(err, sourceErrs)
}
