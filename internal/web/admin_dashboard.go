package web

import (
	"net/http"

	"manset/internal/news"
	"manset/internal/turkish"
)

// adminChartDays is how many days the dashboard chart covers.
const adminChartDays = 14

// adminDashboard is the content of the dashboard.
type adminDashboard struct {
	Latest       []news.Article
	PendingCount int
	ReviewCount  int // aggregated articles waiting for an editor
	Pending      []news.ModerationComment
	Chart        adminChart
}

// dashboard shows the newsroom at a glance: latest articles, comments
// waiting for moderation, and views and reactions of the last two weeks.
func (a *adminSite) dashboard(w http.ResponseWriter, r *http.Request, u news.User) {
	ctx := r.Context()
	var d adminDashboard
	var err error
	if d.Latest, _, err = a.st.ListArticles(ctx, news.ArticleFilter{Lean: true, Limit: 10}); err != nil {
		a.fail(w, r, err)
		return
	}
	if d.Pending, d.PendingCount, err = a.st.ListCommentsForModeration(ctx, news.CommentPending, 5, 0); err != nil {
		a.fail(w, r, err)
		return
	}
	review := news.StatusReview
	if _, d.ReviewCount, err = a.st.ListArticles(ctx, news.ArticleFilter{Lean: true, Status: &review, Limit: 1}); err != nil {
		a.fail(w, r, err)
		return
	}
	to := a.s.now().In(turkish.Istanbul)
	from := to.AddDate(0, 0, -(adminChartDays - 1))
	views, err := a.st.ViewsPerDay(ctx, from, to)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	reactions, err := a.st.ReactionsPerDay(ctx, from, to)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	d.Chart = newAdminChart(views, reactions)
	a.render(w, r, http.StatusOK, "dashboard", &adminPage{Title: "Pano", Section: "dashboard", User: u, Data: d})
}
