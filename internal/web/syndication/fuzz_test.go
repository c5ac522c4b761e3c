package syndication

import (
	"encoding/json"
	"encoding/xml"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzRSS feeds arbitrary strings through every text field and requires the
// RSS and Atom output to stay well-formed, valid UTF-8, and to carry the
// title through unchanged apart from the characters XML cannot hold.
func FuzzRSS(f *testing.F) {
	f.Add("İstanbul'da kar", "https://a.example/ş", "özet", "<p>x</p>", "Ayşe", "Gündem", "https://a.example/i.jpg", "1", int64(1741933800))
	f.Add("<script>&amp;</script>", "javascript:alert(1)", "\x00\x1b\x7f", "]]>]]]]><![CDATA[", "", "", "", "", int64(-1))
	f.Add("\xff\xfe\uFFFE", "\r\n", "a\rb", "<![CDATA[x]]>", "\t", "&", "\"'", "urn:x", int64(0))
	f.Fuzz(func(t *testing.T, title, link, summary, html, author, category, image, id string, unix int64) {
		it := Item{ID: id, Title: title, Link: link, Summary: summary, ContentHTML: html,
			Author: author, Category: category, Image: image}
		if unix >= 0 {
			p := time.Unix(unix%(1<<40), 0).In(istanbul)
			it.Published = &p
		}
		ch := Channel{Title: title, Link: link, FeedURL: image, Description: summary, Language: category}
		rss, err := RSS(ch, []Item{it})
		if err != nil {
			t.Fatal(err)
		}
		var doc parsedRSS
		if err := xml.Unmarshal(rss, &doc); err != nil {
			t.Fatalf("RSS does not parse: %v\n%s", err, rss)
		}
		if !utf8.Valid(rss) {
			t.Fatal("RSS is not valid UTF-8")
		}
		if got := doc.Channel.Items[0].Title; got != clean(title) {
			t.Errorf("RSS title = %q, want %q", got, clean(title))
		}
		if got := doc.Channel.Items[0].Content; got != cleanHTML(html) {
			t.Errorf("RSS content = %q, want %q", got, cleanHTML(html))
		}
		atom, err := Atom(ch, []Item{it})
		if err != nil {
			t.Fatal(err)
		}
		var feed parsedAtom
		if err := xml.Unmarshal(atom, &feed); err != nil {
			t.Fatalf("Atom does not parse: %v\n%s", err, atom)
		}
		if got := feed.Entries[0].Title; got != clean(title) {
			t.Errorf("Atom title = %q, want %q", got, clean(title))
		}
		js, err := JSONFeed(ch, []Item{it})
		if err != nil {
			t.Fatal(err)
		}
		if !json.Valid(js) || !utf8.Valid(js) {
			t.Fatalf("JSON Feed invalid:\n%s", js)
		}
	})
}
