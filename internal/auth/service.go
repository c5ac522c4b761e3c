package auth

import (
	"context"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"manset/internal/news"
)

// Store is what the service needs from storage; store/sqlite provides it.
type Store interface {
	CreateUser(ctx context.Context, u *news.User) error
	User(ctx context.Context, id int64) (news.User, error)
	UserByEmail(ctx context.Context, email string) (news.User, error)
	UpdateUser(ctx context.Context, u *news.User) error
	CreateSession(ctx context.Context, s *news.Session) error
	SessionByTokenHash(ctx context.Context, tokenHash string) (news.Session, error)
	TouchSession(ctx context.Context, tokenHash string, lastSeen, expires time.Time) error
	DeleteSession(ctx context.Context, tokenHash string) error
	DeleteUserSessions(ctx context.Context, userID int64, keepHash string) (int, error)
	CreatePasswordReset(ctx context.Context, tokenHash string, userID int64, expires time.Time) error
	ConsumePasswordReset(ctx context.Context, tokenHash string, now time.Time) (int64, error)
	DeletePasswordResets(ctx context.Context, userID int64) error
	PurgeExpiredSessions(ctx context.Context, now time.Time) (int, error)
	AddAudit(ctx context.Context, e *news.AuditEntry) error
}

// Limits are the service's rate limits. Zero rules take the defaults.
type Limits struct {
	LoginIP      Rule // login attempts per client IP
	LoginAccount Rule // login attempts per e-mail, known or not
	SignupIP     Rule // registrations per client IP
	ResetIP      Rule // reset requests per client IP
	ResetAccount Rule // reset mails per e-mail: no mail-bombing
	MaxKeys      int  // keys each limiter remembers
}

// DefaultLimits let a person mistype a few times and stop a script.
var DefaultLimits = Limits{
	LoginIP:      Rule{Every: 6 * time.Second, Burst: 20},
	LoginAccount: Rule{Every: time.Minute, Burst: 5},
	SignupIP:     Rule{Every: time.Minute, Burst: 5},
	ResetIP:      Rule{Every: time.Minute, Burst: 5},
	ResetAccount: Rule{Every: 10 * time.Minute, Burst: 3},
	MaxKeys:      100_000,
}

// Config configures a Service. Only Store is required.
type Config struct {
	Store       Store
	Mailer      Mailer       // nil: mail is written to Logger
	Logger      *slog.Logger // nil: slog.Default()
	BaseURL     string       // the site's public URL, for links in mail
	ResetPath   string       // page that takes ?token=; default /sifre-yenile
	Params      Params       // zero: DefaultParams
	SessionTTL  time.Duration
	RememberTTL time.Duration
	MaxAge      time.Duration // no session lives longer, however used
	ResetTTL    time.Duration
	Limits      Limits
	// Buckets, when set, hold the limits in the database for all nodes.
	Buckets Buckets
	Now     func() time.Time
}

// Service runs accounts and sessions.
type Service struct {
	cfg   Config
	store Store
	log   *slog.Logger
	now   func() time.Time

	loginIP, loginAccount, signupIP, resetIP, resetAccount *Limiter

	// dummyHash is verified when an e-mail is unknown, so that a login
	// costs one argon2 run whether or not the account exists.
	dummyHash string
	hashes    atomic.Int64 // argon2 verifications, for tests
	mail      sync.WaitGroup
}

