package auth

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
	"time"

	"manset/internal/news"
)

// resetToken asks for a reset of email and returns the token from the mail.
func (e *env) resetToken(t *testing.T, email string) string {
	t.Helper()
	before := len(e.mail.all())
	if err := e.svc.RequestPasswordReset(t.Context(), "192.0.2.1", email); err != nil {
		t.Fatal(err)
	}
	e.svc.Wait()
	sent := e.mail.all()
	if len(sent) != before+1 {
		t.Fatalf("%d mails sent, want 1", len(sent)-before)
	}
	m := tokenInLink.FindStringSubmatch(sent[len(sent)-1].body)
	if m == nil || !strings.Contains(sent[len(sent)-1].body, "https://manset.example/sifre-yenile?token=") {
		t.Fatalf("no reset link in %q", sent[len(sent)-1].body)
	}
	return m[1]
}

func TestResetPasswordSingleUse(t *testing.T) {
	e := newEnv(t, roomy)
	_, session := e.register(t, "ayse@ornek.example", "gizli-şifre-1")
	token := e.resetToken(t, "AYSE@ornek.example")
	wantCode(t, e.svc.ResetPassword(t.Context(), token, "kısa"), news.EINVALID) // bad password keeps the token
	if err := e.svc.ResetPassword(t.Context(), token, "yeni-şifre-2"); err != nil {
		t.Fatal(err)
	}
	wantCode(t, e.svc.ResetPassword(t.Context(), token, "üçüncü-şifre-3"), news.EINVALID)
	_, _, err := e.svc.SessionUser(t.Context(), session)
	wantCode(t, err, news.EUNAUTHORIZED) // a reset ends every session
	if _, _, err := e.svc.Login(t.Context(), "192.0.2.1", "ayse@ornek.example", "yeni-şifre-2", false); err != nil {
		t.Errorf("new password refused: %v", err)
	}
}

func TestResetPasswordExpires(t *testing.T) {
	e := newEnv(t, roomy)
	e.register(t, "ayse@ornek.example", "gizli-şifre-1")
	token := e.resetToken(t, "ayse@ornek.example")
	e.clock.Advance(time.Hour)
	wantCode(t, e.svc.ResetPassword(t.Context(), token, "yeni-şifre-2"), news.EINVALID)
	wantCode(t, e.svc.ResetPassword(t.Context(), "uydurma", "yeni-şifre-2"), news.EINVALID)
}

// TestResetRequestSilentForUnknown: the answer for an unknown or disabled
// account is the same nil, and no mail goes out.
func TestResetRequestSilentForUnknown(t *testing.T) {
	e := newEnv(t, roomy)
	for _, email := range []string{"yok@ornek.example", "gecersiz"} {
		if err := e.svc.RequestPasswordReset(t.Context(), "192.0.2.1", email); err != nil {
			t.Errorf("%s: %v", email, err)
		}
	}
	e.svc.Wait()
	if n := len(e.mail.all()); n != 0 {
		t.Errorf("%d mails sent for unknown accounts", n)
	}
}

func TestResetRequestLimitedPerAccount(t *testing.T) {
	e := newEnv(t, Limits{})
	e.register(t, "ayse@ornek.example", "gizli-şifre-1")
	var limited int
	for i := range DefaultLimits.ResetAccount.Burst + 1 {
		ip := "198.51.100." + string(rune('1'+i))
		if news.ErrorCode(e.svc.RequestPasswordReset(t.Context(), ip, "ayse@ornek.example")) == news.ERATELIMIT {
			limited++
		}
	}
	e.svc.Wait()
	if limited != 1 || len(e.mail.all()) != DefaultLimits.ResetAccount.Burst {
		t.Errorf("limited %d, mails %d", limited, len(e.mail.all()))
	}
}

// TestLogMailerShowsLinkNotPassword: without SMTP the reset link reaches
// the operator through the log, and no password ever appears there.
func TestLogMailerShowsLinkNotPassword(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewTextHandler(&buf, nil))
	e := newEnv(t, roomy)
	e.svc.cfg.Mailer = &LogMailer{Log: log}
	e.register(t, "ayse@ornek.example", "gizli-şifre-1")
	e.svc.RequestPasswordReset(t.Context(), "192.0.2.1", "ayse@ornek.example")
	e.svc.Wait()
	out := buf.String()
	if !strings.Contains(out, "https://manset.example/sifre-yenile?token=") {
		t.Errorf("reset link not logged: %s", out)
	}
	if strings.Contains(out, "gizli-şifre-1") || strings.Contains(out, "argon2") {
		t.Errorf("password material in the log: %s", out)
	}
}
