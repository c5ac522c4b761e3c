package web

import (
	"net/http"
	"strconv"
	"strings"

	"manset/internal/news"
)

// adminCategoryRow is a category in the tree view, indented by depth.
type adminCategoryRow struct {
	news.Category
	Depth int
}

// adminCategoriesView is the category tree with the forms around it.
type adminCategoriesView struct {
	Rows []adminCategoryRow
}

func (a *adminSite) categoryRoutes(m *http.ServeMux, admin func(adminHandler) http.Handler) {
	m.Handle("GET /admin/kategoriler", admin(a.categoriesPage))
	m.Handle("POST /admin/kategoriler", admin(a.categoryCreate))
	m.Handle("POST /admin/kategoriler/{id}", admin(a.categoryUpdate))
	m.Handle("POST /admin/kategoriler/{id}/sil", admin(a.categoryDelete))
}

func (a *adminSite) categoriesPage(w http.ResponseWriter, r *http.Request, u news.User) {
	a.showCategories(w, r, u, http.StatusOK, "")
}

// showCategories renders the tree; errMsg is the store's message when a
// change was refused.
func (a *adminSite) showCategories(w http.ResponseWriter, r *http.Request, u news.User, status int, errMsg string) {
	list, err := a.st.ListCategories(r.Context())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	// The store lists parents before children, siblings in order; a
	// depth-first walk turns that into a tree.
	children := map[int64][]news.Category{}
	for _, c := range list {
		children[c.ParentID] = append(children[c.ParentID], c)
	}
	var v adminCategoriesView
	var walk func(parent int64, depth int)
	walk = func(parent int64, depth int) {
		for _, c := range children[parent] {
			v.Rows = append(v.Rows, adminCategoryRow{Category: c, Depth: depth})
			walk(c.ID, depth+1)
		}
	}
	walk(0, 0)
	a.render(w, r, status, "categories", &adminPage{Title: "Kategoriler", Section: "categories", User: u, Error: errMsg, Data: v})
}

// categoryFromForm reads name, parent and position.
func categoryFromForm(r *http.Request, c *news.Category) {
	c.Name = strings.TrimSpace(r.PostFormValue("name"))
	c.ParentID, _ = strconv.ParseInt(r.PostFormValue("parent"), 10, 64)
	c.Position, _ = strconv.Atoi(strings.TrimSpace(r.PostFormValue("position")))
}

func (a *adminSite) categoryCreate(w http.ResponseWriter, r *http.Request, u news.User) {
	var c news.Category
	categoryFromForm(r, &c)
	if err := a.st.CreateCategory(r.Context(), &c); err != nil {
		a.categoryRefused(w, r, u, err)
		return
	}
	a.s.Invalidate()
	a.audit(r, u, "category.create", categoryTarget(c.ID), c.Name)
	a.redirect(w, r, "/admin/kategoriler", "created")
}

func (a *adminSite) categoryUpdate(w http.ResponseWriter, r *http.Request, u news.User) {
	id, ok := pathID(r, "id")
	if !ok {
		a.s.notFound(w, r)
		return
	}
	c, err := a.st.Category(r.Context(), id)
	if err != nil {
		a.categoryRefused(w, r, u, err)
		return
	}
	old := c.Name
	categoryFromForm(r, &c)
	c.Slug = "" // keep the address readers and search engines know
	if err := a.st.UpdateCategory(r.Context(), &c); err != nil {
		a.categoryRefused(w, r, u, err)
		return
	}
	a.s.Invalidate()
	a.audit(r, u, "category.update", categoryTarget(c.ID),
		old+" -> "+c.Name+", üst "+strconv.FormatInt(c.ParentID, 10)+", sıra "+strconv.Itoa(c.Position))
	a.redirect(w, r, "/admin/kategoriler", "saved")
}

func (a *adminSite) categoryDelete(w http.ResponseWriter, r *http.Request, u news.User) {
	id, ok := pathID(r, "id")
	if !ok {
		a.s.notFound(w, r)
		return
	}
	c, err := a.st.Category(r.Context(), id)
	if err == nil {
		err = a.st.DeleteCategory(r.Context(), id)
	}
	if err != nil {
		a.categoryRefused(w, r, u, err)
		return
	}
	a.s.Invalidate()
	a.audit(r, u, "category.delete", categoryTarget(id), c.Name)
	a.redirect(w, r, "/admin/kategoriler", "deleted")
}

// categoryRefused shows the tree again with the store's reason.
func (a *adminSite) categoryRefused(w http.ResponseWriter, r *http.Request, u news.User, err error) {
	a.showCategories(w, r, u, a.s.logIfInternal(r, err), news.ErrorMessage(err))
}

func categoryTarget(id int64) string { return "category:" + strconv.FormatInt(id, 10) }
