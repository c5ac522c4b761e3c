package web

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"manset/internal/auth"
	"manset/internal/news"
)

// EngageStore is what accounts, reactions and comments need from storage
// beyond Store; store/sqlite provides it.
type EngageStore interface {
	SetReaction(ctx context.Context, articleID int64, reader string, kind news.ReactionKind) (news.ReactionCounts, error)
	ClearReaction(ctx context.Context, articleID int64, reader string) (news.ReactionCounts, error)
	ReactionCounts(ctx context.Context, articleID int64) (news.ReactionCounts, error)
	ReaderReaction(ctx context.Context, articleID int64, reader string) (news.ReactionKind, error)
	MergeReader(ctx context.Context, from, to string) error
	CreateComment(ctx context.Context, c *news.Comment) error
	ListComments(ctx context.Context, articleID int64, status news.CommentStatus) ([]news.PublicComment, error)
	AuthorHasApprovedComment(ctx context.Context, email string, userID int64) (bool, error)
	Setting(ctx context.Context, key string) (string, error)
}

// Cookie names. manset_in is readable by scripts and says only "someone is
// logged in here", so pages skip the /api/v1/me call for guests.
const (
	sessionCookie  = "manset_session"
	readerCookie   = "manset_reader"
	loggedInCookie = "manset_in"
)

// Cookie lifetimes: "beni hatırla" keeps the session cookie for the
// service's remember TTL; the anonymous reader id lasts a year.
const (
	rememberMaxAge = 30 * 24 * time.Hour
	readerMaxAge   = 365 * 24 * time.Hour
)

// sessionKey is the context key of a request's *sessionState.
type sessionKey struct{}

// sessionState caches the session lookup for one request.
type sessionState struct {
	once sync.Once
	user news.User
	ok   bool
}

// withSession makes currentUser look the session up at most once per
// request. Only routes that need a user pay for it; cached pages do not.
func (s *Server) withSession(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, ok := r.Context().Value(sessionKey{}).(*sessionState); !ok {
			r = r.WithContext(context.WithValue(r.Context(), sessionKey{}, &sessionState{}))
		}
		h.ServeHTTP(w, r)
	})
}

// currentUser returns the logged-in user of r's session cookie. Behind
// withSession (and requireRole) the lookup is done once per request.
func (s *Server) currentUser(r *http.Request) (news.User, bool) {
	st, ok := r.Context().Value(sessionKey{}).(*sessionState)
	if !ok {
		return s.lookupSession(r)
	}
	st.once.Do(func() { st.user, st.ok = s.lookupSession(r) })
	return st.user, st.ok
}

// lookupSession asks the auth service about the session cookie. A store
// failure counts as logged out, but is logged.
func (s *Server) lookupSession(r *http.Request) (news.User, bool) {
	token := sessionToken(r)
	if s.auth == nil || token == "" {
		return news.User{}, false
	}
	u, _, err := s.auth.SessionUser(r.Context(), token)
	if err != nil {
		if news.ErrorCode(err) != news.EUNAUTHORIZED {
			s.log.Error("web: session lookup failed", slog.Any("err", err))
		}
		return news.User{}, false
	}
	return u, true
}

// sessionToken returns the session cookie's value, or "".
func sessionToken(r *http.Request) string {
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return ""
	}
	return c.Value
}

// requireRole lets through only logged-in users with one of roles (any
// role when none are given). Others get a 303 to /giris?next=... on HTML
// routes, or 401/403 JSON under /api/. Responses are never cached.
func (s *Server) requireRole(roles ...news.Role) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return s.withSession(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Cache-Control", "private, no-store")
			u, ok := s.currentUser(r)
			switch {
			case !ok && isAPI(r):
				apiFail(w, r, news.E(news.EUNAUTHORIZED, "auth.login_required"))
			case !ok:
				http.Redirect(w, r, "/giris?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			case len(roles) > 0 && !slices.Contains(roles, u.Role) && isAPI(r):
				apiFail(w, r, news.E(news.EFORBIDDEN, "auth.forbidden"))
			case len(roles) > 0 && !slices.Contains(roles, u.Role):
				s.forbidden(w, r)
			default:
				next.ServeHTTP(w, r)
			}
		}))
	}
}

// forbidden is the HTML 403 page.
func (s *Server) forbidden(w http.ResponseWriter, r *http.Request) {
	site, _, err := s.loadSite(r.Context())
	if err != nil {
		site = s.bareSite()
	}
	s.writeErrorPage(w, http.StatusForbidden, site, errorView{Status: http.StatusForbidden,
		Heading: "Erişim izniniz yok", Text: "Bu sayfayı görmek için yetkiniz bulunmuyor."})
}

// startSession sets the cookie of a session just opened by login or
// registration. The session the browser had before is deleted, so a
// planted cookie never becomes a logged-in one (session fixation), and the
// anonymous reader's reactions move to the account.
func (s *Server) startSession(w http.ResponseWriter, r *http.Request, u news.User, token string, remember bool) {
	ctx := r.Context()
	if old := sessionToken(r); old != "" && old != token {
		if err := s.auth.Logout(ctx, old); err != nil {
			s.log.Warn("web: dropping previous session failed", slog.Any("err", err))
		}
	}
	var maxAge time.Duration
	if remember {
		maxAge = rememberMaxAge
	}
	s.setCookie(w, sessionCookie, token, maxAge, true)
	s.setCookie(w, loggedInCookie, "1", maxAge, false)
	if anon := readerID(r); anon != "" && s.engage != nil {
		if err := s.engage.MergeReader(ctx, news.AnonReader(anon), news.UserReader(u.ID)); err != nil {
			s.log.Error("web: merging anonymous reactions failed", slog.Any("err", err))
		}
	}
}

