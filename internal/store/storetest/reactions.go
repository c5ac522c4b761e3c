package storetest

import (
	"fmt"
	"sync"
	"testing"

	"manset/internal/news"
	"manset/internal/store"
)

func runReactions(t *testing.T, open Opener) {
	run(t, open, []subtest{
		{"SetMoveClear", testReactionSetMoveClear},
		{"AllKindsPresent", testReactionAllKinds},
		{"MergeReaderUserWins", testReactionMerge},
		{"FilledOnArticleReads", testReactionFilledOnReads},
		{"ConcurrentVotes", testReactionConcurrent},
		{"ErrInvalid", testReactionErrInvalid},
	})
}

func testReactionSetMoveClear(t *testing.T, s store.Store) {
	a := article(t, s, "Tepki haberi")
	anon, member := news.AnonReader("c00k1e"), news.UserReader(7)
	c, err := s.SetReaction(ctx(t), a.ID, anon, news.ReactionLiked)
	must(t, err)
	if c[news.ReactionLiked] != 1 {
		t.Errorf("after first vote: %v", c)
	}
	_, err = s.SetReaction(ctx(t), a.ID, anon, news.ReactionLiked) // idempotent
	must(t, err)
	_, err = s.SetReaction(ctx(t), a.ID, member, news.ReactionLiked)
	must(t, err)
	c, err = s.SetReaction(ctx(t), a.ID, anon, news.ReactionLoved) // moves the vote
	must(t, err)
	if c[news.ReactionLiked] != 1 || c[news.ReactionLoved] != 1 {
		t.Errorf("after move: %v", c)
	}
	if k, err := s.ReaderReaction(ctx(t), a.ID, anon); err != nil || k != news.ReactionLoved {
		t.Errorf("ReaderReaction = %q, %v", k, err)
	}
	c, err = s.ClearReaction(ctx(t), a.ID, anon)
	must(t, err)
	if c[news.ReactionLoved] != 0 || c[news.ReactionLiked] != 1 {
		t.Errorf("after clear: %v", c)
	}
	if k, err := s.ReaderReaction(ctx(t), a.ID, anon); err != nil || k != "" {
		t.Errorf("ReaderReaction after clear = %q, %v", k, err)
	}
	_, err = s.ClearReaction(ctx(t), a.ID, anon) // nothing to withdraw: fine
	must(t, err)
}

func testReactionAllKinds(t *testing.T, s store.Store) {
	a := article(t, s, "Sessiz haber")
	c, err := s.ReactionCounts(ctx(t), a.ID)
	must(t, err)
	if len(c) != len(news.Reactions) {
		t.Errorf("counts %v, want all %d kinds", c, len(news.Reactions))
	}
	_, err = s.ReactionCounts(ctx(t), a.ID+100)
	wantCode(t, err, news.ENOTFOUND)
}

func testReactionMerge(t *testing.T, s store.Store) {
	a, b := article(t, s, "Birinci"), article(t, s, "İkinci")
	anon, member := news.AnonReader("anon1"), news.UserReader(3)
	for _, v := range []struct {
		id     int64
		reader string
		kind   news.ReactionKind
	}{{a.ID, anon, news.ReactionLiked}, {b.ID, anon, news.ReactionUnique}, {a.ID, member, news.ReactionApplause}} {
		_, err := s.SetReaction(ctx(t), v.id, v.reader, v.kind)
		must(t, err)
	}
	must(t, s.MergeReader(ctx(t), anon, member))
	for _, w := range []struct {
		id   int64
		want news.ReactionKind
	}{{a.ID, news.ReactionApplause}, {b.ID, news.ReactionUnique}} {
		if k, _ := s.ReaderReaction(ctx(t), w.id, member); k != w.want {
			t.Errorf("member's reaction on %d = %q, want %q", w.id, k, w.want)
		}
		if k, _ := s.ReaderReaction(ctx(t), w.id, anon); k != "" {
			t.Errorf("anonymous reaction left on %d: %q", w.id, k)
		}
	}
	c, err := s.ReactionCounts(ctx(t), a.ID)
	must(t, err)
	if c[news.ReactionLiked] != 0 || c[news.ReactionApplause] != 1 {
		t.Errorf("counts after merge: %v", c)
	}
}

func testReactionFilledOnReads(t *testing.T, s store.Store) {
	a, b := article(t, s, "Birinci", publishedAt(1)), article(t, s, "İkinci", publishedAt(2))
	for i := range 3 {
		_, err := s.SetReaction(ctx(t), a.ID, news.AnonReader(fmt.Sprint("r", i)), news.ReactionAccurate)
		must(t, err)
	}
	_, err := s.SetReaction(ctx(t), b.ID, news.UserReader(1), news.ReactionNoteworthy)
	must(t, err)
	got, err := s.Article(ctx(t), a.ID)
	must(t, err)
	if got.Reactions[news.ReactionAccurate] != 3 || len(got.Reactions) != len(news.Reactions) {
		t.Errorf("Article reactions = %v", got.Reactions)
	}
	list, _, err := s.ListArticles(ctx(t), news.ArticleFilter{})
	must(t, err)
	if len(list) != 2 || list[0].Reactions[news.ReactionNoteworthy] != 1 || list[1].Reactions[news.ReactionAccurate] != 3 {
		t.Errorf("listed reactions = %v / %v", list[0].Reactions, list[1].Reactions)
	}
}

// testReactionConcurrent has 50 readers vote, change their minds and some
// withdraw, all at once: every vote must be counted exactly once.
func testReactionConcurrent(t *testing.T, s store.Store) {
	a := article(t, s, "Çok okunan")
	want := news.NewReactionCounts()
	var wg sync.WaitGroup
	for i := range 50 {
		first, final := news.Reactions[i%6].Kind, news.Reactions[(i*5+1)%6].Kind
		withdraw := i%7 == 0
		if !withdraw {
			want[final]++
		}
		wg.Go(func() {
			reader := news.AnonReader(fmt.Sprint("okur-", i))
			for _, k := range []news.ReactionKind{first, final, first, final} {
				if _, err := s.SetReaction(ctx(t), a.ID, reader, k); err != nil {
					t.Error(err)
				}
			}
			if withdraw {
				if _, err := s.ClearReaction(ctx(t), a.ID, reader); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	got, err := s.ReactionCounts(ctx(t), a.ID)
	must(t, err)
	for _, r := range news.Reactions {
		if got[r.Kind] != want[r.Kind] {
			t.Errorf("%s: %d votes, want %d", r.Kind, got[r.Kind], want[r.Kind])
		}
	}
}

func testReactionErrInvalid(t *testing.T, s store.Store) {
	a := article(t, s, "Haber")
	_, err := s.SetReaction(ctx(t), a.ID, news.AnonReader("x"), "kizdim")
	wantCode(t, err, news.EINVALID)
	for _, reader := range []string{"", "x", "u:0", "u:abc", "a:", "a:<script>", news.AnonReader(string(make([]byte, 65)))} {
		_, err = s.SetReaction(ctx(t), a.ID, reader, news.ReactionLiked)
		wantCode(t, err, news.EINVALID)
	}
	_, err = s.SetReaction(ctx(t), a.ID+1, news.AnonReader("x"), news.ReactionLiked)
	wantCode(t, err, news.ENOTFOUND)
}
