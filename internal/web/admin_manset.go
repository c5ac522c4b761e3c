package web

import (
	"cmp"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"manset/internal/news"
)

// adminMansetCandidates is how many recent articles the curation page
// offers besides those already pinned.
const adminMansetCandidates = 30

// adminMansetView lists the pinned articles in order, then candidates.
type adminMansetView struct {
	Pinned     []news.Article
	Candidates []news.Article
}

func (a *adminSite) mansetPage(w http.ResponseWriter, r *http.Request, u news.User) {
	ctx := r.Context()
	pinned, _, err := a.st.ListArticles(ctx, news.ArticleFilter{Lean: true, Featured: true})
	if err != nil {
		a.fail(w, r, err)
		return
	}
	now := a.s.now()
	recent, _, err := a.st.ListArticles(ctx, news.ArticleFilter{Lean: true, VisibleAt: &now, Limit: adminMansetCandidates + len(pinned)})
	if err != nil {
		a.fail(w, r, err)
		return
	}
	v := adminMansetView{Pinned: pinned}
	for _, art := range recent {
		if art.Featured == 0 && len(v.Candidates) < adminMansetCandidates {
			v.Candidates = append(v.Candidates, art)
		}
	}
	a.render(w, r, http.StatusOK, "manset", &adminPage{Title: "Manşet", Section: "manset", User: u, Data: v})
}

// mansetSave takes a position per listed article ("pos_<id>", empty or 0
// to unpin) and renumbers the pinned ones 1..N in the order given, so the
// lead is always unique and the slider has no gaps.
func (a *adminSite) mansetSave(w http.ResponseWriter, r *http.Request, u news.User) {
	type pick struct {
		id  int64
		pos int
		idx int
	}
	var picks []pick
	var listed []int64
	for i, s := range strings.Fields(strings.Join(r.PostForm["ids"], " ")) {
		id, err := strconv.ParseInt(s, 10, 64)
		if err != nil || id <= 0 {
			continue
		}
		listed = append(listed, id)
		if pos, err := strconv.Atoi(strings.TrimSpace(r.PostFormValue("pos_" + s))); err == nil && pos > 0 {
			picks = append(picks, pick{id, pos, i})
		}
	}
	slices.SortFunc(picks, func(x, y pick) int { return cmp.Or(cmp.Compare(x.pos, y.pos), cmp.Compare(x.idx, y.idx)) })
	want := make(map[int64]int, len(listed))
	for _, id := range listed {
		want[id] = 0
	}
	var order []string
	for i, p := range picks {
		want[p.id] = i + 1
		order = append(order, fmt.Sprintf("%d=%d", i+1, p.id))
	}
	if err := a.applyFeatured(r, want); err != nil {
		a.fail(w, r, err)
		return
	}
	a.s.Invalidate()
	a.audit(r, u, "manset.update", "manset", strings.Join(order, " "))
	a.redirect(w, r, "/admin/manset", "saved")
}

// applyFeatured saves the wanted manşet position of each article whose
// position changes; unknown ids (deleted meanwhile) are skipped.
func (a *adminSite) applyFeatured(r *http.Request, want map[int64]int) error {
	ids := make([]int64, 0, len(want))
	for id := range want {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		art, err := a.st.Article(r.Context(), id)
		if news.IsNotFound(err) {
			continue
		} else if err != nil {
			return err
		}
		if art.Featured == want[id] {
			continue
		}
		art.Featured = want[id]
		if err := a.st.UpdateArticle(r.Context(), &art); err != nil {
			return err
		}
	}
	return nil
}
