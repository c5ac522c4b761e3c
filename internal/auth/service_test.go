package auth

import (
	"strings"
	"testing"
	"time"

	"manset/internal/news"
)

func TestRegisterLoginLogout(t *testing.T) {
	e := newEnv(t, roomy)
	u, token := e.register(t, " Ayse@Ornek.Example ", "gizli-şifre-1")
	if u.ID == 0 || u.Role != news.RoleReader || u.Email != "ayse@ornek.example" {
		t.Fatalf("registered %+v", u)
	}
	if !strings.HasPrefix(u.PasswordHash, "$argon2id$v=19$") || strings.Contains(u.PasswordHash, "gizli") {
		t.Errorf("password stored as %q", u.PasswordHash)
	}
	if got, _, err := e.svc.SessionUser(t.Context(), token); err != nil || got.ID != u.ID {
		t.Fatalf("registration session: %+v, %v", got, err)
	}
	got, token2, err := e.svc.Login(t.Context(), "192.0.2.1", "AYSE@ornek.example", "gizli-şifre-1", false)
	if err != nil || got.ID != u.ID || token2 == token {
		t.Fatalf("Login = %+v, %q, %v", got, token2, err)
	}
	if err := e.svc.Logout(t.Context(), token2); err != nil {
		t.Fatal(err)
	}
	_, _, err = e.svc.SessionUser(t.Context(), token2)
	wantCode(t, err, news.EUNAUTHORIZED)
	if _, _, err := e.svc.SessionUser(t.Context(), token); err != nil {
		t.Errorf("logging out one session ended another: %v", err)
	}
}

func TestSessionTokenStoredHashed(t *testing.T) {
	e := newEnv(t, roomy)
	_, token := e.register(t, "ayse@ornek.example", "gizli-şifre-1")
	if _, err := e.db.SessionByTokenHash(t.Context(), token); !news.IsNotFound(err) {
		t.Errorf("session found by the raw token: %v", err)
	}
	if _, err := e.db.SessionByTokenHash(t.Context(), HashToken(token)); err != nil {
		t.Errorf("session not found by its hash: %v", err)
	}
}

func TestRegisterErrors(t *testing.T) {
	e := newEnv(t, roomy)
	e.register(t, "ayse@ornek.example", "gizli-şifre-1")
	for _, tc := range []struct{ name, email, password string }{
		{"short password", "yeni@ornek.example", "kısa"},
		{"long password", "yeni@ornek.example", strings.Repeat("ş", MaxPasswordLen+1)},
		{"bad e-mail", "yeni", "gizli-şifre-1"},
		{"taken e-mail", "AYSE@ornek.example", "başka-şifre-2"},
	} {
		_, _, err := e.svc.Register(t.Context(), "192.0.2.1", tc.email, "Ad", tc.password)
		if news.ErrorCode(err) != news.EINVALID {
			t.Errorf("%s: %v, want EINVALID", tc.name, err)
		}
	}
	e.svc.Wait()
	if m := e.mail.all(); len(m) != 1 || m[0].to != "ayse@ornek.example" {
		t.Errorf("owner of the taken address not told: %+v", m)
	}
}

// TestLoginNoEnumeration: an unknown e-mail and a wrong password give the
// same error and both run one argon2 verification.
func TestLoginNoEnumeration(t *testing.T) {
	e := newEnv(t, roomy)
	e.register(t, "ayse@ornek.example", "gizli-şifre-1")
	var msgs []string
	for _, email := range []string{"ayse@ornek.example", "yok@ornek.example"} {
		before := e.svc.hashes.Load()
		_, _, err := e.svc.Login(t.Context(), "192.0.2.1", email, "yanlış-şifre", false)
		wantCode(t, err, news.EUNAUTHORIZED)
		if n := e.svc.hashes.Load() - before; n != 1 {
			t.Errorf("%s: %d password verifications, want 1", email, n)
		}
		msgs = append(msgs, news.ErrorMessage(err))
	}
	if msgs[0] != msgs[1] {
		t.Errorf("messages differ: %q vs %q", msgs[0], msgs[1])
	}
}

