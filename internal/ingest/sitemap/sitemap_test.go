package sitemap

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"manset/internal/news"
)

var trt = time.FixedZone("+03", 3*3600)

func tp(t time.Time) *time.Time { return &t }

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func gzipped(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestParse(t *testing.T) {
	newsEntries := []Entry{
		{
			Loc: "https://haber.example/gundem/istanbulda-sagank-yagis-123456", NewsTitle: "İstanbul'da sağanak & dolu uyarısı",
			NewsName: "Örnek Haber", NewsPublished: tp(time.Date(2024, 11, 1, 13, 17, 0, 0, trt)),
		},
		{Loc: "https://haber.example/ekonomi/dolar?id=5&ref=sm", LastMod: tp(time.Date(2024, 10, 31, 0, 0, 0, 0, trt))},
		{Loc: "https://haber.example/spor/derbi?id=6&ref=sm", LastMod: tp(time.Date(2024, 10, 30, 21, 5, 0, 0, trt))},
	}
	tests := []struct {
		name         string
		body         []byte
		wantEntries  []Entry
		wantChildren []string
	}{
		{"Index", mustRead(t, "index.xml"), nil, []string{
			"https://haber.example/sitemap-news.xml", "https://haber.example/sitemap-2024-10.xml.gz"}},
		{"GoogleNews", mustRead(t, "news.xml"), newsEntries, nil},
		{"Gzipped", gzipped(t, mustRead(t, "news.xml")), newsEntries, nil},
		{"NoNamespace", []byte(`<urlset><url><loc>https://a.example/x</loc><news:title>Başlık</news:title></url></urlset>`),
			[]Entry{{Loc: "https://a.example/x", NewsTitle: "Başlık"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			entries, children, err := Parse(tt.body)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(children, tt.wantChildren) {
				t.Errorf("children = %q, want %q", children, tt.wantChildren)
			}
			compareEntries(t, entries, tt.wantEntries)
		})
	}
}

func compareEntries(t *testing.T, got, want []Entry) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d entries %+v, want %d", len(got), got, len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if !sameTime(g.LastMod, w.LastMod) || !sameTime(g.NewsPublished, w.NewsPublished) {
			t.Errorf("entry %d times = %v %v, want %v %v", i, g.LastMod, g.NewsPublished, w.LastMod, w.NewsPublished)
		}
		g.LastMod, g.NewsPublished, w.LastMod, w.NewsPublished = nil, nil, nil, nil
		if g != w {
			t.Errorf("entry %d = %+v, want %+v", i, g, w)
		}
	}
}

func sameTime(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(*b)
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name        string
		body        []byte
		code, inMsg string
		wantPartial int
	}{
		{"Empty", nil, news.EINVALID, "boş", 0},
		{"HTML", []byte("<html><body>404</body></html>"), news.EINVALID, "<html>", 0},
		{"Truncated", []byte(`<urlset><url><loc>https://a.example/1</loc></url><url><loc>https://a.example/2`), news.EINVALID, "bozuk", 1},
		{"BadGzip", []byte{0x1f, 0x8b, 0x08, 0x00, 0x01}, news.EINVALID, "gzip", 0},
		{"Bomb", gzipped(t, bytes.Repeat([]byte(" "), MaxSize+10)), news.ETOOLARGE, "büyük", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			entries, _, err := Parse(tt.body)
			if news.ErrorCode(err) != tt.code || !strings.Contains(news.ErrorMessage(err), tt.inMsg) {
				t.Fatalf("err = %v, want %s with %q", err, tt.code, tt.inMsg)
			}
			if len(entries) != tt.wantPartial {
				t.Errorf("got %d entries before the fault, want %d", len(entries), tt.wantPartial)
			}
		})
	}
}

func TestParseLarge(t *testing.T) {
	const n = 50000
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
	for i := range n {
		fmt.Fprintf(&b, "<url><loc>https://big.example/haber/%d-uzun-bir-haber-basligi</loc><lastmod>2024-01-02T03:04:05Z</lastmod></url>\n", i)
	}
	b.WriteString(`</urlset>`)
	entries, _, err := Parse(gzipped(t, []byte(b.String())))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != n || entries[n-1].Loc != fmt.Sprintf("https://big.example/haber/%d-uzun-bir-haber-basligi", n-1) {
		t.Fatalf("got %d entries, last %+v", len(entries), entries[len(entries)-1])
	}
}

func TestParseTime(t *testing.T) {
	tests := []struct {
		in   string
		want *time.Time
	}{
		{"2024-11-01T13:17:00+03:00", tp(time.Date(2024, 11, 1, 13, 17, 0, 0, trt))},
		{"2024-11-01T10:17:00.123Z", tp(time.Date(2024, 11, 1, 10, 17, 0, 123e6, time.UTC))},
		{"2024-11-01T13:17+03:00", tp(time.Date(2024, 11, 1, 13, 17, 0, 0, trt))},
		{"2024-11-01", tp(time.Date(2024, 11, 1, 0, 0, 0, 0, trt))},
		{"2024-11", tp(time.Date(2024, 11, 1, 0, 0, 0, 0, trt))},
		{"  2024-11-01 13:17:00 ", tp(time.Date(2024, 11, 1, 13, 17, 0, 0, trt))},
		{"dün", nil},
		{"", nil},
		{"01.11.2024", nil},
	}
	for _, tt := range tests {
		if got := ParseTime(tt.in); !sameTime(got, tt.want) {
			t.Errorf("ParseTime(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
