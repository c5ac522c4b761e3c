package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// TakeRateToken takes one token from the bucket key in one upsert: the
// bucket refills by the time passed since its last take, capped at burst,
// and gives a token only when it holds a whole one.
func (db *DB) TakeRateToken(ctx context.Context, key string, every time.Duration, burst int, now time.Time) (bool, error) {
	if every <= 0 || burst <= 0 {
		return false, fmt.Errorf("sqlite: rate bucket %q: bad rule %v/%d", key, every, burst)
	}
	var allowed bool
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `INSERT INTO rate_buckets (key, tokens, updated_at, allowed)
			VALUES (?1, ?2 - 1, ?3, 1)
			ON CONFLICT (key) DO UPDATE SET
				tokens = min(?2, tokens + max(?3 - updated_at, 0) / ?4) - (min(?2, tokens + max(?3 - updated_at, 0) / ?4) >= 1),
				allowed = min(?2, tokens + max(?3 - updated_at, 0) / ?4) >= 1,
				updated_at = max(?3, updated_at)
			RETURNING allowed`,
			key, float64(burst), toMs(now), float64(every)/float64(time.Millisecond)).Scan(&allowed)
	})
	if err != nil {
		return false, fmt.Errorf("sqlite: rate bucket %q: %w", key, err)
	}
	return allowed, nil
}

// PurgeRateBuckets forgets buckets untouched since before.
func (db *DB) PurgeRateBuckets(ctx context.Context, before time.Time) (int, error) {
	var n int64
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM rate_buckets WHERE updated_at < ?`, toMs(before))
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("sqlite: purge rate buckets: %w", err)
	}
	return int(n), nil
}
