package web

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"strings"
	"time"

	"manset/internal/news"
)

// A comment form carries a signed time: a person needs a few seconds to
// write; a bot posting the moment it loads the form is refused. Tokens
// expire so a scraped one cannot be replayed for ever.
const (
	minFillTime   = 3 * time.Second
	maxTokenAge   = 48 * time.Hour
	tokenSigBytes = 16
)

// commentToken returns a form token for articleID issued at t.
func (s *Server) commentToken(articleID int64, t time.Time) string {
	ms := strconv.FormatInt(t.UnixMilli(), 10)
	return ms + "." + s.commentSig(articleID, ms)
}

func (s *Server) commentSig(articleID int64, ms string) string {
	m := hmac.New(sha256.New, s.secret)
	m.Write([]byte("comment-form\x00" + strconv.FormatInt(articleID, 10) + "\x00" + ms))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil)[:tokenSigBytes])
}

// checkCommentToken verifies a form token for articleID at now.
func (s *Server) checkCommentToken(token string, articleID int64, now time.Time) error {
	ms, sig, ok := strings.Cut(token, ".")
	n, err := strconv.ParseInt(ms, 10, 64)
	if !ok || err != nil || !hmac.Equal([]byte(sig), []byte(s.commentSig(articleID, ms))) {
		return news.E(news.EINVALID, "comment.form_invalid")
	}
	age := now.Sub(time.UnixMilli(n))
	switch {
	case age < minFillTime:
		return news.E(news.EINVALID, "comment.too_fast")
	case age > maxTokenAge:
		return news.E(news.EINVALID, "comment.form_expired")
	}
	return nil
}

// Values of the comments.moderation setting.
const (
	settingModeration = "comments.moderation"
	ModerateGuests    = "guests" // default: guests' comments wait, members' appear
	ModerateAll       = "all"
	ModerateFirst     = "first" // until the author has an approved comment
	ModerateLinks     = "links" // comments containing links wait
	ModerateNone      = "none"
)

// CommentPolicies lists the moderation policies with Turkish labels, for
// the newsroom's settings page.
var CommentPolicies = []struct{ Value, Label string }{
	{ModerateGuests, "Ziyaretçi yorumları onay bekler, üyelerinki hemen yayımlanır (varsayılan)"},
	{ModerateAll, "Tüm yorumlar onay bekler"},
	{ModerateFirst, "Yazarın onaylanmış yorumu yoksa onay bekler"},
	{ModerateLinks, "Bağlantı içeren yorumlar onay bekler"},
	{ModerateNone, "Yorumlar hemen yayımlanır"},
}

// commentStatus decides whether c appears at once or waits for an editor.
// trusted is false when the submission skipped the form's time check.
func (s *Server) commentStatus(ctx context.Context, c *news.Comment, author *news.User, trusted bool) (news.CommentStatus, error) {
	if author != nil && author.Role.CanEdit() {
		return news.CommentApproved, nil
	}
	if !trusted {
		return news.CommentPending, nil
	}
	policy, err := s.engage.Setting(ctx, settingModeration)
	if err != nil {
		return "", err
	}
	hold := false
	switch strings.TrimSpace(policy) {
	case ModerateNone:
	case ModerateAll:
		hold = true
	case ModerateLinks:
		hold = hasLink(c.Body)
	case ModerateFirst:
		ok, err := s.engage.AuthorHasApprovedComment(ctx, c.Email, c.UserID)
		if err != nil {
			return "", err
		}
		hold = !ok
	default: // ModerateGuests, unset or unknown: the safe choice
		hold = author == nil
	}
	if hold {
		return news.CommentPending, nil
	}
	return news.CommentApproved, nil
}
