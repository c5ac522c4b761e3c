package sqlite

import (
	"context"
	"database/sql"
	"time"

	"manset/internal/news"
)

var sessionErrs = errMessages{
	op:       "session",
	notFound: news.T("session.not_found"),
	conflict: news.T("session.exists"),
	missing:  msgUserNotFound,
}

var msgResetInvalid = news.T("auth.reset_link_invalid")

// validHash reports whether h looks like a hex SHA-256, so that a raw
// token can never be stored by mistake.
func validHash(h string) bool {
	if len(h) != 64 {
		return false
	}
	for _, c := range h {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

func errBadHash() error { return news.E(news.EINVALID, "session.bad_key") }

// CreateSession inserts s; CreatedAt and LastSeenAt default to now.
func (db *DB) CreateSession(ctx context.Context, s *news.Session) error {
	if !validHash(s.TokenHash) {
		return errBadHash()
	}
	if s.CreatedAt.IsZero() {
		s.CreatedAt = db.now()
	}
	if s.LastSeenAt.IsZero() {
		s.LastSeenAt = s.CreatedAt
	}
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at,
			expires_at, remember, data) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			s.TokenHash, s.UserID, toMs(s.CreatedAt), toMs(s.LastSeenAt), toMs(s.ExpiresAt), s.Remember, s.Data)
		return err
	})
	return mapErr(err, sessionErrs)
}

// SessionByTokenHash returns the session, expired or not.
func (db *DB) SessionByTokenHash(ctx context.Context, tokenHash string) (news.Session, error) {
	s := news.Session{TokenHash: tokenHash}
	var created, seen, expires int64
	err := db.read.QueryRowContext(ctx, `SELECT user_id, created_at, last_seen_at, expires_at, remember, data
		FROM sessions WHERE token_hash = ?`, tokenHash).
		Scan(&s.UserID, &created, &seen, &expires, &s.Remember, &s.Data)
	s.CreatedAt, s.LastSeenAt, s.ExpiresAt = fromMs(created), fromMs(seen), fromMs(expires)
	return s, mapErr(err, sessionErrs)
}

// TouchSession moves a session's last-seen time and expiry.
func (db *DB) TouchSession(ctx context.Context, tokenHash string, lastSeen, expires time.Time) error {
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?`,
			toMs(lastSeen), toMs(expires), tokenHash)
		if err != nil {
			return err
		}
		return mustAffect(res, sessionErrs.notFound)
	})
	return mapErr(err, sessionErrs)
}

// DeleteSession removes one session.
func (db *DB) DeleteSession(ctx context.Context, tokenHash string) error {
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = ?`, tokenHash)
		return err
	})
	return mapErr(err, sessionErrs)
}

// DeleteUserSessions removes every session of userID but keepHash.
func (db *DB) DeleteUserSessions(ctx context.Context, userID int64, keepHash string) (int, error) {
	var n int64
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?`, userID, keepHash)
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	return int(n), mapErr(err, sessionErrs)
}

// PurgeExpiredSessions removes sessions and reset tokens expired at now.
func (db *DB) PurgeExpiredSessions(ctx context.Context, now time.Time) (int, error) {
	var total int64
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		for _, q := range []string{`DELETE FROM sessions WHERE expires_at <= ?`, `DELETE FROM password_resets WHERE expires_at <= ?`} {
			res, err := tx.ExecContext(ctx, q, toMs(now))
			if err != nil {
				return err
			}
			n, err := res.RowsAffected()
			if err != nil {
				return err
			}
			total += n
		}
		return nil
	})
	return int(total), mapErr(err, sessionErrs)
}

// CreatePasswordReset stores a reset token's hash.
func (db *DB) CreatePasswordReset(ctx context.Context, tokenHash string, userID int64, expires time.Time) error {
	if !validHash(tokenHash) {
		return errBadHash()
	}
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO password_resets (token_hash, user_id, created_at, expires_at)
			VALUES (?, ?, ?, ?)`, tokenHash, userID, toMs(db.now()), toMs(expires))
		return err
	})
	return mapErr(err, sessionErrs)
}

// ConsumePasswordReset uses a token once: deleting it in the same write
// that reads it is what makes a second use fail, even when concurrent.
// The user's other reset tokens go with it.
func (db *DB) DeletePasswordResets(ctx context.Context, userID int64) error {
	return db.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM password_resets WHERE user_id = ?`, userID)
		return err
	})
}

func (db *DB) ConsumePasswordReset(ctx context.Context, tokenHash string, now time.Time) (int64, error) {
	var userID, expires int64
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `DELETE FROM password_resets WHERE token_hash = ?
			RETURNING user_id, expires_at`, tokenHash).Scan(&userID, &expires)
		if err == sql.ErrNoRows || (err == nil && toMs(now) >= expires) {
			return &news.Error{Code: news.EINVALID, Text: msgResetInvalid}
		} else if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM password_resets WHERE user_id = ?`, userID)
		return err
	})
	if err != nil {
		return 0, mapErr(err, sessionErrs)
	}
	return userID, nil
}
