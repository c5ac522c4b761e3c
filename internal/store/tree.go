package store

import (
	"sort"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"manset/internal/news"
)

// maxCategoryDepth bounds ancestor walks so a corrupt (cyclic) tree cannot
// loop forever.
const maxCategoryDepth = 64

// FillAncestors sets c.Ancestors to the chain from the root down to c's
// parent, looking parents up in byID. Missing parents end the chain.
func FillAncestors(byID map[int64]news.Category, c *news.Category) {
	var chain []news.Category
	for id := c.ParentID; id != 0 && len(chain) < maxCategoryDepth; {
		p, ok := byID[id]
		if !ok {
			break
		}
		p.Ancestors = nil
		chain = append(chain, p)
		id = p.ParentID
	}
	for i, j := 0, len(chain)-1; i < j; i, j = i+1, j-1 {
		chain[i], chain[j] = chain[j], chain[i]
	}
	c.Ancestors = chain
}

// SortTree orders categories parents before children, depth first, siblings
// by Position and then by name in Turkish alphabetical order, and fills each
// one's Ancestors. Categories whose parent is missing are treated as roots.
func SortTree(cats []news.Category) []news.Category {
	byID := make(map[int64]news.Category, len(cats))
	for _, c := range cats {
		byID[c.ID] = c
	}
	children := make(map[int64][]news.Category)
	for _, c := range cats {
		parent := c.ParentID
		if _, ok := byID[parent]; !ok {
			parent = 0
		}
		children[parent] = append(children[parent], c)
	}
	col := collate.New(language.Turkish)
	for _, sib := range children {
		sort.SliceStable(sib, func(i, j int) bool {
			if sib[i].Position != sib[j].Position {
				return sib[i].Position < sib[j].Position
			}
			return col.CompareString(sib[i].Name, sib[j].Name) < 0
		})
	}
	out := make([]news.Category, 0, len(cats))
	seen := make(map[int64]bool, len(cats))
	var walk func(parent int64)
	walk = func(parent int64) {
		for _, c := range children[parent] {
			if seen[c.ID] {
				continue
			}
			seen[c.ID] = true
			FillAncestors(byID, &c)
			out = append(out, c)
			walk(c.ID)
		}
	}
	walk(0)
	return out
}
