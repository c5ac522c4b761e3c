package web

import (
	"context"
	"net/url"
	"sort"
	"strings"
	"time"

	"manset/internal/news"
)

// storyTimelineLimit caps the articles a story's timeline lists.
const storyTimelineLimit = 50

// storyView is the "Bu haberin diğer kaynakları" box: every outlet that
// carried this article or reported the same story, earliest first, and the
// story's timeline.
type storyView struct {
	Outlets  []outletView
	Timeline []timelineItem
	articles []int64 // the story's other articles, whose changes show here
}

// outletView is one outlet's version: its headline, when it published, the
// original page, and our copy when we keep one.
type outletView struct {
	Source   string
	Title    string
	Time     *time.Time
	Original string
	OurURL   string // empty when the version was folded into this article
	First    bool   // "İlk yayınlayan"
}

// timelineItem is one article of the story, in time order.
type timelineItem struct {
	Title, URL, Source string
	Time               time.Time
	Current            bool
}

// storyBox builds the story box of a, or nil when there is nothing to
// show beyond the article itself.
func (s *Server) storyBox(ctx context.Context, a *news.Article, now time.Time) (*storyView, error) {
	var v storyView
	recorded, err := s.store.ArticleSources(ctx, a.ID)
	if err != nil {
		return nil, err
	}
	for _, r := range recorded {
		v.Outlets = append(v.Outlets, outletView{Source: outletName(r.SourceName, r.URL), Title: r.Title,
			Time: r.PublishedAt, Original: r.URL})
	}
	if a.StoryID != 0 {
		members, _, err := s.store.ListArticles(ctx, news.ArticleFilter{Lean: true, StoryID: &a.StoryID, VisibleAt: &now, Limit: storyTimelineLimit})
		if err != nil {
			return nil, err
		}
		s.addStoryMembers(&v, a, members)
	}
	if len(v.Outlets) < 2 && len(v.Timeline) < 2 {
		return nil, nil
	}
	sort.SliceStable(v.Outlets, func(i, j int) bool { return earlier(v.Outlets[i].Time, v.Outlets[j].Time) })
	if len(v.Outlets) > 1 && v.Outlets[0].Time != nil {
		v.Outlets[0].First = true
	}
	return &v, nil
}

// addStoryMembers lists the other articles of a's story as outlets and all
// of them, a included, on the timeline.
func (s *Server) addStoryMembers(v *storyView, a *news.Article, members []news.Article) {
	seen := map[string]bool{}
	for _, o := range v.Outlets {
		seen[o.Original] = true
	}
	for i := range members {
		m := &members[i]
		if m.ID != a.ID {
			v.articles = append(v.articles, m.ID)
		}
		source := outletName(m.SourceName, m.SourceURL)
		v.Timeline = append(v.Timeline, timelineItem{Title: m.Title, URL: articlePath(m.Slug), Source: source,
			Time: m.DisplayTime(), Current: m.ID == a.ID})
		if m.ID == a.ID || m.SourceURL != "" && seen[m.SourceURL] {
			continue
		}
		t := m.DisplayTime()
		v.Outlets = append(v.Outlets, outletView{Source: source, Title: m.Title, Time: &t,
			Original: m.SourceURL, OurURL: articlePath(m.Slug)})
	}
	sort.SliceStable(v.Timeline, func(i, j int) bool { return v.Timeline[i].Time.Before(v.Timeline[j].Time) })
}

// earlier orders known times first, oldest first.
func earlier(a, b *time.Time) bool {
	switch {
	case a == nil:
		return false
	case b == nil:
		return true
	}
	return a.Before(*b)
}

// outletName is the source's name, or the host of its page when the
// outlet is not a configured source.
func outletName(name, page string) string {
	if name != "" {
		return name
	}
	if u, err := url.Parse(page); err == nil && u.Host != "" {
		return strings.TrimPrefix(u.Hostname(), "www.")
	}
	return "Manşet"
}
