package news

import "strings"

// Category is a section of the site. Categories form a tree: "Dünya" sits
// under "Haberler".
type Category struct {
	ID       int64
	Slug     string // unique across the site
	Name     string
	ParentID int64 // 0 for a root
	Position int   // order among siblings

	// Filled by reads: the chain from the root down to this category.
	Ancestors []Category
}

// PathNames returns the names from the root to c, e.g. ["Haberler", "Dünya"].
func (c *Category) PathNames() []string {
	out := make([]string, 0, len(c.Ancestors)+1)
	for _, a := range c.Ancestors {
		out = append(out, a.Name)
	}
	return append(out, c.Name)
}

// PathSlugs returns the slugs from the root to c, e.g. ["haberler", "dunya"].
func (c *Category) PathSlugs() []string {
	out := make([]string, 0, len(c.Ancestors)+1)
	for _, a := range c.Ancestors {
		out = append(out, a.Slug)
	}
	return append(out, c.Slug)
}

// Path is the human breadcrumb of c: "Haberler › Dünya".
func (c *Category) Path() string { return strings.Join(c.PathNames(), " › ") }

// Validate checks a category's fields.
func (c *Category) Validate() error {
	c.Name = strings.TrimSpace(c.Name)
	if c.Name == "" {
		return E(EINVALID, "category.name_required")
	}
	if len(c.Name) > 200 {
		return E(EINVALID, "category.name_too_long")
	}
	return nil
}

// RootCategoryName is the parent under which breadcrumb categories are created.
const RootCategoryName = "Haberler"
