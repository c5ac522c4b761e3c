package syndication

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
)

type parsedJSONFeed struct {
	Version     string `json:"version"`
	Title       string `json:"title"`
	HomePageURL string `json:"home_page_url"`
	FeedURL     string `json:"feed_url"`
	Language    string `json:"language"`
	Items       []struct {
		ID            string  `json:"id"`
		URL           string  `json:"url"`
		Title         string  `json:"title"`
		ContentHTML   string  `json:"content_html"`
		ContentText   string  `json:"content_text"`
		Summary       string  `json:"summary"`
		Image         string  `json:"image"`
		DatePublished *string `json:"date_published"`
		DateModified  *string `json:"date_modified"`
		Authors       []struct {
			Name string `json:"name"`
		} `json:"authors"`
		Tags []string `json:"tags"`
	} `json:"items"`
}

func renderJSON(t *testing.T) []byte {
	t.Helper()
	out, err := JSONFeed(sampleChannel(), sampleItems())
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestJSONFeed(t *testing.T) {
	out := renderJSON(t)
	var feed parsedJSONFeed
	if err := json.Unmarshal(out, &feed); err != nil {
		t.Fatalf("output does not parse: %v\n%s", err, out)
	}
	if feed.Version != "https://jsonfeed.org/version/1.1" || feed.Title != "Manşet" || feed.HomePageURL != "https://manset.example/" ||
		feed.FeedURL != "https://manset.example/rss.xml" || feed.Language != "tr" {
		t.Errorf("feed = %+v", feed)
	}
	if len(feed.Items) != 3 {
		t.Fatalf("got %d items", len(feed.Items))
	}
	kar, script, borsa := feed.Items[0], feed.Items[1], feed.Items[2]
	if kar.Title != titleKar || script.Title != titleScript || borsa.Title != titleBorsa {
		t.Errorf("titles = %q, %q, %q", kar.Title, script.Title, borsa.Title)
	}
	if kar.DatePublished == nil {
		t.Fatal("dated item lacks date_published")
	}
	if got, err := time.Parse(time.RFC3339, *kar.DatePublished); err != nil || !got.Equal(pubKar) {
		t.Errorf("date_published %q, want %v", *kar.DatePublished, pubKar)
	}
	if kar.DateModified == nil || *kar.DateModified != "2025-03-14T11:30:00+03:00" {
		t.Errorf("date_modified = %v", kar.DateModified)
	}
	if script.DatePublished != nil || script.DateModified != nil {
		t.Errorf("undated item got dates %v %v", script.DatePublished, script.DateModified)
	}
	if len(kar.Authors) != 1 || kar.Authors[0].Name != "Ayşe Çağlar" || len(kar.Tags) != 1 || kar.Tags[0] != "Gündem" {
		t.Errorf("authors, tags = %+v %v", kar.Authors, kar.Tags)
	}
	if kar.Image != "https://manset.example/img/kar.jpg" || !strings.Contains(kar.ContentHTML, "<b>yağışı</b>") {
		t.Errorf("image, content = %q %q", kar.Image, kar.ContentHTML)
	}
	// JSON Feed requires content_html or content_text on every item.
	if script.ContentHTML != "" || script.ContentText != "Özet metni" || script.ID != "42" {
		t.Errorf("item without html = %+v", script)
	}
	if !strings.Contains(string(out), "İstanbul") {
		t.Error("Turkish letters were escaped")
	}
}

func TestJSONFeed_Gofeed(t *testing.T) {
	feed, err := gofeed.NewParser().ParseString(string(renderJSON(t)))
	if err != nil {
		t.Fatal(err)
	}
	if feed.FeedType != "json" || feed.Title != "Manşet" || len(feed.Items) != 3 {
		t.Fatalf("feed = %q %q %d items", feed.FeedType, feed.Title, len(feed.Items))
	}
	if it := feed.Items[0]; it.PublishedParsed == nil || !it.PublishedParsed.Equal(pubKar) {
		t.Errorf("published = %v", it.PublishedParsed)
	}
	if it := feed.Items[1]; it.Title != titleScript || it.PublishedParsed != nil {
		t.Errorf("item 1 = %q %v", it.Title, it.PublishedParsed)
	}
}

func TestJSONFeed_EmptyHasItemsArray(t *testing.T) {
	out, err := JSONFeed(Channel{Title: "Boş"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), `"items": []`) {
		t.Errorf("items must be an array, got:\n%s", out)
	}
}

func TestJSONFeed_Golden(t *testing.T) {
	checkGolden(t, "feed.json", renderJSON(t))
}
