package feed

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"manset/internal/news"
)

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParse(t *testing.T) {
	istanbul := time.FixedZone("+03", 3*3600)
	tests := []struct {
		name      string
		file      string
		feedURL   string
		wantTitle string
		want      []Item
	}{
		{
			name: "RSSTurkish", file: "rss_tr.xml", feedURL: "https://haber.example/rss",
			wantTitle: "Örnek Haber — Gündem",
			want: []Item{{
				URL: "https://haber.example/gundem/istanbulda-yagmur-bekleniyor-123456", GUID: "haber-123456",
				Title: "İstanbul'da sağanak yağış uyarısı", Summary: "Meteoroloji <b>uyardı</b>.",
				ContentHTML: "<p>Şiddetli yağış bekleniyor. Çığ riski yok.</p>", Author: "Ayşe Yılmaz",
				Image: "https://haber.example/img/yagmur.jpg", Categories: []string{"Gündem", "Hava Durumu"},
				Published: ptime(time.Date(2024, 11, 1, 13, 17, 0, 0, istanbul)),
			}, {
				URL: "https://haber.example/ekonomi/dolar-yeni-haftaya-nasil-basladi", GUID: "https://haber.example/ekonomi/dolar-yeni-haftaya-nasil-basladi",
				Title: "Dolar yeni haftaya nasıl başladı?",
				Image: "https://haber.example/img/doviz.jpg",
			}},
		},
		{
			name: "AtomRelativeLinks", file: "atom_relative.xml", feedURL: "https://ajans.example/feeds/atom.xml",
			wantTitle: "Ajans Atom",
			want: []Item{{
				URL: "https://ajans.example/dunya/secim-sonuclari-aciklandi", GUID: "tag:ajans.example,2024:1",
				Title: "Seçim sonuçları açıklandı", Summary: "Özet metin", ContentHTML: "<p>Tam metin <a href=\"x\">bağlantı</a></p>",
				Author: "Mehmet Öz", Categories: []string{"Dünya"},
				Published: ptime(time.Date(2024, 5, 3, 9, 0, 0, 0, time.UTC)),
				Updated:   ptime(time.Date(2024, 5, 3, 10, 30, 0, 0, time.UTC)),
			}, {
				URL: "https://ajans.example/base/spor/derbi-sonucu", GUID: "tag:ajans.example,2024:2", Title: "Derbi sonucu",
				Published: ptime(time.Date(2024, 5, 4, 20, 0, 0, 0, time.UTC)),
				Updated:   ptime(time.Date(2024, 5, 4, 20, 0, 0, 0, time.UTC)),
			}},
		},
		{
			name: "JSONFeed", file: "feed.json", feedURL: "https://blog.example/feed.json",
			wantTitle: "Gazete JSON",
			want: []Item{{
				URL: "https://blog.example/yazi/kultur-sanat-haftasi", GUID: "1", Title: "Kültür sanat haftası başlıyor",
				Summary: "Kısa özet", ContentHTML: "<p>Gösteriler <em>ücretsiz</em>.</p>", Author: "Zeynep Çelik",
				Image: "https://blog.example/img/kultur.jpg", Categories: []string{"kültür", "sanat"},
				Published: ptime(time.Date(2024, 2, 29, 18, 45, 0, 0, istanbul)),
			}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			title, items, err := Parse(mustRead(t, tt.file), tt.feedURL)
			if err != nil {
				t.Fatal(err)
			}
			if title != tt.wantTitle {
				t.Errorf("title = %q, want %q", title, tt.wantTitle)
			}
			compareItems(t, items, tt.want)
		})
	}
}

func ptime(t time.Time) *time.Time { return &t }

func compareItems(t *testing.T, got, want []Item) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d items %v, want %d", len(got), got, len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if !sameTime(g.Published, w.Published) || !sameTime(g.Updated, w.Updated) {
			t.Errorf("item %d dates = %v, %v; want %v, %v", i, g.Published, g.Updated, w.Published, w.Updated)
		}
		g.Published, g.Updated, w.Published, w.Updated = nil, nil, nil, nil
		if fmt.Sprintf("%#v", g) != fmt.Sprintf("%#v", w) {
			t.Errorf("item %d\n got %#v\nwant %#v", i, g, w)
		}
	}
}

