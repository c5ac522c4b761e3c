package auth

import (
	"context"
	"fmt"
	"log/slog"
	"net/url"

	"manset/internal/news"
)

// CreateUser makes an account with any role, for `manset user add`. It is
// not rate-limited: only the operator reaches it.
func (s *Service) CreateUser(ctx context.Context, email, name string, role news.Role, password string) (news.User, error) {
	u := news.User{Email: email, Name: name, Role: role}
	if err := u.Validate(); err != nil {
		return news.User{}, err
	}
	if err := ValidatePassword(password); err != nil {
		return news.User{}, err
	}
	u.PasswordHash = HashPassword(password, s.cfg.Params)
	if err := s.store.CreateUser(ctx, &u); err != nil {
		return news.User{}, err
	}
	s.audit(ctx, 0, "user.add", userTarget(u.ID), string(u.Role))
	return u, nil
}

func userTarget(id int64) string { return fmt.Sprintf("user:%d", id) }

// ChangePassword sets a new password after checking the current one, ends
// every other session of the user (keepToken, the caller's session, stays)
// and cancels reset links mailed before: whoever holds an old link must
// not undo the change. Wrong guesses count against the login limit of the account.
func (s *Service) ChangePassword(ctx context.Context, userID int64, keepToken, current, next string) error {
	u, err := s.store.User(ctx, userID)
	if err != nil {
		return err
	}
	if err := s.loginAccount.Allow(ctx, u.Email); err != nil {
		return err
	}
	if !s.checkPassword(u.PasswordHash, current) {
		return news.E(news.EINVALID, "auth.wrong_current_password")
	}
	if err := ValidatePassword(next); err != nil {
		return err
	}
	u.PasswordHash = HashPassword(next, s.cfg.Params)
	if err := s.store.UpdateUser(ctx, &u); err != nil {
		return err
	}
	keep := ""
	if wellFormed(keepToken) {
		keep = HashToken(keepToken)
	}
	if _, err := s.store.DeleteUserSessions(ctx, u.ID, keep); err != nil {
		return err
	}
	return s.store.DeletePasswordResets(ctx, u.ID)
}

// RequestPasswordReset mails a single-use reset link when email belongs to
// an active account. It answers the same either way: only the rate limits
// (per ip, and per e-mail whether known or not) produce an error.
func (s *Service) RequestPasswordReset(ctx context.Context, ip, email string) error {
	email = normalEmail(email)
	if err := s.resetIP.Allow(ctx, ip); err != nil {
		return err
	}
	if err := s.resetAccount.Allow(ctx, email); err != nil {
		return err
	}
	u, err := s.store.UserByEmail(ctx, email)
	if err != nil || u.Disabled {
		if err != nil && !news.IsNotFound(err) {
			s.log.Error("auth: reset lookup failed", slog.Any("err", err))
		}
		return nil
	}
	token := NewToken()
	if err := s.store.CreatePasswordReset(ctx, HashToken(token), u.ID, s.now().Add(s.cfg.ResetTTL)); err != nil {
		s.log.Error("auth: storing reset token failed", slog.Any("err", err))
		return nil
	}
	link := s.link(s.cfg.ResetPath + "?token=" + url.QueryEscape(token))
	s.sendLater(ctx, u.Email, "Manşet: şifre yenileme",
		fmt.Sprintf("Merhaba %s,\n\nŞifrenizi yenilemek için bu bağlantıyı %d dakika içinde açın:\n\n%s\n\n"+
			"Bu isteği siz yapmadıysanız iletiyi yok sayın; şifreniz değişmez.\n",
			u.Name, int(s.cfg.ResetTTL.Minutes()), link))
	return nil
}

// ResetPassword sets a new password with a reset token, once, and ends
// every session of the user. A bad password leaves the token usable.
func (s *Service) ResetPassword(ctx context.Context, token, password string) error {
	if err := ValidatePassword(password); err != nil {
		return err
	}
	invalid := news.E(news.EINVALID, "auth.reset_link_invalid")
	if !wellFormed(token) {
		return invalid
	}
	userID, err := s.store.ConsumePasswordReset(ctx, HashToken(token), s.now())
	if err != nil {
		return err
	}
	u, err := s.store.User(ctx, userID)
	if err != nil {
		return err
	}
	u.PasswordHash = HashPassword(password, s.cfg.Params)
	if err := s.store.UpdateUser(ctx, &u); err != nil {
		return err
	}
	_, err = s.store.DeleteUserSessions(ctx, u.ID, "")
	return err
}

// SetRole changes a user's role. Only an admin may, and not their own, so
// the last admin cannot lock everyone out by mistake.
func (s *Service) SetRole(ctx context.Context, actor news.User, userID int64, role news.Role) error {
	u, err := s.adminTarget(ctx, actor, userID)
	if err != nil {
		return err
	}
	if !role.Valid() {
		return news.E(news.EINVALID, "user.unknown_role", role)
	}
	old := u.Role
	u.Role = role
	if err := s.store.UpdateUser(ctx, &u); err != nil {
		return err
	}
	s.audit(ctx, actor.ID, "user.role", userTarget(u.ID), fmt.Sprintf("%s -> %s", old, role))
	return nil
}

// Disable turns a user's access off (ending all their sessions) or on.
// Only an admin may, and not for their own account.
func (s *Service) Disable(ctx context.Context, actor news.User, userID int64, disabled bool) error {
	u, err := s.adminTarget(ctx, actor, userID)
	if err != nil {
		return err
	}
	u.Disabled = disabled
	if err := s.store.UpdateUser(ctx, &u); err != nil {
		return err
	}
	if disabled {
		if _, err := s.store.DeleteUserSessions(ctx, u.ID, ""); err != nil {
			return err
		}
		if err := s.store.DeletePasswordResets(ctx, u.ID); err != nil {
			return err
		}
	}
	s.audit(ctx, actor.ID, "user.disable", userTarget(u.ID), fmt.Sprint(disabled))
	return nil
}

// adminTarget checks that actor is an active admin acting on someone else,
// and loads that user.
func (s *Service) adminTarget(ctx context.Context, actor news.User, userID int64) (news.User, error) {
	if actor.Role != news.RoleAdmin || actor.Disabled {
		return news.User{}, news.E(news.EFORBIDDEN, "auth.admin_required")
	}
	if actor.ID == userID {
		return news.User{}, news.E(news.EFORBIDDEN, "auth.own_account")
	}
	return s.store.User(ctx, userID)
}
