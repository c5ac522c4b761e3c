package web

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"manset/internal/news"
)

// storySite has one story of two outlets' reports and, on the first, a
// near copy from a third outlet folded into it.
func storySite(t *testing.T) (site *testSite, first, second, alone news.Article) {
	t.Helper()
	ctx := context.Background()
	site = newTestSite(t, 0)
	srcs := map[string]news.Source{}
	for _, name := range []string{"Anadolu Postası", "Karadeniz Gazetesi", "Ege Haber"} {
		s := news.Source{Name: name, Kind: news.SourceFeed, URL: "https://" + strings.ToLower(name[:3]) + ".example/rss"}
		if err := site.db.CreateSource(ctx, &s); err != nil {
			t.Fatal(err)
		}
		srcs[name] = s
	}
	from := func(name, url string) func(*news.Article) {
		return func(a *news.Article) { a.SourceID, a.SourceURL = srcs[name].ID, url }
	}
	first = site.add(t, "Of'ta heyelan: 3 ev tahliye edildi", "dunya", 300, from("Karadeniz Gazetesi", "https://kar.example/heyelan"))
	second = site.add(t, "Of ilçesinde toprak kayması", "dunya", 240, from("Ege Haber", "https://ege.example/kayma"))
	alone = site.add(t, "Başka bir haber", "spor", 100)
	story := news.Story{Title: first.Title}
	if err := site.db.CreateStory(ctx, &story); err != nil {
		t.Fatal(err)
	}
	for _, a := range []news.Article{first, second} {
		if err := site.db.SetArticleStory(ctx, a.ID, story.ID); err != nil {
			t.Fatal(err)
		}
	}
	later := *first.PublishedAt
	later = later.Add(90 * 60e9)
	for _, s := range []news.ArticleSource{
		{ArticleID: first.ID, SourceID: srcs["Karadeniz Gazetesi"].ID, URL: first.SourceURL, Title: first.Title, PublishedAt: first.PublishedAt},
		{ArticleID: first.ID, SourceID: srcs["Anadolu Postası"].ID, URL: "https://ana.example/of-heyelan", Title: "Trabzon'da heyelan korkusu", PublishedAt: &later},
	} {
		if err := site.db.AddArticleSource(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	return site, first, second, alone
}

func TestArticleStoryBox(t *testing.T) {
	site, first, second, alone := storySite(t)
	body := site.mustGet(t, "/haber/"+first.Slug, 200)
	box := body[strings.Index(body, "Bu haberin diğer kaynakları"):]
	mustContain(t, box,
		"Karadeniz Gazetesi</strong> <span class=\"badge first\">İlk yayınlayan</span>",
		"Anadolu Postası", "Trabzon&#39;da heyelan korkusu", `href="https://ana.example/of-heyelan"`,
		`href="/haber/`+second.Slug+`">`+second.Title, `href="https://ege.example/kayma"`,
		"Gelişmeler")
	// Time order: the first report, then the other outlet's copy, then the
	// second report; the timeline starts with the current article.
	iKar, iAna, iEge := strings.Index(box, "Karadeniz Gazetesi"), strings.Index(box, "Anadolu Postası"), strings.Index(box, "Ege Haber")
	if !(iKar < iEge && iKar < iAna) {
		t.Errorf("outlets not earliest first: %d %d %d", iKar, iAna, iEge)
	}
	tl := box[strings.Index(box, "story-timeline"):]
	if strings.Index(tl, `aria-current="page"`) > strings.Index(tl, second.Title) {
		t.Error("timeline is not in time order")
	}
	mustNotContain(t, site.mustGet(t, "/haber/"+alone.Slug, 200), "Bu haberin diğer kaynakları")
}

func TestArticleAPIRelatedStoryFirst(t *testing.T) {
	site, first, second, _ := storySite(t)
	var got struct {
		StoryID int64 `json:"story_id"`
		Related []struct {
			ID int64 `json:"id"`
		} `json:"related"`
	}
	body := site.mustGet(t, fmt.Sprintf("/api/v1/articles/%d", first.ID), 200)
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	if got.StoryID == 0 || len(got.Related) == 0 || got.Related[0].ID != second.ID {
		t.Errorf("story_id %d, related %v; want the story sibling %d first", got.StoryID, got.Related, second.ID)
	}
}
