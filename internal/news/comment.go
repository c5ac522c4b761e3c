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
		return Errorf(EINVALID, "Metin geçerli UTF-8 değil.")
	case c.Name == "" || utf8.RuneCountInString(c.Name) > MaxCommentNameLen:
		return Errorf(EINVALID, "Ad gerekli (en fazla %d karakter).", MaxCommentNameLen)
	case c.Body == "":
		return Errorf(EINVALID, "Yorum boş olamaz.")
	case utf8.RuneCountInString(c.Body) > MaxCommentLen:
		return Errorf(ETOOLARGE, "Yorum en fazla %d karakter olabilir.", MaxCommentLen)
	case c.ArticleID <= 0:
		return Errorf(EINVALID, "Yorumun haberi belirtilmeli.")
	}
	if c.Email != "" || c.UserID == 0 {
		if a, err := mail.ParseAddress(c.Email); err != nil || a.Address != c.Email || len(c.Email) > 254 {
			return Errorf(EINVALID, "Geçerli bir e-posta adresi girin.")
		}
	}
	if c.Status == "" {
		c.Status = CommentPending
	}
	if !c.Status.Valid() {
		return Errorf(EINVALID, "Bilinmeyen yorum durumu: %q.", c.Status)
	}
	return nil
}
