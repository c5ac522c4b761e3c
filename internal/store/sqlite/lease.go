package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// AcquireLease takes the lease name for holder until now+ttl, or renews
// it, in one upsert that changes the row only when holder already has it
// or the other holder's lease has run out.
func (db *DB) AcquireLease(ctx context.Context, name, holder string, ttl time.Duration, now time.Time) (bool, error) {
	var got string
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `INSERT INTO leases (name, holder, expires_at) VALUES (?1, ?2, ?3)
			ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
			WHERE leases.holder = excluded.holder OR leases.expires_at <= ?4
			RETURNING holder`, name, holder, toMs(now.Add(ttl)), toMs(now)).Scan(&got)
	})
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	} else if err != nil {
		return false, fmt.Errorf("sqlite: lease %q: %w", name, err)
	}
	return got == holder, nil
}

// LeaseHolder returns who holds the lease name at now, or "".
func (db *DB) LeaseHolder(ctx context.Context, name string, now time.Time) (string, error) {
	var holder string
	err := db.read.QueryRowContext(ctx, `SELECT holder FROM leases WHERE name = ? AND expires_at > ?`,
		name, toMs(now)).Scan(&holder)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	} else if err != nil {
		return "", fmt.Errorf("sqlite: lease %q: %w", name, err)
	}
	return holder, nil
}

// ReleaseLease gives the lease up if holder has it, so another process
// need not wait for it to run out.
func (db *DB) ReleaseLease(ctx context.Context, name, holder string) error {
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM leases WHERE name = ? AND holder = ?`, name, holder)
		return err
	})
	if err != nil {
		return fmt.Errorf("sqlite: release lease %q: %w", name, err)
	}
	return nil
}
