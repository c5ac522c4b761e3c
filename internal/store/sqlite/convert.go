package sqlite

import (
	"database/sql"
	"time"
)

// Times are stored as unix milliseconds in UTC; NULL means unknown.

func toMs(t time.Time) int64 { return t.UnixMilli() }

func fromMs(ms int64) time.Time { return time.UnixMilli(ms).UTC() }

// nullMs stores a possibly unknown time.
func nullMs(t *time.Time) any {
	if t == nil || t.IsZero() {
		return nil
	}
	return t.UnixMilli()
}

// ptrTime reads a possibly unknown time.
func ptrTime(v sql.NullInt64) *time.Time {
	if !v.Valid {
		return nil
	}
	t := fromMs(v.Int64)
	return &t
}

// nullID stores a reference where 0 means none.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// scanner is what *sql.Row and *sql.Rows have in common.
type scanner interface {
	Scan(dest ...any) error
}