// New returns a Service with defaults filled in.
func New(cfg Config) *Service {
	def := func(d *time.Duration, v time.Duration) {
		if *d == 0 {
			*d = v
		}
	}
	def(&cfg.SessionTTL, 12*time.Hour)
	def(&cfg.RememberTTL, 30*24*time.Hour)
	def(&cfg.MaxAge, 90*24*time.Hour)
	def(&cfg.ResetTTL, time.Hour)
	if cfg.Params == (Params{}) {
		cfg.Params = DefaultParams
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Mailer == nil {
		cfg.Mailer = &LogMailer{Log: cfg.Logger}
	}
	if cfg.ResetPath == "" {
		cfg.ResetPath = "/sifre-yenile"
	}
	cfg.Limits = fillLimits(cfg.Limits)
	s := &Service{cfg: cfg, store: cfg.Store, log: cfg.Logger, now: cfg.Now}
	l := cfg.Limits
	limiter := func(r Rule, name string) *Limiter {
		return NewLimiter(r, l.MaxKeys, cfg.Now).Shared(cfg.Buckets, name, cfg.Logger)
	}
	s.loginIP = limiter(l.LoginIP, "login-ip")
	s.loginAccount = limiter(l.LoginAccount, "login-account")
	s.signupIP = limiter(l.SignupIP, "signup-ip")
	s.resetIP = limiter(l.ResetIP, "reset-ip")
	s.resetAccount = limiter(l.ResetAccount, "reset-account")
	s.dummyHash = HashPassword(NewToken(), cfg.Params)
	return s
}

func fillLimits(l Limits) Limits {
	d := DefaultLimits
	for _, r := range []struct{ got, def *Rule }{{&l.LoginIP, &d.LoginIP}, {&l.LoginAccount, &d.LoginAccount},
		{&l.SignupIP, &d.SignupIP}, {&l.ResetIP, &d.ResetIP}, {&l.ResetAccount, &d.ResetAccount}} {
		if *r.got == (Rule{}) {
			*r.got = *r.def
		}
	}
	if l.MaxKeys == 0 {
		l.MaxKeys = d.MaxKeys
	}
	return l
}

// Errors that must read the same whatever the cause, so that nobody can
// learn which e-mail addresses have accounts.
func errLogin() error {
	return news.E(news.EUNAUTHORIZED, "auth.bad_credentials")
}

func errSession() error {
	return news.E(news.EUNAUTHORIZED, "auth.session_expired")
}

func normalEmail(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

// checkPassword verifies password against hash, or against the dummy hash
// when there is none, so both paths cost the same.
func (s *Service) checkPassword(hash, password string) bool {
	if hash == "" {
		s.verify(s.dummyHash, password)
		return false
	}
	ok, err := s.verify(hash, password)
	if err != nil {
		s.log.Error("auth: stored password hash unreadable", slog.Any("err", err))
		return false
	}
	return ok
}

// verify runs one argon2 verification, counted so tests can see that the
// unknown-account path does the same work.
func (s *Service) verify(hash, password string) (bool, error) {
	s.hashes.Add(1)
	return VerifyPassword(hash, password)
}

// Wait blocks until mail being sent in the background is done; call it on
// shutdown (and in tests).
func (s *Service) Wait() { s.mail.Wait() }

// sendLater delivers mail in the background: how long SMTP takes must not
// tell a requester whether an account exists.
func (s *Service) sendLater(ctx context.Context, to, subject, body string) {
	ctx = context.WithoutCancel(ctx)
	s.mail.Go(func() {
		ctx, cancel := context.WithTimeout(ctx, time.Minute)
		defer cancel()
		if err := s.cfg.Mailer.Send(ctx, to, subject, body); err != nil {
			s.log.Error("auth: sending mail failed", slog.String("subject", subject), slog.Any("err", err))
		}
	})
}

func (s *Service) audit(ctx context.Context, actorID int64, action, target, detail string) {
	e := news.AuditEntry{ActorID: actorID, Action: action, Target: target, Detail: detail}
	if err := s.store.AddAudit(ctx, &e); err != nil {
		s.log.Error("auth: audit failed", slog.String("action", action), slog.Any("err", err))
	}
}

// PurgeExpired deletes expired sessions and reset tokens; run it now and
// then (hourly is plenty): expired ones are refused anyway, this only
// keeps the table small.
func (s *Service) PurgeExpired(ctx context.Context) (int, error) {
	return s.store.PurgeExpiredSessions(ctx, s.now())
}
