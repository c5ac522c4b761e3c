package web

import "net/http"

// listCategoriesAPI serves GET /api/v1/categories: every category, parents
// before children.
func (s *Server) listCategoriesAPI(w http.ResponseWriter, r *http.Request) {
	cats, err := s.loadCategories(r.Context())
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	out := make([]apiCategoryItem, 0, len(cats.list))
	for _, c := range cats.list {
		item := apiCategoryItem{Slug: c.Slug, Name: c.Name, Path: c.Path(), PathSlugs: c.PathSlugs()}
		if p := cats.get(c.ParentID); p != nil {
			slug := p.Slug
			item.Parent = &slug
		}
		out = append(out, item)
	}
	writeJSON(w, http.StatusOK, out)
}
