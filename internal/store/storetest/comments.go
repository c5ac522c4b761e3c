package storetest

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"manset/internal/news"
	"manset/internal/store"
)

func runComments(t *testing.T, open Opener) {
	run(t, open, []subtest{
		{"CreateAndRead", testCommentCreateAndRead},
		{"ThreadsOneLevel", testCommentThreads},
		{"ModerationQueue", testCommentModeration},
		{"BulkStatusAndCounts", testCommentBulk},
		{"AuthorHasApproved", testCommentAuthorHasApproved},
		{"PublicListHasNoEmail", testCommentPublicNoEmail},
		{"ErrInvalid", testCommentErrInvalid},
	})
}

// comment creates a guest comment with the given body and status.
func comment(t *testing.T, s store.Store, articleID, parentID int64, body string, st news.CommentStatus) news.Comment {
	t.Helper()
	c := news.Comment{ArticleID: articleID, ParentID: parentID, Name: "Okur", Email: "okur@ornek.example",
		Body: body, Status: st, IP: "192.0.2.1"}
	must(t, s.CreateComment(ctx(t), &c))
	return c
}

func bodies(list []news.PublicComment) string {
	var out []string
	for _, c := range list {
		out = append(out, c.Body)
	}
	return strings.Join(out, ",")
}

func testCommentCreateAndRead(t *testing.T, s store.Store) {
	a := article(t, s, "Yorumlu haber")
	v0 := version(t, s)
	c := news.Comment{ArticleID: a.ID, Name: " Ayşe ", Email: "Ayse@Ornek.Example", Body: " Güzel haber. ", IP: "192.0.2.1"}
	must(t, s.CreateComment(ctx(t), &c))
	if c.ID == 0 || c.Status != news.CommentPending || c.Email != "ayse@ornek.example" || c.Body != "Güzel haber." {
		t.Errorf("CreateComment left %+v", c)
	}
	if version(t, s) != v0 {
		t.Error("a pending comment changed the content version")
	}
	got, err := s.Comment(ctx(t), c.ID)
	must(t, err)
	if got != c {
		t.Errorf("Comment = %+v, want %+v", got, c)
	}
	_, err = s.Comment(ctx(t), c.ID+1)
	wantCode(t, err, news.ENOTFOUND)
	must(t, s.SetCommentStatus(ctx(t), c.ID, news.CommentApproved))
	if version(t, s) == v0 {
		t.Error("approving did not change the content version")
	}
	art, err := s.Article(ctx(t), a.ID)
	must(t, err)
	if art.CommentCount != 1 {
		t.Errorf("CommentCount = %d, want 1", art.CommentCount)
	}
}

func testCommentThreads(t *testing.T, s store.Store) {
	a, other := article(t, s, "Haber"), article(t, s, "Başka")
	first := comment(t, s, a.ID, 0, "1", news.CommentApproved)
	second := comment(t, s, a.ID, 0, "2", news.CommentApproved)
	comment(t, s, a.ID, first.ID, "1.1", news.CommentApproved)
	comment(t, s, a.ID, second.ID, "2.1", news.CommentApproved)
	deep := comment(t, s, a.ID, second.ID, "2.2", news.CommentApproved)
	reply := comment(t, s, a.ID, deep.ID, "2.3", news.CommentApproved) // reply to a reply
	comment(t, s, a.ID, first.ID, "1.x", news.CommentPending)
	if reply.ParentID != second.ID {
		t.Errorf("reply to a reply has parent %d, want top comment %d", reply.ParentID, second.ID)
	}
	list, err := s.ListComments(ctx(t), a.ID, news.CommentApproved)
	must(t, err)
	if got := bodies(list); got != "1,1.1,2,2.1,2.2,2.3" {
		t.Errorf("thread order = %s", got)
	}
	c := news.Comment{ArticleID: other.ID, ParentID: first.ID, Name: "X", Email: "x@ornek.example", Body: "yanlış yer"}
	wantCode(t, s.CreateComment(ctx(t), &c), news.EINVALID)
}

func testCommentModeration(t *testing.T, s store.Store) {
	a := article(t, s, "Tartışmalı haber")
	for i := range 5 {
		comment(t, s, a.ID, 0, fmt.Sprint("bekleyen ", i), news.CommentPending)
	}
	comment(t, s, a.ID, 0, "onaylı", news.CommentApproved)
	list, total, err := s.ListCommentsForModeration(ctx(t), news.CommentPending, 2, 0)
	must(t, err)
	if total != 5 || len(list) != 2 || list[0].Body != "bekleyen 4" {
		t.Fatalf("queue = %d items of %d, first %+v", len(list), total, list)
	}
	if list[0].ArticleTitle != "Tartışmalı haber" || list[0].ArticleSlug != a.Slug || list[0].Email == "" {
		t.Errorf("queue item lacks article or e-mail: %+v", list[0])
	}
	_, total, err = s.ListCommentsForModeration(ctx(t), "", 10, 0)
	must(t, err)
	if total != 6 {
		t.Errorf("all statuses: total %d, want 6", total)
	}
	list, total, err = s.ListCommentsForModeration(ctx(t), news.CommentPending, 10, 50)
	must(t, err)
	if len(list) != 0 || total != 5 {
		t.Errorf("past the end: %d items, total %d", len(list), total)
	}
}

