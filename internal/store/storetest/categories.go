package storetest

import (
	"reflect"
	"sync"
	"testing"

	"manset/internal/news"
	"manset/internal/store"
)

func runCategories(t *testing.T, open Opener) {
	run(t, open, []subtest{
		{"EnsurePathCreatesParent", testCategoryEnsurePathCreatesParent},
		{"EnsurePathIdempotentTurkishCase", testCategoryEnsurePathIdempotentTurkishCase},
		{"EnsurePathConcurrent", testCategoryEnsurePathConcurrent},
		{"EnsurePathEmpty", testCategoryEnsurePathEmpty},
		{"SlugUniqueAcrossTree", testCategorySlugUniqueAcrossTree},
		{"SlugFromSymbols", testCategorySlugFromSymbols},
		{"ErrDuplicateSlug", testCategoryErrDuplicateSlug},
		{"ErrDuplicateSiblingName", testCategoryErrDuplicateSiblingName},
		{"ErrNameRequired", testCategoryErrNameRequired},
		{"ErrNotFound", testCategoryErrNotFound},
	})
	runCategoryTree(t, open)
}

func testCategoryEnsurePathCreatesParent(t *testing.T, s store.Store) {
	c, err := s.EnsureCategoryPath(ctx(t), "Haberler", "Dünya")
	must(t, err)
	if c.Name != "Dünya" || c.Slug != "dunya" || c.Path() != "Haberler › Dünya" {
		t.Errorf("got %q (%s), want Dünya (dunya) under Haberler", c.Path(), c.Slug)
	}
	root, err := s.CategoryBySlug(ctx(t), "haberler")
	must(t, err)
	if root.ParentID != 0 || c.ParentID != root.ID || len(root.Ancestors) != 0 {
		t.Errorf("root = %+v, child parent = %d", root, c.ParentID)
	}
	got, err := s.Category(ctx(t), c.ID)
	must(t, err)
	if !reflect.DeepEqual(got.PathSlugs(), []string{"haberler", "dunya"}) {
		t.Errorf("Category(%d) path = %q", c.ID, got.PathSlugs())
	}
}

func testCategoryEnsurePathIdempotentTurkishCase(t *testing.T, s store.Store) {
	first, err := s.EnsureCategoryPath(ctx(t), "Haberler", "İzmir")
	must(t, err)
	v := version(t, s)
	// strings.ToLower would not match these: it maps İ to i + combining dot.
	for _, path := range [][]string{{"HABERLER", "İZMİR"}, {"haberler", "izmir"}, {" Haberler ", "İzmir"}} {
		c, err := s.EnsureCategoryPath(ctx(t), path...)
		must(t, err)
		if c.ID != first.ID || c.Name != "İzmir" {
			t.Errorf("EnsureCategoryPath(%q) = %d %q, want %d İzmir", path, c.ID, c.Name, first.ID)
		}
	}
	all, err := s.ListCategories(ctx(t))
	must(t, err)
	if len(all) != 2 {
		t.Errorf("%d categories after repeated paths, want 2", len(all))
	}
	if version(t, s) != v {
		t.Error("content version changed though nothing was created")
	}
}

func testCategoryEnsurePathConcurrent(t *testing.T, s store.Store) {
	ids := make([]int64, 20)
	var wg sync.WaitGroup
	for i := range ids {
		wg.Go(func() {
			c, err := s.EnsureCategoryPath(ctx(t), "Haberler", "Ekonomi", "Borsa")
			if err != nil {
				t.Error(err)
			}
			ids[i] = c.ID
		})
	}
	wg.Wait()
	for _, id := range ids {
		if id != ids[0] || id == 0 {
			t.Fatalf("concurrent EnsureCategoryPath returned ids %v, want one id", ids)
		}
	}
	all, err := s.ListCategories(ctx(t))
	must(t, err)
	if len(all) != 3 {
		t.Errorf("%d categories, want 3", len(all))
	}
}

func testCategoryEnsurePathEmpty(t *testing.T, s store.Store) {
	_, err := s.EnsureCategoryPath(ctx(t))
	wantCode(t, err, news.EINVALID)
	_, err = s.EnsureCategoryPath(ctx(t), "Haberler", "  ")
	wantCode(t, err, news.EINVALID)
	all, _ := s.ListCategories(ctx(t))
	if len(all) != 0 {
		t.Errorf("a failed path left %d categories behind", len(all))
	}
}

func testCategorySlugUniqueAcrossTree(t *testing.T, s store.Store) {
	a, err := s.EnsureCategoryPath(ctx(t), "Haberler", "Dünya")
	must(t, err)
	b, err := s.EnsureCategoryPath(ctx(t), "Spor", "Dünya")
	must(t, err)
	if a.Slug != "dunya" || b.Slug != "dunya-2" {
		t.Errorf("slugs %q and %q, want dunya and dunya-2", a.Slug, b.Slug)
	}
}

