package web

import (
	"bytes"
	"context"
	"html/template"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"manset/internal/news"
	"manset/internal/turkish"
)

// NewsroomStore is what the newsroom admin needs from storage on top of
// the reader's reads.
type NewsroomStore interface {
	ReaderStore
	Category(ctx context.Context, id int64) (news.Category, error)
	CreateCategory(ctx context.Context, c *news.Category) error
	UpdateCategory(ctx context.Context, c *news.Category) error
	DeleteCategory(ctx context.Context, id int64) error
	CreateArticle(ctx context.Context, a *news.Article) error
	UpdateArticle(ctx context.Context, a *news.Article) error
	DeleteArticle(ctx context.Context, id int64) error
	SetSetting(ctx context.Context, key, value string) error
	ListUsers(ctx context.Context) ([]news.User, error)
	Comment(ctx context.Context, id int64) (news.Comment, error)
	ListCommentsForModeration(ctx context.Context, status news.CommentStatus, limit, offset int) ([]news.ModerationComment, int, error)
	SetCommentStatus(ctx context.Context, id int64, status news.CommentStatus) error
	SetCommentsStatus(ctx context.Context, ids []int64, status news.CommentStatus) (int, error)
	CountComments(ctx context.Context, status news.CommentStatus) (int, error)
	AddAudit(ctx context.Context, e *news.AuditEntry) error
	ListAudit(ctx context.Context, limit int) ([]news.AuditEntry, error)
	ListRevisions(ctx context.Context, articleID int64) ([]news.Revision, error)
	ViewsPerDay(ctx context.Context, from, to time.Time) ([]news.DayCount, error)
	ReactionsPerDay(ctx context.Context, from, to time.Time) ([]news.DayCount, error)
	CreateSource(ctx context.Context, s *news.Source) error
	Source(ctx context.Context, id int64) (news.Source, error)
	ListSources(ctx context.Context) ([]news.Source, error)
	UpdateSource(ctx context.Context, s *news.Source) error
	DeleteSource(ctx context.Context, id int64) error
}

// adminSite is the newsroom admin: its handlers share the server, the
// store and their own templates.
type adminSite struct {
	s    *Server
	st   NewsroomStore
	tmpl map[string]*template.Template
}

// adminHandler is an admin handler that knows who is acting.
type adminHandler func(w http.ResponseWriter, r *http.Request, u news.User)

// adminPage is passed to every admin template.
type adminPage struct {
	Title    string
	Section  string // highlights the current nav entry
	SiteName string
	User     news.User
	IsAdmin  bool
	Flash    string
	Error    string
	Data     any
}

// adminFlashes are the messages a redirect may ask for with ?ok=; only
// these codes, so a link cannot make the admin say arbitrary things.
var adminFlashes = map[string]string{
	"saved":     "Değişiklikler kaydedildi.",
	"created":   "Kayıt oluşturuldu.",
	"deleted":   "Kayıt silindi.",
	"restored":  "Eski sürüm geri yüklendi.",
	"moderated": "Yorumların durumu güncellendi.",
	"published": "Haber yayımlandı.",
	"fetching":  "Kaynak arka planda çekiliyor; sonuç birkaç dakika içinde tabloda görünür.",
}

// adminRoutes registers the newsroom admin on the server's mux.
func (s *Server) adminRoutes(st NewsroomStore) {
	if st == nil {
		return
	}
	a := &adminSite{s: s, st: st, tmpl: mustLoadAdminTemplates(s.adminTemplateFuncs())}
	editor := a.guard(news.RoleEditor, news.RoleAdmin)
	admin := a.guard(news.RoleAdmin)
	m := s.mux
	m.Handle("GET /admin", editor(a.dashboard))
	m.Handle("GET /admin/{$}", editor(a.dashboard))
	m.Handle("GET /admin/slug", editor(a.slugPreview))
	a.articleRoutes(m, editor)
	m.Handle("GET /admin/manset", editor(a.mansetPage))
	m.Handle("POST /admin/manset", editor(a.mansetSave))
	m.Handle("GET /admin/yorumlar", editor(a.commentsPage))
	m.Handle("POST /admin/yorumlar", editor(a.commentsBulk))
	m.Handle("GET /api/v1/admin/comments", editor(a.commentsAPI))
	m.Handle("PATCH /api/v1/admin/comments/{id}", editor(a.commentPatchAPI))
	a.categoryRoutes(m, admin)
	a.sourceRoutes(m, editor, admin)
	m.Handle("GET /admin/reklamlar", admin(a.adsPage))
	m.Handle("POST /admin/reklamlar", admin(a.adsSave))
	m.Handle("GET /admin/ayarlar", admin(a.settingsPage))
	m.Handle("POST /admin/ayarlar", admin(a.settingsSave))
	m.Handle("GET /admin/kullanicilar", admin(a.usersPage))
	m.Handle("POST /admin/kullanicilar/{id}", admin(a.userSave))
	m.Handle("GET /admin/denetim", admin(a.auditPage))
}

