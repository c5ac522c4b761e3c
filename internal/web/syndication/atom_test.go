package syndication

import (
	"encoding/xml"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
)

type parsedAtom struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Links   []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Entries []struct {
		ID        string  `xml:"id"`
		Title     string  `xml:"title"`
		Updated   string  `xml:"updated"`
		Published *string `xml:"published"`
		Author    string  `xml:"author>name"`
		Summary   string  `xml:"summary"`
		Content   struct {
			Type string `xml:"type,attr"`
			Text string `xml:",chardata"`
		} `xml:"content"`
		Category struct {
			Term string `xml:"term,attr"`
		} `xml:"category"`
	} `xml:"entry"`
}

func renderAtom(t *testing.T) []byte {
	t.Helper()
	out, err := Atom(sampleChannel(), sampleItems())
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestAtom_EncodingXML(t *testing.T) {
	out := renderAtom(t)
	var feed parsedAtom
	if err := xml.Unmarshal(out, &feed); err != nil {
		t.Fatalf("output does not parse: %v\n%s", err, out)
	}
	if feed.ID != "https://manset.example/" || feed.Title != "Manşet" || feed.Updated != "2025-03-14T12:00:00+03:00" {
		t.Errorf("feed = %q %q %q", feed.ID, feed.Title, feed.Updated)
	}
	rels := map[string]string{}
	for _, l := range feed.Links {
		rels[l.Rel] = l.Href
	}
	if rels["self"] != "https://manset.example/rss.xml" || rels["alternate"] != "https://manset.example/" {
		t.Errorf("links = %v", rels)
	}
	if len(feed.Entries) != 3 {
		t.Fatalf("got %d entries", len(feed.Entries))
	}
	kar, script, borsa := feed.Entries[0], feed.Entries[1], feed.Entries[2]
	if kar.Title != titleKar || script.Title != titleScript || borsa.Title != titleBorsa {
		t.Errorf("titles = %q, %q, %q", kar.Title, script.Title, borsa.Title)
	}
	// A bare numeric ID is not an IRI, so the article link stands in.
	if script.ID != "https://manset.example/haber/olcum-sonuclari?kaynak=a&b=c" {
		t.Errorf("entry id = %q", script.ID)
	}
	if kar.Published == nil || *kar.Published != "2025-03-14T09:30:00+03:00" || kar.Updated != "2025-03-14T11:30:00+03:00" {
		t.Errorf("kar dates = %v %q", kar.Published, kar.Updated)
	}
	if script.Published != nil {
		t.Errorf("undated entry got published %q", *script.Published)
	}
	// Atom requires <updated>; the undated entry borrows the feed's.
	if script.Updated != feed.Updated {
		t.Errorf("undated entry updated = %q, want feed's %q", script.Updated, feed.Updated)
	}
	if borsa.Updated != "2025-03-13T18:05:00+03:00" {
		t.Errorf("entry without Updated should use Published, got %q", borsa.Updated)
	}
	if kar.Content.Type != "html" || !strings.Contains(kar.Content.Text, "<b>yağışı</b>") {
		t.Errorf("content = %+v", kar.Content)
	}
	if kar.Author != "Ayşe Çağlar" || kar.Category.Term != "Gündem" || script.Summary != "Özet metni" {
		t.Errorf("author, category, summary = %q %q %q", kar.Author, kar.Category.Term, script.Summary)
	}
}

func TestAtom_Gofeed(t *testing.T) {
	out := string(renderAtom(t))
	feed, err := gofeed.NewParser().ParseString(out)
	if err != nil {
		t.Fatal(err)
	}
	if feed.FeedType != "atom" || feed.Title != "Manşet" || feed.Link != "https://manset.example/" || feed.FeedLink != "https://manset.example/rss.xml" {
		t.Errorf("feed = %q %q %q %q", feed.FeedType, feed.Title, feed.Link, feed.FeedLink)
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
	if kar.UpdatedParsed == nil || !kar.UpdatedParsed.Equal(pubKar.Add(2*time.Hour)) {
		t.Errorf("updated = %v", kar.UpdatedParsed)
	}
	if script.Title != titleScript || script.Link != "https://manset.example/haber/olcum-sonuclari?kaynak=a&b=c" {
		t.Errorf("item 1 = %q %q", script.Title, script.Link)
	}
	if kar.Image == nil && len(kar.Enclosures) == 0 {
		t.Error("image link lost")
	}

	// gofeed's translator copies <updated> into a missing published date, so
	// check the raw Atom parse that the undated entry really has none.
	raw, err := (&atom.Parser{}).Parse(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if raw.Entries[1].Published != "" || raw.Entries[0].Published == "" {
		t.Errorf("published = %q, %q", raw.Entries[0].Published, raw.Entries[1].Published)
	}
}

func TestAtom_EmptyUndated(t *testing.T) {
	out, err := Atom(Channel{Title: "Boş"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var feed parsedAtom
	if err := xml.Unmarshal(out, &feed); err != nil {
		t.Fatal(err)
	}
	if feed.ID == "" || feed.Updated == "" {
		t.Errorf("required id/updated missing: %+v", feed)
	}
}

func TestAtomEntryID(t *testing.T) {
	tests := []struct {
		name string
		it   Item
		want string
	}{
		{"URL id", Item{ID: "https://a.example/x", Link: "https://a.example/y"}, "https://a.example/x"},
		{"URN id", Item{ID: "urn:uuid:1", Link: "https://a.example/y"}, "urn:uuid:1"},
		{"numeric id uses link", Item{ID: "42", Link: "https://a.example/y"}, "https://a.example/y"},
		{"no link", Item{ID: "42 a"}, "urn:manset:article:42%20a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := atomEntryID(tt.it); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestAtom_Golden(t *testing.T) {
	checkGolden(t, "feed.atom", renderAtom(t))
}
