package news

import (
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"
)

// Role is what a user may do.
type Role string

// Roles, from least to most powerful.
const (
	RoleReader Role = "reader"
	RoleEditor Role = "editor"
	RoleAdmin  Role = "admin"
)

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return r == RoleReader || r == RoleEditor || r == RoleAdmin }

// CanEdit reports whether the role may use the newsroom.
func (r Role) CanEdit() bool { return r == RoleEditor || r == RoleAdmin }

// User is an account: a reader, an editor or an admin.
type User struct {
	ID           int64
	Email        string // never shown publicly
	Name         string
	Role         Role
	PasswordHash string
	Disabled     bool
	CreatedAt    time.Time
}

// Validate checks a user's fields and normalises the e-mail.
func (u *User) Validate() error {
	u.Name = strings.TrimSpace(u.Name)
	u.Email = strings.ToLower(strings.TrimSpace(u.Email)) // e-mail addresses are ASCII-lowercased, not Turkish-lowercased
	if u.Name == "" || utf8.RuneCountInString(u.Name) > 100 {
		return E(EINVALID, "user.name_required", 100)
	}
	if a, err := mail.ParseAddress(u.Email); err != nil || a.Address != u.Email {
		return E(EINVALID, "user.email_invalid")
	}
	if u.Role == "" {
		u.Role = RoleReader
	}
	if !u.Role.Valid() {
		return E(EINVALID, "user.unknown_role", u.Role)
	}
	return nil
}