// guard admits users with one of roles through the site's requireRole,
// and checks again inside, so a handler can never run for the wrong
// user. Admin responses are personal and never cached; the editor is
// recorded as the actor of every write.
func (a *adminSite) guard(roles ...news.Role) func(adminHandler) http.Handler {
	return func(h adminHandler) http.Handler {
		inner := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			u, ok := a.s.currentUser(r)
			if !ok {
				a.unauthorized(w, r)
				return
			}
			if !adminHasRole(u, roles) {
				a.forbidden(w, r)
				return
			}
			if r.Method == http.MethodPost {
				// An article body is the largest field; 4 MB leaves room for it.
				r.Body = http.MaxBytesReader(w, r.Body, 4<<20)
				if err := r.ParseForm(); err != nil {
					a.s.renderErrorPage(w, r, http.StatusBadRequest)
					return
				}
			}
			h(w, r.WithContext(news.WithActor(r.Context(), u.ID)), u)
		})
		return adminNoStore(a.s.requireRole(roles...)(inner))
	}
}

func adminHasRole(u news.User, roles []news.Role) bool {
	if u.Disabled {
		return false
	}
	for _, role := range roles {
		if u.Role == role {
			return true
		}
	}
	return false
}

// adminNoStore keeps admin pages out of browser and proxy caches, even
// when a shared helper (writeJSON) sets its own Cache-Control.
func adminNoStore(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(&adminNoStoreWriter{ResponseWriter: w}, r)
	})
}

type adminNoStoreWriter struct {
	http.ResponseWriter
	wrote bool
}

func (w *adminNoStoreWriter) WriteHeader(code int) {
	if !w.wrote {
		w.wrote = true
		w.Header().Set("Cache-Control", "no-store")
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *adminNoStoreWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the real writer.
func (w *adminNoStoreWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (a *adminSite) unauthorized(w http.ResponseWriter, r *http.Request) {
	if isAPI(r) {
		apiFail(w, r, news.E(news.EUNAUTHORIZED, "auth.login_first"))
		return
	}
	http.Redirect(w, r, "/giris?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
}

func (a *adminSite) forbidden(w http.ResponseWriter, r *http.Request) {
	if isAPI(r) {
		apiFail(w, r, news.E(news.EFORBIDDEN, "auth.forbidden"))
		return
	}
	a.s.renderErrorPage(w, r, http.StatusForbidden)
}

// render writes an admin page with the admin layout.
func (a *adminSite) render(w http.ResponseWriter, r *http.Request, status int, name string, p *adminPage) {
	p.SiteName = "Manşet"
	if settings, err := a.st.AllSettings(r.Context()); err == nil && settings["site.name"] != "" {
		p.SiteName = settings["site.name"]
	}
	p.IsAdmin = p.User.Role == news.RoleAdmin
	if p.Flash == "" {
		p.Flash = adminFlashes[r.URL.Query().Get("ok")]
	}
	var buf bytes.Buffer
	if err := a.tmpl[name].ExecuteTemplate(&buf, "admin_layout", p); err != nil {
		a.s.log.Error("web: rendering admin page", slog.String("page", name), slog.Any("err", err))
		a.s.renderErrorPage(w, r, http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// fail shows err on an admin page: its safe message, with its status.
func (a *adminSite) fail(w http.ResponseWriter, r *http.Request, err error) {
	if isAPI(r) {
		a.s.apiError(w, r, err)
		return
	}
	a.s.serveError(w, r, err)
}

// redirect sends the browser to path after a successful POST, with a flash
// code.
func (a *adminSite) redirect(w http.ResponseWriter, r *http.Request, path, flash string) {
	if flash != "" {
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		path += sep + "ok=" + flash
	}
	http.Redirect(w, r, path, http.StatusSeeOther)
}

// audit records an admin action; a failure is logged, not shown: the
// action itself already happened.
func (a *adminSite) audit(r *http.Request, u news.User, action, target, detail string) {
	e := news.AuditEntry{ActorID: u.ID, Action: action, Target: target, Detail: detail}
	if err := a.st.AddAudit(r.Context(), &e); err != nil {
		a.s.log.Error("web: audit failed", slog.String("action", action), slog.Any("err", err))
	}
}

// pathID reads a positive integer path value.
func pathID(r *http.Request, name string) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	return id, err == nil && id > 0
}

// adminTimeLayout is the value format of <input type="datetime-local">.
const adminTimeLayout = "2006-01-02T15:04"

func (s *Server) adminTemplateFuncs() template.FuncMap {
	f := s.templateFuncs()
	f["localInput"] = func(t *time.Time) string {
		if t == nil {
			return ""
		}
		return t.In(turkish.Istanbul).Format(adminTimeLayout)
	}
	f["statusLabel"] = adminStatusLabel
	f["commentLabel"] = adminCommentLabel
	f["roleLabel"] = adminRoleLabel
	f["path"] = articlePath
	f["add"] = func(a, b int) int { return a + b }
	return f
}
