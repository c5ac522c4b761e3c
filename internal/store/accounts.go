package store

import (
	"context"
	"time"

	"manset/internal/news"
)

// Users stores accounts.
type Users interface {
	// CreateUser validates and inserts u, setting ID and CreatedAt. An
	// e-mail already in use (case-insensitively) is ECONFLICT.
	CreateUser(ctx context.Context, u *news.User) error
	// User returns one user; unknown id is ENOTFOUND.
	User(ctx context.Context, id int64) (news.User, error)
	// UserByEmail finds a user by e-mail, case-insensitively, or ENOTFOUND.
	UserByEmail(ctx context.Context, email string) (news.User, error)
	// ListUsers returns every user, oldest first.
	ListUsers(ctx context.Context) ([]news.User, error)
	// UpdateUser replaces e-mail, name, role, disabled and password hash.
	UpdateUser(ctx context.Context, u *news.User) error
}

// Sessions stores logged-in sessions and password-reset tokens, both by
// the SHA-256 of their token only.
type Sessions interface {
	// CreateSession inserts s; CreatedAt and LastSeenAt default to now.
	CreateSession(ctx context.Context, s *news.Session) error
	// SessionByTokenHash returns the session, expired or not, or ENOTFOUND.
	SessionByTokenHash(ctx context.Context, tokenHash string) (news.Session, error)
	// TouchSession moves a session's expiry and last-seen time (sliding
	// renewal); an unknown session is ENOTFOUND.
	TouchSession(ctx context.Context, tokenHash string, lastSeen, expires time.Time) error
	// DeleteSession removes one session; unknown ones are not an error.
	DeleteSession(ctx context.Context, tokenHash string) error
	// DeleteUserSessions removes every session of userID except keepHash
	// (which may be ""), returning how many went.
	DeleteUserSessions(ctx context.Context, userID int64, keepHash string) (int, error)
	// PurgeExpiredSessions removes sessions and reset tokens expired at now.
	PurgeExpiredSessions(ctx context.Context, now time.Time) (int, error)
	// CreatePasswordReset stores a reset token's hash for userID.
	CreatePasswordReset(ctx context.Context, tokenHash string, userID int64, expires time.Time) error
	// ConsumePasswordReset uses a token once, atomically: it returns the
	// user id and invalidates every reset token of that user. A token that
	// is unknown, used or expired at now is EINVALID.
	ConsumePasswordReset(ctx context.Context, tokenHash string, now time.Time) (int64, error)
	// DeletePasswordResets cancels every pending reset token of userID, so
	// a link mailed before a password change or a disabling is dead.
	DeletePasswordResets(ctx context.Context, userID int64) error
}

// Reactions stores one reaction per reader per article. A reader is
// news.UserReader or news.AnonReader. Reactions do not change the content
// version: pages load counts separately so that votes do not flush caches.
type Reactions interface {
	// SetReaction gives or moves reader's reaction and returns the counts.
	SetReaction(ctx context.Context, articleID int64, reader string, kind news.ReactionKind) (news.ReactionCounts, error)
	// ClearReaction withdraws reader's reaction (if any) and returns the counts.
	ClearReaction(ctx context.Context, articleID int64, reader string) (news.ReactionCounts, error)
	// ReactionCounts returns the counts of all six kinds.
	ReactionCounts(ctx context.Context, articleID int64) (news.ReactionCounts, error)
	// ReaderReaction returns reader's reaction on the article, or "".
	ReaderReaction(ctx context.Context, articleID int64, reader string) (news.ReactionKind, error)
	// MergeReader moves from's reactions to reader to (on login); where to
	// already reacted to the same article, to's reaction stays.
	MergeReader(ctx context.Context, from, to string) error
}

// Comments stores readers' comments.
type Comments interface {
	// CreateComment validates and inserts c with the status it carries,
	// setting ID and CreatedAt. A reply to a reply is attached to the top
	// comment, so threads stay one level deep.
	CreateComment(ctx context.Context, c *news.Comment) error
	// Comment returns one comment with every field (for editors).
	Comment(ctx context.Context, id int64) (news.Comment, error)
	// ListComments returns an article's comments with the given status,
	// oldest thread first, each reply right after its parent. The result
	// type has no e-mail: it is safe to show.
	ListComments(ctx context.Context, articleID int64, status news.CommentStatus) ([]news.PublicComment, error)
	// ListCommentsForModeration returns comments with status, newest
	// first, with their article titles, and how many there are in all.
	ListCommentsForModeration(ctx context.Context, status news.CommentStatus, limit, offset int) ([]news.ModerationComment, int, error)
	// SetCommentStatus changes one comment's status; unknown id is ENOTFOUND.
	SetCommentStatus(ctx context.Context, id int64, status news.CommentStatus) error
	// SetCommentsStatus changes many and returns how many existed.
	SetCommentsStatus(ctx context.Context, ids []int64, status news.CommentStatus) (int, error)
	// CountComments counts comments with status across the site.
	CountComments(ctx context.Context, status news.CommentStatus) (int, error)
	// AuthorHasApprovedComment reports whether the member userID (when
	// non-zero) or the e-mail has an approved comment anywhere.
	AuthorHasApprovedComment(ctx context.Context, email string, userID int64) (bool, error)
}

// Audit stores the log of admin and editor actions.
type Audit interface {
	// AddAudit records e, setting ID and At.
	AddAudit(ctx context.Context, e *news.AuditEntry) error
	// ListAudit returns the latest entries, newest first.
	ListAudit(ctx context.Context, limit int) ([]news.AuditEntry, error)
}

// Revisions reads the earlier versions UpdateArticle keeps. Each update
// that changes the title, summary, body or status saves the previous
// version, attributed to news.ActorFrom(ctx).
type Revisions interface {
	// ListRevisions returns an article's revisions, newest first.
	ListRevisions(ctx context.Context, articleID int64) ([]news.Revision, error)
}

// Stats keeps daily numbers for the newsroom dashboard. Days are calendar
// days in the location of the times given.
type Stats interface {
	// AddViews adds counts (article id -> views) to day's totals in one
	// write, so callers can batch page views in memory.
	AddViews(ctx context.Context, day time.Time, counts map[int64]int) error
	// ViewsPerDay returns total views per day from from's day to to's day,
	// every day present (zero when none).
	ViewsPerDay(ctx context.Context, from, to time.Time) ([]news.DayCount, error)
	// ReactionsPerDay returns how many current reactions were first given
	// on each day from from's day to to's day.
	ReactionsPerDay(ctx context.Context, from, to time.Time) ([]news.DayCount, error)
}
