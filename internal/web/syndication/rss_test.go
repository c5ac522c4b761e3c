package syndication

import (
	"encoding/xml"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
)

// parsedRSS mirrors what a reader extracts from our RSS, with namespaces
// resolved by the decoder rather than by prefix.
type parsedRSS struct {
	XMLName xml.Name `xml:"rss"`
	Version string   `xml:"version,attr"`
	Channel struct {
		// Self precedes Link: an unqualified tag matches atom:link too, and
		// the decoder picks the first field that fits.
		Self struct {
			Href string `xml:"href,attr"`
			Rel  string `xml:"rel,attr"`
		} `xml:"http://www.w3.org/2005/Atom link"`
		Title         string `xml:"title"`
		Link          string `xml:"link"`
		LastBuildDate string `xml:"lastBuildDate"`
		Items         []struct {
			Title string `xml:"title"`
			Link  string `xml:"link"`
			GUID  struct {
				IsPermaLink string `xml:"isPermaLink,attr"`
				Value       string `xml:",chardata"`
			} `xml:"guid"`
			Description string  `xml:"description"`
			Content     string  `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
			Creator     string  `xml:"http://purl.org/dc/elements/1.1/ creator"`
			Category    string  `xml:"category"`
			PubDate     *string `xml:"pubDate"`
			Enclosure   struct {
				URL  string `xml:"url,attr"`
				Type string `xml:"type,attr"`
			} `xml:"enclosure"`
			Media struct {
				URL string `xml:"url,attr"`
			} `xml:"http://search.yahoo.com/mrss/ content"`
		} `xml:"item"`
	} `xml:"channel"`
}

func renderRSS(t *testing.T) []byte {
	t.Helper()
	out, err := RSS(sampleChannel(), sampleItems())
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestRSS_EncodingXML(t *testing.T) {
	out := renderRSS(t)
	var doc parsedRSS
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("output does not parse: %v\n%s", err, out)
	}
	ch := doc.Channel
	if doc.Version != "2.0" || ch.Title != "Manşet" || ch.Self.Rel != "self" || ch.Self.Href != "https://manset.example/rss.xml" {
		t.Errorf("channel = %+v", ch)
	}
	if len(ch.Items) != 3 {
		t.Fatalf("got %d items, want 3", len(ch.Items))
	}
	kar, script, borsa := ch.Items[0], ch.Items[1], ch.Items[2]
	if kar.Title != titleKar || script.Title != titleScript || borsa.Title != titleBorsa {
		t.Errorf("titles = %q, %q, %q", kar.Title, script.Title, borsa.Title)
	}
	if kar.GUID.IsPermaLink != "true" || script.GUID.IsPermaLink != "false" || script.GUID.Value != "42" {
		t.Errorf("guids = %+v, %+v", kar.GUID, script.GUID)
	}
	if want := "<p>Kar <b>yağışı</b> sürüyor. ]]> sonrası</p>\n<p>İkinci paragraf.</p>"; kar.Content != want {
		t.Errorf("content:encoded = %q, want %q", kar.Content, want)
	}
	if kar.Creator != "Ayşe Çağlar" || kar.Category != "Gündem" {
		t.Errorf("creator, category = %q, %q", kar.Creator, kar.Category)
	}
	if kar.Enclosure.URL != "https://manset.example/img/kar.jpg" || kar.Enclosure.Type != "image/jpeg" || kar.Media.URL != kar.Enclosure.URL {
		t.Errorf("image = %+v, %+v", kar.Enclosure, kar.Media)
	}
	if borsa.Enclosure.Type != "image/png" {
		t.Errorf("png enclosure type = %q", borsa.Enclosure.Type)
	}
	if script.Description != "Özet metni" {
		t.Errorf("control characters not removed: %q", script.Description)
	}
	if script.PubDate != nil {
		t.Errorf("undated item got pubDate %q", *script.PubDate)
	}
	if kar.PubDate == nil {
		t.Fatal("dated item has no pubDate")
	}
	got, err := time.Parse(time.RFC1123Z, *kar.PubDate)
	if err != nil || !got.Equal(pubKar) {
		t.Errorf("pubDate %q = %v (%v), want %v", *kar.PubDate, got, err, pubKar)
	}
	if _, off := got.Zone(); off != 3*60*60 {
		t.Errorf("pubDate %q lost the +03:00 offset", *kar.PubDate)
	}
}

func TestRSS_Escaping(t *testing.T) {
	out := string(renderRSS(t))
	for _, bad := range []string{"<script>", "\x00", "\x1b", "\uFFFE"} {
		if strings.Contains(out, bad) {
			t.Errorf("output contains %q", bad)
		}
	}
	// Turkish letters stay literal rather than as character references.
	for _, want := range []string{"İstanbul", "Şişli", "ığdır", "&lt;script&gt;", "&amp;"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

func TestRSS_Gofeed(t *testing.T) {
	feed, err := gofeed.NewParser().ParseString(string(renderRSS(t)))
	if err != nil {
		t.Fatal(err)
	}
	if feed.FeedType != "rss" || feed.Title != "Manşet" || feed.Language != "tr" {
		t.Errorf("feed = %q %q %q", feed.FeedType, feed.Title, feed.Language)
	}
	if feed.UpdatedParsed == nil || !feed.UpdatedParsed.Equal(buildTime) {
		t.Errorf("lastBuildDate = %v, want %v", feed.UpdatedParsed, buildTime)
	}
	if len(feed.Items) != 3 {
		t.Fatalf("got %d items", len(feed.Items))
	}
	kar, script := feed.Items[0], feed.Items[1]
	if kar.Title != titleKar || kar.Link != "https://manset.example/haber/istanbulda-kar-yagisi" {
		t.Errorf("item 0 = %q %q", kar.Title, kar.Link)
	}
	if kar.PublishedParsed == nil || !kar.PublishedParsed.Equal(pubKar) {
		t.Errorf("published = %v, want %v", kar.PublishedParsed, pubKar)
	}
	if script.Title != titleScript || script.Link != "https://manset.example/haber/olcum-sonuclari?kaynak=a&b=c" {
		t.Errorf("item 1 = %q %q", script.Title, script.Link)
	}
	if script.PublishedParsed != nil || script.Published != "" {
		t.Errorf("undated item published = %q", script.Published)
	}
	if len(kar.Authors) != 1 || kar.Authors[0].Name != "Ayşe Çağlar" {
		t.Errorf("authors = %+v", kar.Authors)
	}
	if len(kar.Categories) != 1 || kar.Categories[0] != "Gündem" {
		t.Errorf("categories = %v", kar.Categories)
	}
	if kar.Image == nil || kar.Image.URL != "https://manset.example/img/kar.jpg" {
		t.Errorf("image = %+v", kar.Image)
	}
	if !strings.Contains(kar.Content, "<b>yağışı</b>") {
		t.Errorf("content = %q", kar.Content)
	}
}

func TestRSS_Empty(t *testing.T) {
	out, err := RSS(Channel{Title: "Boş"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var doc parsedRSS
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Channel.Items) != 0 || doc.Channel.LastBuildDate != "" {
		t.Errorf("empty feed = %+v", doc.Channel)
	}
}

func TestRSS_Golden(t *testing.T) {
	checkGolden(t, "feed.rss", renderRSS(t))
}
