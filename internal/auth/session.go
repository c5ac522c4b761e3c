package auth

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"manset/internal/news"
)

// Register creates a reader account and logs it in, returning the new
// session's token. Signups are rate-limited per ip.
//
// An e-mail already registered gets EINVALID with a fixed message that
// points to login and password reset, and the owner is told by mail.
// This does reveal that the address is taken (only e-mail verification
// could hide it); the per-IP limit keeps anyone from asking in bulk.
func (s *Service) Register(ctx context.Context, ip, email, name, password string) (news.User, string, error) {
	if err := s.signupIP.Allow(ctx, ip); err != nil {
		return news.User{}, "", err
	}
	u := news.User{Email: email, Name: name, Role: news.RoleReader}
	if err := u.Validate(); err != nil {
		return news.User{}, "", err
	}
	if err := ValidatePassword(password); err != nil {
		return news.User{}, "", err
	}
	u.PasswordHash = HashPassword(password, s.cfg.Params)
	if err := s.store.CreateUser(ctx, &u); news.ErrorCode(err) == news.ECONFLICT {
		s.sendLater(ctx, u.Email, "Manşet: bu adresle kayıt denemesi",
			"Bu e-posta adresiyle yeni bir hesap açılmak istendi, ama adresinizle zaten bir hesap var.\n\n"+
				"Siz değilseniz bu iletiyi yok sayabilirsiniz. Şifrenizi unuttuysanız: "+s.link("/giris")+"\n")
		return news.User{}, "", news.E(news.EINVALID, "auth.signup_failed")
	} else if err != nil {
		return news.User{}, "", err
	}
	token, err := s.newSession(ctx, u.ID, false)
	return u, token, err
}

// Login checks e-mail and password and opens a new session, returning its
// token; the caller drops any session the browser had before (rotation).
// An unknown e-mail and a wrong password give the same error after the
// same work: one argon2 verification. Attempts are limited per ip and per
// e-mail, whether or not it has an account.
func (s *Service) Login(ctx context.Context, ip, email, password string, remember bool) (news.User, string, error) {
	email = normalEmail(email)
	if err := s.loginIP.Allow(ctx, ip); err != nil {
		return news.User{}, "", err
	}
	if err := s.loginAccount.Allow(ctx, email); err != nil {
		return news.User{}, "", err
	}
	u, err := s.store.UserByEmail(ctx, email)
	if err != nil && !news.IsNotFound(err) {
		return news.User{}, "", err
	}
	if !s.checkPassword(u.PasswordHash, password) {
		return news.User{}, "", errLogin()
	}
	// Said only to someone who knows the password, so it reveals nothing.
	if u.Disabled {
		return news.User{}, "", news.E(news.EFORBIDDEN, "auth.account_disabled")
	}
	if NeedsRehash(u.PasswordHash, s.cfg.Params) {
		u.PasswordHash = HashPassword(password, s.cfg.Params)
		if err := s.store.UpdateUser(ctx, &u); err != nil {
			s.log.Warn("auth: password rehash failed", slog.Int64("user", u.ID), slog.Any("err", err))
		}
	}
	token, err := s.newSession(ctx, u.ID, remember)
	return u, token, err
}

// newSession stores a session for userID and returns its token.
func (s *Service) newSession(ctx context.Context, userID int64, remember bool) (string, error) {
	token, now := NewToken(), s.now()
	sess := news.Session{TokenHash: HashToken(token), UserID: userID, CreatedAt: now, LastSeenAt: now,
		ExpiresAt: now.Add(s.ttl(remember)), Remember: remember}
	if err := s.store.CreateSession(ctx, &sess); err != nil {
		return "", fmt.Errorf("auth: create session: %w", err)
	}
	return token, nil
}

func (s *Service) ttl(remember bool) time.Duration {
	if remember {
		return s.cfg.RememberTTL
	}
	return s.cfg.SessionTTL
}

// Logout ends the session of token; an unknown token is not an error.
func (s *Service) Logout(ctx context.Context, token string) error {
	if !wellFormed(token) {
		return nil
	}
	return s.store.DeleteSession(ctx, HashToken(token))
}

// touchEvery limits sliding renewal to one write per session per minute.
const touchEvery = time.Minute

// SessionUser returns the user and session of token. Sessions slide: use
// pushes the expiry a full TTL ahead, but never past MaxAge after login.
// An unknown, expired or disabled user's session is EUNAUTHORIZED.
func (s *Service) SessionUser(ctx context.Context, token string) (news.User, news.Session, error) {
	if !wellFormed(token) {
		return news.User{}, news.Session{}, errSession()
	}
	sess, err := s.store.SessionByTokenHash(ctx, HashToken(token))
	if news.IsNotFound(err) {
		return news.User{}, news.Session{}, errSession()
	} else if err != nil {
		return news.User{}, news.Session{}, err
	}
	now := s.now()
	if sess.Expired(now) {
		s.store.DeleteSession(ctx, sess.TokenHash)
		return news.User{}, news.Session{}, errSession()
	}
	u, err := s.store.User(ctx, sess.UserID)
	if err != nil && !news.IsNotFound(err) {
		return news.User{}, news.Session{}, err
	}
	if err != nil || u.Disabled {
		s.store.DeleteSession(ctx, sess.TokenHash)
		return news.User{}, news.Session{}, errSession()
	}
	if now.Sub(sess.LastSeenAt) >= touchEvery {
		expires := now.Add(s.ttl(sess.Remember))
		if limit := sess.CreatedAt.Add(s.cfg.MaxAge); expires.After(limit) {
			expires = limit
		}
		if err := s.store.TouchSession(ctx, sess.TokenHash, now, expires); err != nil {
			return news.User{}, news.Session{}, err
		}
		sess.LastSeenAt, sess.ExpiresAt = now, expires
	}
	return u, sess, nil
}

// link returns an absolute URL on the site.
func (s *Service) link(path string) string {
	return strings.TrimSuffix(s.cfg.BaseURL, "/") + path
}
