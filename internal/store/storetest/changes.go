package storetest

import (
	"context"
	"slices"
	"testing"
	"time"

	"manset/internal/news"
)

// runChanges checks that writes reach a content watcher naming the articles
// they touched, and that site-wide writes say "everything".
func runChanges(t *testing.T, open Opener) {
	s := fresh(t, open)
	c := ctx(t)
	got := make(chan []int64, 64)
	wctx, stop := context.WithCancel(c)
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.WatchContent(wctx, 5*time.Millisecond, func(ids []int64) { got <- slices.Clone(ids) })
	}()
	t.Cleanup(func() { stop(); <-done })
	waitChange(t, got, nil) // the start says "everything"

	a := news.Article{Title: "Değişiklik günlüğü", BodyText: "Metin.", Status: news.StatusPublished, PublishedAt: ptr(at(0))}
	must(t, s.CreateArticle(c, &a))
	waitChange(t, got, []int64{a.ID})
	a.Title = "Değişiklik günlüğü düzeltildi"
	must(t, s.UpdateArticle(c, &a))
	waitChange(t, got, []int64{a.ID})
	must(t, s.SetSetting(c, "site.name", "Deneme"))
	waitChange(t, got, nil)
	must(t, s.DeleteArticle(c, a.ID))
	waitChange(t, got, []int64{a.ID})
}

// waitChange waits for the next reported change and compares it with want
// (nil: a site-wide change).
func waitChange(t *testing.T, got <-chan []int64, want []int64) {
	t.Helper()
	select {
	case ids := <-got:
		if want == nil {
			if len(ids) != 0 && !slices.Contains(ids, 0) {
				t.Fatalf("change %v, want a site-wide change", ids)
			}
			return
		}
		if !slices.Equal(ids, want) {
			t.Fatalf("change %v, want %v", ids, want)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("no change reported, want %v", want)
	}
}
