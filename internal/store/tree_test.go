package store

import (
	"reflect"
	"testing"

	"manset/internal/news"
)

func TestSortTree(t *testing.T) {
	cats := []news.Category{
		{ID: 5, Name: "Çevre", ParentID: 1},
		{ID: 2, Name: "Spor"},
		{ID: 1, Name: "Haberler"},
		{ID: 4, Name: "Ekonomi", ParentID: 1},
		{ID: 3, Name: "Dünya", ParentID: 1},
		{ID: 6, Name: "Avrupa", ParentID: 3},
		{ID: 7, Name: "Öncelikli", ParentID: 1, Position: -1},
	}
	got := SortTree(cats)
	var names []string
	for _, c := range got {
		names = append(names, c.Path())
	}
	want := []string{
		"Haberler", "Haberler › Öncelikli", "Haberler › Çevre", "Haberler › Dünya",
		"Haberler › Dünya › Avrupa", "Haberler › Ekonomi", "Spor",
	}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("SortTree order:\n got %q\nwant %q", names, want)
	}
}

func TestFillAncestorsStopsOnCycle(t *testing.T) {
	byID := map[int64]news.Category{
		1: {ID: 1, Name: "A", ParentID: 2},
		2: {ID: 2, Name: "B", ParentID: 1},
	}
	c := byID[1]
	FillAncestors(byID, &c)
	if len(c.Ancestors) != maxCategoryDepth {
		t.Errorf("len(Ancestors) = %d, want the cap %d", len(c.Ancestors), maxCategoryDepth)
	}
}