func testCommentBulk(t *testing.T, s store.Store) {
	a := article(t, s, "Haber")
	var ids []int64
	for i := range 4 {
		ids = append(ids, comment(t, s, a.ID, 0, fmt.Sprint(i), news.CommentPending).ID)
	}
	n, err := s.SetCommentsStatus(ctx(t), append(ids[:3:3], 999), news.CommentSpam)
	must(t, err)
	if n != 3 {
		t.Errorf("bulk changed %d, want 3", n)
	}
	for st, want := range map[news.CommentStatus]int{news.CommentSpam: 3, news.CommentPending: 1, "": 4} {
		if got, err := s.CountComments(ctx(t), st); err != nil || got != want {
			t.Errorf("CountComments(%q) = %d, %v; want %d", st, got, err, want)
		}
	}
	wantCode(t, s.SetCommentStatus(ctx(t), 999, news.CommentApproved), news.ENOTFOUND)
	wantCode(t, s.SetCommentStatus(ctx(t), ids[0], "gizli"), news.EINVALID)
}

func testCommentAuthorHasApproved(t *testing.T, s store.Store) {
	a := article(t, s, "Haber")
	u := user(t, s, "uye@ornek.example")
	c := comment(t, s, a.ID, 0, "ilk", news.CommentPending)
	member := news.Comment{ArticleID: a.ID, UserID: u.ID, Name: u.Name, Body: "üye yorumu", Status: news.CommentApproved}
	must(t, s.CreateComment(ctx(t), &member))
	for _, tc := range []struct {
		email string
		id    int64
		want  bool
	}{{"okur@ornek.example", 0, false}, {"", u.ID, true}, {"", 0, false}, {"baska@ornek.example", u.ID + 1, false}} {
		if got, err := s.AuthorHasApprovedComment(ctx(t), tc.email, tc.id); err != nil || got != tc.want {
			t.Errorf("AuthorHasApprovedComment(%q, %d) = %v, %v; want %v", tc.email, tc.id, got, err, tc.want)
		}
	}
	must(t, s.SetCommentStatus(ctx(t), c.ID, news.CommentApproved))
	if got, _ := s.AuthorHasApprovedComment(ctx(t), "OKUR@ornek.example", 0); !got {
		t.Error("approved guest not recognised by e-mail")
	}
}

// testCommentPublicNoEmail checks by construction and by value that the
// public list cannot carry an e-mail or an IP.
func testCommentPublicNoEmail(t *testing.T, s store.Store) {
	a := article(t, s, "Haber")
	comment(t, s, a.ID, 0, "merhaba", news.CommentApproved)
	typ := reflect.TypeOf(news.PublicComment{})
	for _, f := range []string{"Email", "IP"} {
		if _, ok := typ.FieldByName(f); ok {
			t.Errorf("PublicComment has a %s field", f)
		}
	}
	list, err := s.ListComments(ctx(t), a.ID, news.CommentApproved)
	must(t, err)
	if dump := fmt.Sprintf("%+v", list); strings.Contains(dump, "ornek.example") || strings.Contains(dump, "192.0.2.1") {
		t.Errorf("public list leaks: %s", dump)
	}
}

func testCommentErrInvalid(t *testing.T, s store.Store) {
	a := article(t, s, "Haber")
	for name, c := range map[string]news.Comment{
		"no e-mail":  {ArticleID: a.ID, Name: "X", Body: "b"},
		"bad e-mail": {ArticleID: a.ID, Name: "X", Email: "x", Body: "b"},
		"no name":    {ArticleID: a.ID, Email: "x@ornek.example", Body: "b"},
		"no body":    {ArticleID: a.ID, Name: "X", Email: "x@ornek.example", Body: "  "},
		"bad status": {ArticleID: a.ID, Name: "X", Email: "x@ornek.example", Body: "b", Status: "gizli"},
		"bad parent": {ArticleID: a.ID, ParentID: 77, Name: "X", Email: "x@ornek.example", Body: "b"},
	} {
		if err := s.CreateComment(ctx(t), &c); news.ErrorCode(err) != news.EINVALID {
			t.Errorf("%s: %v, want EINVALID", name, err)
		}
	}
	long := news.Comment{ArticleID: a.ID, Name: "X", Email: "x@ornek.example", Body: strings.Repeat("ş", news.MaxCommentLen+1)}
	wantCode(t, s.CreateComment(ctx(t), &long), news.ETOOLARGE)
	missing := news.Comment{ArticleID: a.ID + 1, Name: "X", Email: "x@ornek.example", Body: "b"}
	wantCode(t, s.CreateComment(ctx(t), &missing), news.ENOTFOUND)
}
