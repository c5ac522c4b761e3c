package web

import (
	"net/http"
	"time"

	"manset/internal/news"
)

// adminUserRow is what the users page shows of an account: never the
// password hash.
type adminUserRow struct {
	ID        int64
	Name      string
	Email     string
	Role      news.Role
	Disabled  bool
	CreatedAt time.Time
	Self      bool
}

// adminUsersView lists the accounts with the roles on offer.
type adminUsersView struct {
	Users []adminUserRow
	Roles []news.Role
}

func (a *adminSite) usersPage(w http.ResponseWriter, r *http.Request, u news.User) {
	a.showUsers(w, r, u, http.StatusOK, "")
}

func (a *adminSite) showUsers(w http.ResponseWriter, r *http.Request, u news.User, status int, errMsg string) {
	list, err := a.st.ListUsers(r.Context())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	v := adminUsersView{Roles: adminRoles}
	for _, x := range list {
		v.Users = append(v.Users, adminUserRow{ID: x.ID, Name: x.Name, Email: x.Email, Role: x.Role,
			Disabled: x.Disabled, CreatedAt: x.CreatedAt, Self: x.ID == u.ID})
	}
	a.render(w, r, status, "users", &adminPage{Title: "Kullanıcılar", Section: "users", User: u, Error: errMsg, Data: v})
}

// userSave changes a role (role=...) or turns an account off or on
// (disabled=1|0). The auth service checks the actor and writes the audit
// entry.
func (a *adminSite) userSave(w http.ResponseWriter, r *http.Request, u news.User) {
	id, ok := pathID(r, "id")
	if !ok || a.s.auth == nil {
		a.s.notFound(w, r)
		return
	}
	var err error
	switch d := r.PostFormValue("disabled"); {
	case d == "1" || d == "0":
		err = a.s.auth.Disable(r.Context(), u, id, d == "1")
	case r.PostFormValue("role") != "":
		err = a.s.auth.SetRole(r.Context(), u, id, news.Role(r.PostFormValue("role")))
	default:
		err = news.E(news.EINVALID, "user.choose_change")
	}
	if err != nil {
		a.showUsers(w, r, u, a.s.logIfInternal(r, err), news.ErrorMessage(err))
		return
	}
	a.redirect(w, r, "/admin/kullanicilar", "saved")
}

// auditPage lists the latest admin actions.
func (a *adminSite) auditPage(w http.ResponseWriter, r *http.Request, u news.User) {
	list, err := a.st.ListAudit(r.Context(), 200)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	a.render(w, r, http.StatusOK, "audit", &adminPage{Title: "Denetim kaydı", Section: "audit", User: u, Data: list})
}
