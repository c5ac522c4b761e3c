package ingest

import (
	"context"
	"math"
	"time"

	"manset/internal/ingest/story"
	"manset/internal/news"
	"manset/internal/turkish"
)

// storyCandidates is how many recent articles a new one is compared with.
const storyCandidates = 300

// cluster puts a newly stored article in the story of the most similar
// visible article published within story.DefaultWindow of it, making a
// new story for the two when that article is in none yet.
func (im *Importer) cluster(ctx context.Context, a *news.Article) error {
	t := a.DisplayTime()
	now := im.now()
	since := t.Add(-story.DefaultWindow)
	list, _, err := im.store.ListArticles(ctx, news.ArticleFilter{
		VisibleAt: &now, Since: &since, ExcludeID: a.ID, Limit: storyCandidates, Lean: true,
		Before: ptrTime(t.Add(story.DefaultWindow)), BeforeID: math.MaxInt64,
	})
	if err != nil || len(list) == 0 {
		return err
	}
	d := storyDoc(a)
	stats := story.NewStats()
	stats.AddDoc(d)
	cands := make([]story.Doc, len(list))
	byID := map[int64]*news.Article{}
	for i := range list {
		cands[i] = storyDoc(&list[i])
		stats.AddDoc(cands[i])
		byID[list[i].ID] = &list[i]
	}
	c := story.Clusterer{Stats: stats}
	storyID, matchedID, ok := c.Assign(d, cands)
	if !ok {
		return nil
	}
	if storyID == 0 {
		first := a
		if m := byID[matchedID]; m.DisplayTime().Before(t) {
			first = m
		}
		s := news.Story{Title: first.Title, FirstSeen: first.DisplayTime()}
		if err := im.store.CreateStory(ctx, &s); err != nil {
			return err
		}
		if err := im.store.SetArticleStory(ctx, matchedID, s.ID); err != nil {
			return err
		}
		storyID = s.ID
	}
	a.StoryID = storyID
	if err := im.store.SetArticleStory(ctx, a.ID, storyID); err != nil {
		return err
	}
	return im.earliestFirst(ctx, storyID, a)
}

// earliestFirst renames a story after a report that turns out to be its
// earliest, so "who published first" and the story title stay true when
// an older article arrives late.
func (im *Importer) earliestFirst(ctx context.Context, storyID int64, a *news.Article) error {
	s, err := im.store.Story(ctx, storyID)
	if err != nil || !a.DisplayTime().Before(s.FirstSeen) {
		return err
	}
	s.Title, s.FirstSeen = a.Title, a.DisplayTime()
	return im.store.UpdateStory(ctx, &s)
}

// storyDoc is what clustering compares of an article: its title and lead.
func storyDoc(a *news.Article) story.Doc {
	lead := a.Summary
	if lead == "" || turkish.Fold(lead) == turkish.Fold(a.Title) {
		if paras := turkish.SplitParagraphs(a.BodyText); len(paras) > 0 {
			lead = paras[0]
		}
	}
	return story.Doc{ID: a.ID, Title: a.Title, Lead: lead, Time: a.DisplayTime(), StoryID: a.StoryID}
}

func ptrTime(t time.Time) *time.Time { return &t }