// endSession deletes the session and its cookies.
func (s *Server) endSession(w http.ResponseWriter, r *http.Request) error {
	if token := sessionToken(r); token != "" && s.auth != nil {
		if err := s.auth.Logout(r.Context(), token); err != nil {
			return err
		}
	}
	s.setCookie(w, sessionCookie, "", -1, true)
	s.setCookie(w, loggedInCookie, "", -1, false)
	return nil
}

// setCookie sets a site-wide cookie. maxAge 0 makes a browser-session
// cookie, a negative one deletes it.
func (s *Server) setCookie(w http.ResponseWriter, name, value string, maxAge time.Duration, httpOnly bool) {
	c := &http.Cookie{Name: name, Value: value, Path: "/", HttpOnly: httpOnly,
		SameSite: http.SameSiteLaxMode, Secure: s.secureCookies}
	switch {
	case maxAge < 0:
		c.MaxAge = -1
	case maxAge > 0:
		c.MaxAge = int(maxAge / time.Second)
	}
	http.SetCookie(w, c)
}

// readerID returns the anonymous reader cookie's id when well formed.
func readerID(r *http.Request) string {
	c, err := r.Cookie(readerCookie)
	if err != nil || !news.ValidReader(news.AnonReader(c.Value)) {
		return ""
	}
	return c.Value
}

// reader returns who reacts: the logged-in user, else the anonymous
// cookie, which is created when create is true. "" means nobody yet.
func (s *Server) reader(w http.ResponseWriter, r *http.Request, create bool) string {
	if u, ok := s.currentUser(r); ok {
		return news.UserReader(u.ID)
	}
	if id := readerID(r); id != "" {
		return news.AnonReader(id)
	}
	if !create {
		return ""
	}
	b := make([]byte, 18)
	rand.Read(b)
	id := base64.RawURLEncoding.EncodeToString(b)
	s.setCookie(w, readerCookie, id, readerMaxAge, true)
	return news.AnonReader(id)
}

// clientIP is the address rate limits key on: the peer, or the last hop of
// the configured proxy header when the site runs behind a reverse proxy.
func (s *Server) clientIP(r *http.Request) string {
	if s.ipHeader != "" {
		if v := r.Header.Get(s.ipHeader); v != "" {
			parts := strings.Split(v, ",")
			if ip := strings.TrimSpace(parts[len(parts)-1]); ip != "" {
				return ip
			}
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// rateKey is what per-IP rate limits count against: the client's IPv4
// address, or the /64 of an IPv6 one, since a single subscriber is handed a
// whole /64 and could otherwise take a fresh address for every request.
func (s *Server) rateKey(r *http.Request) string {
	ip := s.clientIP(r)
	a, err := netip.ParseAddr(ip)
	if err != nil {
		return ip
	}
	if a = a.Unmap(); a.Is4() {
		return a.String()
	}
	p, err := a.WithZone("").Prefix(64)
	if err != nil {
		return ip
	}
	return p.String()
}

// EngageLimits are the per-IP rate limits of readers' writes. Zero rules
// take the defaults.
type EngageLimits struct {
	Reactions auth.Rule
	Comments  auth.Rule
}

// defaultEngageLimits allow a reader to click freely and to comment a few
// times in a row; many readers may share one IP (mobile carriers' NAT).
var defaultEngageLimits = EngageLimits{
	Reactions: auth.Rule{Every: 250 * time.Millisecond, Burst: 120},
	Comments:  auth.Rule{Every: 30 * time.Second, Burst: 5},
}

// initEngage fills the account, reaction and comment parts of s from cfg.
func (s *Server) initEngage(cfg Config, deps Deps) {
	s.auth = deps.Auth
	s.engage = deps.Engage
	s.buckets = deps.Buckets
	s.secureCookies = strings.HasPrefix(s.baseURL, "https://")
	s.ipHeader = cfg.ClientIPHeader
	s.secret = cfg.Secret
	if len(s.secret) == 0 {
		s.secret = make([]byte, 32)
		rand.Read(s.secret)
	}
	lim := cfg.EngageLimits
	if lim.Reactions == (auth.Rule{}) {
		lim.Reactions = defaultEngageLimits.Reactions
	}
	if lim.Comments == (auth.Rule{}) {
		lim.Comments = defaultEngageLimits.Comments
	}
	s.reactLimit = s.limiter(lim.Reactions, "reaction")
	s.commentLimit = s.limiter(lim.Comments, "comment")
}

// limiter returns a per-client limit of rule, shared by every node when
// the site has database buckets.
func (s *Server) limiter(rule auth.Rule, name string) *auth.Limiter {
	return auth.NewLimiter(rule, 100_000, s.now).Shared(s.buckets, name, s.log)
}
