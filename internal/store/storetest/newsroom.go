package storetest

import (
	"testing"
	"time"

	"manset/internal/news"
	"manset/internal/store"
)

func runNewsroom(t *testing.T, open Opener) {
	run(t, open, []subtest{
		{"Audit", testAudit},
		{"RevisionsKeptOnChange", testRevisions},
		{"ViewsPerDay", testViewsPerDay},
		{"ReactionsPerDay", testReactionsPerDay},
	})
}

func testAudit(t *testing.T, s store.Store) {
	u := user(t, s, "editor@ornek.example")
	must(t, s.AddAudit(ctx(t), &news.AuditEntry{ActorID: u.ID, Action: "comment.status", Target: "comment:1", Detail: "approved"}))
	must(t, s.AddAudit(ctx(t), &news.AuditEntry{Action: "user.add", Target: "user:1"}))
	wantCode(t, s.AddAudit(ctx(t), &news.AuditEntry{}), news.EINVALID)
	list, err := s.ListAudit(ctx(t), 10)
	must(t, err)
	if len(list) != 2 || list[0].Action != "user.add" || list[1].ActorName != u.Name || list[1].Detail != "approved" {
		t.Errorf("ListAudit = %+v", list)
	}
}

func testRevisions(t *testing.T, s store.Store) {
	editor := user(t, s, "editor@ornek.example")
	a := article(t, s, "İlk başlık")
	a.Author = "Yalnız yazar değişti" // nothing readers see as the story: no revision
	must(t, s.UpdateArticle(ctx(t), &a))
	a.Title = "İkinci başlık"
	must(t, s.UpdateArticle(news.WithActor(ctx(t), editor.ID), &a))
	a.Status = news.StatusDraft
	must(t, s.UpdateArticle(ctx(t), &a))
	revs, err := s.ListRevisions(ctx(t), a.ID)
	must(t, err)
	if len(revs) != 2 {
		t.Fatalf("%d revisions, want 2: %+v", len(revs), revs)
	}
	if revs[0].Title != "İkinci başlık" || revs[0].Status != news.StatusPublished || revs[0].EditorID != 0 {
		t.Errorf("latest revision = %+v", revs[0])
	}
	if revs[1].Title != "İlk başlık" || revs[1].EditorID != editor.ID || revs[1].EditorName != editor.Name ||
		revs[1].BodyText != a.BodyText {
		t.Errorf("first revision = %+v", revs[1])
	}
	_, err = s.ListRevisions(ctx(t), a.ID+1)
	wantCode(t, err, news.ENOTFOUND)
}

func testViewsPerDay(t *testing.T, s store.Store) {
	a, b := article(t, s, "Bir"), article(t, s, "İki")
	ist := time.FixedZone("TRT", 3*3600)
	day1 := time.Date(2024, 3, 14, 23, 30, 0, 0, ist)
	must(t, s.AddViews(ctx(t), day1, map[int64]int{a.ID: 3, b.ID: 2}))
	must(t, s.AddViews(ctx(t), day1, map[int64]int{a.ID: 1, 9999: 5})) // a deleted article is skipped
	must(t, s.AddViews(ctx(t), day1.Add(time.Hour), map[int64]int{b.ID: 4}))
	got, err := s.ViewsPerDay(ctx(t), day1.AddDate(0, 0, -1), day1.AddDate(0, 0, 1))
	must(t, err)
	want := []news.DayCount{{Day: "2024-03-13"}, {Day: "2024-03-14", Count: 6}, {Day: "2024-03-15", Count: 4}}
	if len(got) != 3 || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("ViewsPerDay = %v, want %v", got, want)
	}
	_, err = s.ViewsPerDay(ctx(t), day1, day1.AddDate(0, 0, -2))
	wantCode(t, err, news.EINVALID)
}

func testReactionsPerDay(t *testing.T, s store.Store) {
	a := article(t, s, "Bir")
	_, err := s.SetReaction(ctx(t), a.ID, news.AnonReader("x"), news.ReactionLiked)
	must(t, err)
	_, err = s.SetReaction(ctx(t), a.ID, news.AnonReader("y"), news.ReactionLoved)
	must(t, err)
	now := time.Now()
	got, err := s.ReactionsPerDay(ctx(t), now.AddDate(0, 0, -6), now)
	must(t, err)
	sum := 0
	for _, d := range got {
		sum += d.Count
	}
	// Both votes fall in the range's last day, or the last two when the
	// test runs across midnight.
	if len(got) != 7 || got[6].Day != now.Format("2006-01-02") || sum != 2 || got[6].Count+got[5].Count != 2 {
		t.Errorf("ReactionsPerDay = %v", got)
	}
}