func TestLoginBruteForceLimited(t *testing.T) {
	e := newEnv(t, Limits{})
	e.register(t, "ayse@ornek.example", "gizli-şifre-1")
	burst := DefaultLimits.LoginAccount.Burst
	for range burst {
		_, _, err := e.svc.Login(t.Context(), "198.51.100.1", "ayse@ornek.example", "deneme", false)
		wantCode(t, err, news.EUNAUTHORIZED)
	}
	// Now even the right password is refused, from any IP, until time passes.
	_, _, err := e.svc.Login(t.Context(), "203.0.113.9", "ayse@ornek.example", "gizli-şifre-1", false)
	wantCode(t, err, news.ERATELIMIT)
	e.clock.Advance(DefaultLimits.LoginAccount.Every)
	if _, _, err := e.svc.Login(t.Context(), "203.0.113.9", "ayse@ornek.example", "gizli-şifre-1", false); err != nil {
		t.Errorf("after waiting: %v", err)
	}
	// One IP spraying many accounts hits the per-IP limit.
	ipErrs := 0
	for i := range DefaultLimits.LoginIP.Burst + 1 {
		_, _, err := e.svc.Login(t.Context(), "198.51.100.7", strings.Repeat("x", i+1)+"@ornek.example", "deneme", false)
		if news.ErrorCode(err) == news.ERATELIMIT {
			ipErrs++
		}
	}
	if ipErrs != 1 {
		t.Errorf("%d rate-limited attempts from one IP, want 1", ipErrs)
	}
}

func TestSignupLimitedPerIP(t *testing.T) {
	e := newEnv(t, Limits{})
	var limited int
	for i := range DefaultLimits.SignupIP.Burst + 2 {
		_, _, err := e.svc.Register(t.Context(), "198.51.100.1", strings.Repeat("k", i+1)+"@ornek.example", "Ad", "gizli-şifre-1")
		if news.ErrorCode(err) == news.ERATELIMIT {
			limited++
		}
	}
	if limited != 2 {
		t.Errorf("%d signups limited, want 2", limited)
	}
}

func TestDisabledUserRefused(t *testing.T) {
	e := newEnv(t, roomy)
	admin, err := e.svc.CreateUser(t.Context(), "admin@ornek.example", "Yönetici", news.RoleAdmin, "yonetici-sifre")
	if err != nil {
		t.Fatal(err)
	}
	u, token := e.register(t, "ayse@ornek.example", "gizli-şifre-1")
	if err := e.svc.Disable(t.Context(), admin, u.ID, true); err != nil {
		t.Fatal(err)
	}
	_, _, err = e.svc.SessionUser(t.Context(), token)
	wantCode(t, err, news.EUNAUTHORIZED)
	_, _, err = e.svc.Login(t.Context(), "192.0.2.1", "ayse@ornek.example", "gizli-şifre-1", false)
	wantCode(t, err, news.EFORBIDDEN)
	_, _, err = e.svc.Login(t.Context(), "192.0.2.1", "ayse@ornek.example", "yanlış-şifre", false)
	wantCode(t, err, news.EUNAUTHORIZED) // a wrong password learns nothing about the account
	if err := e.svc.Disable(t.Context(), admin, u.ID, false); err != nil {
		t.Fatal(err)
	}
	if _, _, err := e.svc.Login(t.Context(), "192.0.2.1", "ayse@ornek.example", "gizli-şifre-1", false); err != nil {
		t.Errorf("re-enabled user: %v", err)
	}
}

func TestAdminOnlyAndAudited(t *testing.T) {
	e := newEnv(t, roomy)
	admin, _ := e.svc.CreateUser(t.Context(), "admin@ornek.example", "Yönetici", news.RoleAdmin, "yonetici-sifre")
	reader, _ := e.register(t, "ayse@ornek.example", "gizli-şifre-1")
	wantCode(t, e.svc.SetRole(t.Context(), reader, admin.ID, news.RoleReader), news.EFORBIDDEN)
	wantCode(t, e.svc.SetRole(t.Context(), admin, admin.ID, news.RoleReader), news.EFORBIDDEN)
	wantCode(t, e.svc.SetRole(t.Context(), admin, reader.ID, "root"), news.EINVALID)
	if err := e.svc.SetRole(t.Context(), admin, reader.ID, news.RoleEditor); err != nil {
		t.Fatal(err)
	}
	if u, _ := e.db.User(t.Context(), reader.ID); u.Role != news.RoleEditor {
		t.Errorf("role = %q", u.Role)
	}
	log, err := e.db.ListAudit(t.Context(), 10)
	if err != nil || len(log) < 2 || log[0].Action != "user.role" || log[0].ActorID != admin.ID {
		t.Errorf("audit = %+v, %v", log, err)
	}
}