func testCategorySlugFromSymbols(t *testing.T, s store.Store) {
	c := news.Category{Name: "★★★"}
	must(t, s.CreateCategory(ctx(t), &c))
	if want := store.FallbackSlug("kategori", c.ID); c.Slug != want {
		t.Errorf("slug %q, want %q", c.Slug, want)
	}
	got, err := s.CategoryBySlug(ctx(t), c.Slug)
	must(t, err)
	if got.ID != c.ID {
		t.Errorf("CategoryBySlug(%q) = %d, want %d", c.Slug, got.ID, c.ID)
	}
}

func testCategoryErrDuplicateSlug(t *testing.T, s store.Store) {
	must(t, s.CreateCategory(ctx(t), &news.Category{Name: "Gündem", Slug: "gundem"}))
	wantCode(t, s.CreateCategory(ctx(t), &news.Category{Name: "Gündem 2", Slug: "gundem"}), news.ECONFLICT)
}

func testCategoryErrDuplicateSiblingName(t *testing.T, s store.Store) {
	must(t, s.CreateCategory(ctx(t), &news.Category{Name: "Gündem"}))
	wantCode(t, s.CreateCategory(ctx(t), &news.Category{Name: "GÜNDEM"}), news.ECONFLICT)
}

func testCategoryErrNameRequired(t *testing.T, s store.Store) {
	wantCode(t, s.CreateCategory(ctx(t), &news.Category{Name: " "}), news.EINVALID)
}

func testCategoryErrNotFound(t *testing.T, s store.Store) {
	_, err := s.Category(ctx(t), 404)
	wantCode(t, err, news.ENOTFOUND)
	_, err = s.CategoryBySlug(ctx(t), "yok")
	wantCode(t, err, news.ENOTFOUND)
	wantCode(t, s.DeleteCategory(ctx(t), 404), news.ENOTFOUND)
	wantCode(t, s.UpdateCategory(ctx(t), &news.Category{ID: 404, Name: "Yok"}), news.ENOTFOUND)
}

func runCategoryTree(t *testing.T, open Opener) {
	run(t, open, []subtest{
		{"ListParentsFirst", testCategoryListParentsFirst},
		{"UpdateMovesAndRenames", testCategoryUpdateMovesAndRenames},
		{"ErrMoveUnderOwnChild", testCategoryErrMoveUnderOwnChild},
		{"DeleteKeepsArticles", testCategoryDeleteKeepsArticles},
	})
}

func testCategoryListParentsFirst(t *testing.T, s store.Store) {
	for _, p := range [][]string{{"Spor", "Futbol"}, {"Haberler", "Dünya", "Avrupa"}, {"Haberler", "Çevre"}, {"Ekonomi"}} {
		_, err := s.EnsureCategoryPath(ctx(t), p...)
		must(t, err)
	}
	all, err := s.ListCategories(ctx(t))
	must(t, err)
	var got []string
	for _, c := range all {
		got = append(got, c.Path())
	}
	want := []string{"Spor", "Spor › Futbol", "Haberler", "Haberler › Dünya",
		"Haberler › Dünya › Avrupa", "Haberler › Çevre", "Ekonomi"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ListCategories:\n got %q\nwant %q", got, want)
	}
}

func testCategoryUpdateMovesAndRenames(t *testing.T, s store.Store) {
	dunya, err := s.EnsureCategoryPath(ctx(t), "Haberler", "Dünya")
	must(t, err)
	spor, err := s.EnsureCategoryPath(ctx(t), "Spor")
	must(t, err)
	dunya.Name, dunya.ParentID, dunya.Slug = "Dünya Kupası", spor.ID, ""
	must(t, s.UpdateCategory(ctx(t), &dunya))
	got, err := s.Category(ctx(t), dunya.ID)
	must(t, err)
	if got.Path() != "Spor › Dünya Kupası" || got.Slug != "dunya" {
		t.Errorf("after update: %q (%s), want Spor › Dünya Kupası (dunya)", got.Path(), got.Slug)
	}
}

func testCategoryErrMoveUnderOwnChild(t *testing.T, s store.Store) {
	child, err := s.EnsureCategoryPath(ctx(t), "Haberler", "Dünya")
	must(t, err)
	root := child.Ancestors[0]
	root.ParentID = child.ID
	wantCode(t, s.UpdateCategory(ctx(t), &root), news.EINVALID)
	root.ParentID = root.ID
	wantCode(t, s.UpdateCategory(ctx(t), &root), news.EINVALID)
}

func testCategoryDeleteKeepsArticles(t *testing.T, s store.Store) {
	c, err := s.EnsureCategoryPath(ctx(t), "Haberler", "Dünya")
	must(t, err)
	a := article(t, s, "Kategorisi silinen haber", inCategory(c.ID))
	wantCode(t, s.DeleteCategory(ctx(t), c.ParentID), news.ECONFLICT)
	must(t, s.DeleteCategory(ctx(t), c.ID))
	got, err := s.Article(ctx(t), a.ID)
	must(t, err)
	if got.CategoryID != 0 || got.Category != nil {
		t.Errorf("article keeps deleted category %d", got.CategoryID)
	}
}
