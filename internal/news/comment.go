package news

import (
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxCommentNameLen is the longest commenter name accepted, in characters.
const MaxCommentNameLen = 100

// CommentStatus is where a comment is in moderation.
type CommentStatus string

// Comment statuses.
const (
	CommentPending  CommentStatus = "pending"
	CommentApproved CommentStatus = "approved"
	CommentSpam     CommentStatus = "spam"
	CommentDeleted  CommentStatus = "deleted"
)

// Valid reports whether s is a known status.
func (s CommentStatus) Valid() bool {
	switch s {
	case CommentPending, CommentApproved, CommentSpam, CommentDeleted:
		return true
	}
	return false
}

// Comment is a reader's plain-text comment on an article.
type Comment struct {
	ID        int64
	ArticleID int64
	ParentID  int64 // 0 for top level; replies are one level deep
	UserID    int64 // 0 for guests
	Name      string
	Email     string // stored, never rendered or returned publicly
	Body      string
	Status    CommentStatus
	IP        string
	CreatedAt time.Time
}

// MaxCommentLen is the longest comment body accepted, in characters.
const MaxCommentLen = 4000

// PublicComment is a comment as readers see it. It has no e-mail or IP
// field, so public lists cannot leak them.
type PublicComment struct {
	ID        int64
	ArticleID int64
	ParentID  int64 // 0 for top level
	Member    bool  // written by a logged-in account
	Name      string
	Body      string
	CreatedAt time.Time
}

// ModerationComment is a comment in the moderation queue, with the article
// it belongs to.
type ModerationComment struct {
	Comment
	ArticleTitle string
	ArticleSlug  string
}

// Public returns what readers may see of c.
func (c *Comment) Public() PublicComment {
	return PublicComment{ID: c.ID, ArticleID: c.ArticleID, ParentID: c.ParentID, Member: c.UserID != 0,
		Name: c.Name, Body: c.Body, CreatedAt: c.CreatedAt}
}

// Validate checks a comment's fields, trims them and lowercases the e-mail.
// Guests must give a valid e-mail; members' may be empty.
func (c *Comment) Validate() error {
	c.Name = strings.TrimSpace(c.Name)
	c.Email = strings.ToLower(strings.TrimSpace(c.Email))
	c.Body = strings.TrimSpace(c.Body)
	switch {
	case !utf8.ValidString(c.Name) || !utf8.ValidString(c.Body) || !utf8.ValidString(c.Email):
		return E(EINVALID, "text.invalid_utf8")
	case c.Name == "" || utf8.RuneCountInString(c.Name) > MaxCommentNameLen:
		return E(EINVALID, "user.name_required", MaxCommentNameLen)
	case c.Body == "":
		return E(EINVALID, "comment.body_required")
	case utf8.RuneCountInString(c.Body) > MaxCommentLen:
		return E(ETOOLARGE, "comment.too_long", MaxCommentLen)
	case c.ArticleID <= 0:
		return E(EINVALID, "comment.article_required")
	}
	if c.Email != "" || c.UserID == 0 {
		if a, err := mail.ParseAddress(c.Email); err != nil || a.Address != c.Email || len(c.Email) > 254 {
			return E(EINVALID, "user.email_invalid")
		}
	}
	if c.Status == "" {
		c.Status = CommentPending
	}
	if !c.Status.Valid() {
		return E(EINVALID, "comment.unknown_status", c.Status)
	}
	return nil
}