func TestSessionExpiryAndSliding(t *testing.T) {
	e := newEnv(t, roomy)
	e.register(t, "ayse@ornek.example", "gizli-şifre-1")
	_, short, _ := e.svc.Login(t.Context(), "192.0.2.1", "ayse@ornek.example", "gizli-şifre-1", false)
	_, long, _ := e.svc.Login(t.Context(), "192.0.2.1", "ayse@ornek.example", "gizli-şifre-1", true)
	// Used every 10 hours, a 12-hour session keeps sliding.
	for range 3 {
		e.clock.Advance(10 * time.Hour)
		if _, _, err := e.svc.SessionUser(t.Context(), short); err != nil {
			t.Fatalf("active session ended: %v", err)
		}
	}
	e.clock.Advance(12 * time.Hour)
	// Expired by now: the short session and the unused one from Register.
	if n, err := e.svc.PurgeExpired(t.Context()); err != nil || n != 2 {
		t.Errorf("PurgeExpired = %d, %v; want 2 expired sessions", n, err)
	}
	_, _, err := e.svc.SessionUser(t.Context(), short)
	wantCode(t, err, news.EUNAUTHORIZED)
	_, sess, err := e.svc.SessionUser(t.Context(), long)
	if err != nil || !sess.Remember {
		t.Fatalf("remembered session: %+v, %v", sess, err)
	}
	// However often used, no session outlives MaxAge.
	for range 4 {
		e.clock.Advance(25 * 24 * time.Hour)
		e.svc.SessionUser(t.Context(), long)
	}
	_, _, err = e.svc.SessionUser(t.Context(), long)
	wantCode(t, err, news.EUNAUTHORIZED)
	for _, junk := range []string{"", "x", strings.Repeat("!", 43)} {
		_, _, err = e.svc.SessionUser(t.Context(), junk)
		wantCode(t, err, news.EUNAUTHORIZED)
	}
}

func TestChangePasswordRevokesOtherSessions(t *testing.T) {
	e := newEnv(t, roomy)
	u, here := e.register(t, "ayse@ornek.example", "gizli-şifre-1")
	pending := e.resetToken(t, "ayse@ornek.example") // mailed before the change
	_, there, _ := e.svc.Login(t.Context(), "192.0.2.1", "ayse@ornek.example", "gizli-şifre-1", true)
	wantCode(t, e.svc.ChangePassword(t.Context(), u.ID, here, "yanlış-şifre", "yeni-şifre-2"), news.EINVALID)
	wantCode(t, e.svc.ChangePassword(t.Context(), u.ID, here, "gizli-şifre-1", "kısa"), news.EINVALID)
	if err := e.svc.ChangePassword(t.Context(), u.ID, here, "gizli-şifre-1", "yeni-şifre-2"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := e.svc.SessionUser(t.Context(), here); err != nil {
		t.Errorf("current session ended: %v", err)
	}
	_, _, err := e.svc.SessionUser(t.Context(), there)
	wantCode(t, err, news.EUNAUTHORIZED)
	_, _, err = e.svc.Login(t.Context(), "192.0.2.1", "ayse@ornek.example", "gizli-şifre-1", false)
	wantCode(t, err, news.EUNAUTHORIZED)
	if _, _, err := e.svc.Login(t.Context(), "192.0.2.1", "ayse@ornek.example", "yeni-şifre-2", false); err != nil {
		t.Errorf("new password refused: %v", err)
	}
	wantCode(t, e.svc.ResetPassword(t.Context(), pending, "saldırgan-şifre-3"), news.EINVALID)
}
