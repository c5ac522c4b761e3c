package news

import (
	"context"
	"strconv"
	"strings"
	"time"
)

// Session is a logged-in browser. The store keeps only a SHA-256 of the
// session token, so a leaked database does not leak live sessions.
type Session struct {
	TokenHash  string // hex SHA-256 of the token the cookie carries
	UserID     int64
	CreatedAt  time.Time
	ExpiresAt  time.Time
	LastSeenAt time.Time
	Remember   bool   // "beni hatırla": a long-lived, persistent cookie
	Data       string // small opaque payload for the web layer (e.g. JSON)
}

// Expired reports whether the session is over at time now.
func (s *Session) Expired(now time.Time) bool { return !now.Before(s.ExpiresAt) }

// AuditEntry records one admin or editor action, for accountability.
type AuditEntry struct {
	ID        int64
	At        time.Time
	ActorID   int64  // 0 for the system or the CLI
	ActorName string // filled by reads
	Action    string // e.g. "user.role", "comment.status", "article.update"
	Target    string // e.g. "user:12", "comment:40"
	Detail    string
}

// Revision is an earlier version of an article, kept when it is edited.
type Revision struct {
	ID         int64
	ArticleID  int64
	EditorID   int64  // 0 when unknown (ingest, CLI)
	EditorName string // filled by reads
	At         time.Time
	Title      string
	Summary    string
	BodyHTML   string
	BodyText   string
	Status     Status
}

// DayCount is a number for one calendar day, for the dashboard chart.
type DayCount struct {
	Day   string // YYYY-MM-DD
	Count int
}

// actorKey is the context key of the acting user.
type actorKey struct{}

// WithActor returns a context saying that user id performs the operations
// done with it; stores use it to attribute revisions.
func WithActor(ctx context.Context, userID int64) context.Context {
	return context.WithValue(ctx, actorKey{}, userID)
}

// ActorFrom returns the user id set by WithActor, or 0.
func ActorFrom(ctx context.Context) int64 {
	id, _ := ctx.Value(actorKey{}).(int64)
	return id
}

// ReactionCounts maps every reaction kind to its number of readers.
type ReactionCounts map[ReactionKind]int

// NewReactionCounts returns counts with all six kinds at zero.
func NewReactionCounts() ReactionCounts {
	c := make(ReactionCounts, len(Reactions))
	for _, r := range Reactions {
		c[r.Kind] = 0
	}
	return c
}

// A reader is who reacts: "u:<user id>" for members, "a:<cookie id>" for
// anonymous readers identified by a random cookie.
const (
	readerUserPrefix = "u:"
	readerAnonPrefix = "a:"
	maxAnonIDLen     = 64
)

// UserReader returns the reader key of a member.
func UserReader(userID int64) string { return readerUserPrefix + strconv.FormatInt(userID, 10) }

// AnonReader returns the reader key of an anonymous cookie id.
func AnonReader(cookieID string) string { return readerAnonPrefix + cookieID }

// ValidReader reports whether s is a well-formed reader key.
func ValidReader(s string) bool {
	if rest, ok := strings.CutPrefix(s, readerUserPrefix); ok {
		id, err := strconv.ParseInt(rest, 10, 64)
		return err == nil && id > 0 && strconv.FormatInt(id, 10) == rest
	}
	rest, ok := strings.CutPrefix(s, readerAnonPrefix)
	if !ok || rest == "" || len(rest) > maxAnonIDLen {
		return false
	}
	for _, c := range rest {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}