func sameTime(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(*b)
}

func TestParseWindows1254(t *testing.T) {
	const doc = `<?xml version="1.0" encoding="windows-1254"?>
<rss version="2.0"><channel><title>Yerel Gazete Şanlıurfa</title>
<item><title>Çiftçilere ığdır desteği: İŞKUR ve ĞÜŞ</title><link>/haber/ciftci-destegi-4455</link>
<description>Şubat ayında ödenecek.</description></item></channel></rss>`
	body, err := charmap.Windows1254.NewEncoder().Bytes([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, from, to string }{
		{"Declared", "", ""},
		{"DeclaredISO88599", `encoding="windows-1254"`, `encoding="ISO-8859-9"`},
		{"FalselyDeclaredUTF8", `encoding="windows-1254"`, `encoding="UTF-8"`},
		{"Undeclared", ` encoding="windows-1254"`, ``},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := body
			if tc.from != "" || tc.to != "" {
				b = []byte(strings.Replace(string(body), tc.from, tc.to, 1))
			}
			title, items, err := Parse(b, "http://yerel.example/rss.xml")
			if err != nil {
				t.Fatal(err)
			}
			if title != "Yerel Gazete Şanlıurfa" {
				t.Errorf("title = %q", title)
			}
			if len(items) != 1 || items[0].Title != "Çiftçilere ığdır desteği: İŞKUR ve ĞÜŞ" ||
				items[0].Summary != "Şubat ayında ödenecek." || items[0].URL != "http://yerel.example/haber/ciftci-destegi-4455" {
				t.Errorf("items = %#v", items)
			}
		})
	}
}

func TestParseNoDates(t *testing.T) {
	doc := `<rss version="2.0"><channel><title>t</title><item><title>Tarihsiz</title><link>https://a.example/x/y</link></item></channel></rss>`
	_, items, err := Parse([]byte(doc), "https://a.example/rss")
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 || items[0].Published != nil || items[0].Updated != nil {
		t.Fatalf("dates invented: %#v", items)
	}
}

func TestParseManyItems(t *testing.T) {
	const n = 10000
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Büyük</title>`)
	for i := range n {
		fmt.Fprintf(&b, `<item><title>Haber %d: Güneş</title><link>/h/%d-haber-basligi-burada</link><guid>%d</guid>`+
			`<pubDate>Mon, 02 Jan 2006 15:04:05 +0300</pubDate><description>&lt;p&gt;Özet %d&lt;/p&gt;</description></item>`, i, i, i, i)
	}
	b.WriteString(`</channel></rss>`)
	_, items, err := Parse([]byte(b.String()), "https://big.example/")
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != n {
		t.Fatalf("got %d items, want %d", len(items), n)
	}
	last := items[n-1]
	if last.URL != fmt.Sprintf("https://big.example/h/%d-haber-basligi-burada", n-1) || last.Summary != fmt.Sprintf("<p>Özet %d</p>", n-1) {
		t.Errorf("last item = %#v", last)
	}
}

func TestParseInvalid(t *testing.T) {
	tests := []struct{ name, body, code, inMsg string }{
		{"Empty", "  ", news.EINVALID, "boş"},
		{"HTMLPage", "<!doctype html><html><body><p>merhaba</p></body></html>", news.EINVALID, "tanınmadı"},
		{"BrokenXML", `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a</title></ite`, news.EINVALID, "okunamadı"},
		{"BrokenJSON", `{"version": "https://jsonfeed.org/version/1.1", "items": [`, news.EINVALID, "okunamadı"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Parse([]byte(tt.body), "https://x.example/")
			if news.ErrorCode(err) != tt.code || !strings.Contains(news.ErrorMessage(err), tt.inMsg) {
				t.Fatalf("err = %v, want code %s with %q", err, tt.code, tt.inMsg)
			}
		})
	}
}

func TestParseTooLarge(t *testing.T) {
	_, _, err := Parse(make([]byte, MaxFeedSize+1), "")
	if news.ErrorCode(err) != news.ETOOLARGE {
		t.Fatalf("err = %v, want too_large", err)
	}
}
