package sqlite

import (
	"context"
	"database/sql"
	"strings"

	"manset/internal/news"
)

var msgUserNotFound = news.T("user.not_found")

var userErrs = errMessages{
	op:       "user",
	notFound: msgUserNotFound,
	conflict: news.T("user.email_taken"),
}

const userColumns = `id, email, name, role, password_hash, disabled, created_at`

func scanUser(sc scanner) (news.User, error) {
	var u news.User
	var created int64
	err := sc.Scan(&u.ID, &u.Email, &u.Name, &u.Role, &u.PasswordHash, &u.Disabled, &created)
	u.CreatedAt = fromMs(created)
	return u, err
}

// CreateUser validates and inserts u, setting ID and CreatedAt. A taken
// e-mail (case-insensitively) is ECONFLICT.
func (db *DB) CreateUser(ctx context.Context, u *news.User) error {
	if err := u.Validate(); err != nil {
		return err
	}
	u.CreatedAt = db.now()
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO users (email, name, role, password_hash, disabled, created_at)
			VALUES (?, ?, ?, ?, ?, ?)`, u.Email, u.Name, string(u.Role), u.PasswordHash, u.Disabled, toMs(u.CreatedAt))
		if err != nil {
			return err
		}
		u.ID, err = res.LastInsertId()
		return err
	})
	return mapErr(err, userErrs)
}

// User returns one user.
func (db *DB) User(ctx context.Context, id int64) (news.User, error) {
	u, err := scanUser(db.read.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE id = ?`, id))
	return u, mapErr(err, userErrs)
}

// UserByEmail finds a user by e-mail, ignoring case and surrounding space.
func (db *DB) UserByEmail(ctx context.Context, email string) (news.User, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	u, err := scanUser(db.read.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE email = ?`, email))
	return u, mapErr(err, userErrs)
}

// ListUsers returns every user, oldest first.
func (db *DB) ListUsers(ctx context.Context) ([]news.User, error) {
	list := []news.User{}
	err := db.inRead(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+userColumns+` FROM users ORDER BY id`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			u, err := scanUser(rows)
			if err != nil {
				return err
			}
			list = append(list, u)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, mapErr(err, userErrs)
	}
	return list, nil
}

// UpdateUser replaces u's e-mail, name, role, disabled flag and password
// hash; CreatedAt is read back from the database.
func (db *DB) UpdateUser(ctx context.Context, u *news.User) error {
	if err := u.Validate(); err != nil {
		return err
	}
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		var created int64
		err := tx.QueryRowContext(ctx, `UPDATE users SET email = ?, name = ?, role = ?, password_hash = ?,
			disabled = ? WHERE id = ? RETURNING created_at`,
			u.Email, u.Name, string(u.Role), u.PasswordHash, u.Disabled, u.ID).Scan(&created)
		u.CreatedAt = fromMs(created)
		return err
	})
	return mapErr(err, userErrs)
}
