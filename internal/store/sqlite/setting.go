package sqlite

import (
	"context"
	"database/sql"
	"strings"
	"unicode/utf8"

	"manset/internal/news"
)

var settingErrs = errMessages{op: "setting"}

// Setting returns the value of key, or "" when it is unset.
func (db *DB) Setting(ctx context.Context, key string) (string, error) {
	var v string
	err := db.read.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if err == sql.ErrNoRows {
		return "", nil
	}
	return v, mapErr(err, settingErrs)
}

// SetSetting stores value under key, replacing any previous value.
func (db *DB) SetSetting(ctx context.Context, key, value string) error {
	key = strings.TrimSpace(key)
	if key == "" || len(key) > 200 {
		return news.E(news.EINVALID, "setting.bad_key")
	}
	if !utf8.ValidString(value) {
		return news.E(news.EINVALID, "setting.bad_value")
	}
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
		if err != nil {
			return err
		}
		return bumpVersion(ctx, tx)
	})
	return mapErr(err, settingErrs)
}

// AllSettings returns every key that has been set.
func (db *DB) AllSettings(ctx context.Context) (map[string]string, error) {
	out := make(map[string]string)
	err := db.inRead(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT key, value FROM settings`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var k, v string
			if err := rows.Scan(&k, &v); err != nil {
				return err
			}
			out[k] = v
		}
		return rows.Err()
	})
	if err != nil {
		return nil, mapErr(err, settingErrs)
	}
	return out, nil
}
