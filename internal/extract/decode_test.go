package extract

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"manset/internal/news"
)

const turkishSentence = "Şişli'de ığdır çiğköftesi yiyen İsmail, Güneşli'ye döndü. ÇĞİÖŞÜ çğıöşü"

func cp1254(s string) []byte {
	b, err := charmap.Windows1254.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

func TestDecode(t *testing.T) {
	utf16le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(turkishSentence))
	tests := []struct {
		name        string
		body        []byte
		contentType string
		want        string
	}{
		{"UTF8", []byte(turkishSentence), "", turkishSentence},
		{"UTF8BOM", append([]byte("\xef\xbb\xbf"), turkishSentence...), "text/html; charset=windows-1254", turkishSentence},
		{"UTF16BOM", utf16le, "", turkishSentence},
		{"HTTPCharset1254", cp1254(turkishSentence), "text/html; charset=windows-1254", turkishSentence},
		{"HTTPCharsetISO88599", cp1254(turkishSentence), "text/html; charset=ISO-8859-9", turkishSentence},
		{"Mislabelled1252IsTurkish", cp1254(turkishSentence), "text/html; charset=windows-1252", turkishSentence},
		{"Mislabelled88591IsTurkish", cp1254(turkishSentence), "text/html; charset=iso-8859-1", turkishSentence},
		{"Real1252StaysWestern", []byte("caf\xe9 cr\xe8me br\xfbl\xe9e na\xefve"), "text/html; charset=windows-1252", "café crème brûlée naïve"},
		{"MetaCharset", append([]byte(`<html><head><meta charset="windows-1254"></head><body>`), cp1254(turkishSentence)...), "", `<html><head><meta charset="windows-1254"></head><body>` + turkishSentence},
		{"MetaHTTPEquiv", append([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-9">`), cp1254(turkishSentence)...), "text/html", `<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-9">` + turkishSentence},
		{"UndeclaredFallsBackTo1254", cp1254(turkishSentence), "", turkishSentence},
		{"LyingUTF8LabelFallsBack", cp1254(turkishSentence), "text/html; charset=utf-8", turkishSentence},
		{"UnknownLabelIgnored", []byte(turkishSentence), "text/html; charset=x-klingon", turkishSentence},
		{"BrokenContentTypeIgnored", []byte(turkishSentence), "text/html; charset", turkishSentence},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode(tt.body, tt.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Decode = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDecodeInvalidUTF8(t *testing.T) {
	// Mostly UTF-8 with a few broken bytes: keep the UTF-8, replace the rest.
	body := []byte(strings.Repeat("Güzel günler görüyoruz. ", 10) + "\xff\xfe bozuk")
	got, err := Decode(body, "text/html; charset=utf-8")
	if err != nil {
		t.Fatal(err)
	}
	if !utf8.ValidString(got) {
		t.Fatalf("Decode returned invalid UTF-8: %q", got)
	}
	if !strings.HasPrefix(got, "Güzel günler") || !strings.Contains(got, "\uFFFD") {
		t.Errorf("Decode = %q, want the UTF-8 kept and the broken bytes replaced", got)
	}
}

func TestDecodeShortUTF8WithOneBadByte(t *testing.T) {
	// Too short for the 20-to-1 rule of undeclared pages, but declared
	// UTF-8: reading it as windows-1254 would garble every Turkish letter.
	text := "<p>Şişli'de ığdır çiğköftesi \xff yiyen İsmail</p>"
	want := "<p>Şişli'de ığdır çiğköftesi \uFFFD yiyen İsmail</p>"
	meta := `<meta charset="utf-8">`
	tests := []struct{ name, body, contentType, want string }{
		{"HTTPHeader", text, "text/html; charset=UTF-8", want},
		{"MetaCharset", meta + text, "text/html", meta + want},
		{"MetaHTTPEquiv", `<meta http-equiv="Content-Type" content="text/html; charset=utf-8">` + text, "",
			`<meta http-equiv="Content-Type" content="text/html; charset=utf-8">` + want},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode([]byte(tt.body), tt.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Decode = %q, want %q", got, tt.want)
			}
		})
	}
	// A windows-1254 page labelled UTF-8 has no valid sequence at all.
	if got, _ := Decode(cp1254("Şişli ığdır"), "text/html; charset=utf-8"); got != "Şişli ığdır" {
		t.Errorf("windows-1254 labelled UTF-8 = %q, want it decoded as windows-1254", got)
	}
}

func readPage(name string) ([]byte, error) {
	return os.ReadFile(filepath.Join("testdata", "pages", name))
}

func TestPageTextDump(t *testing.T) {
	dump := "Kentte su kesintisi sona erdi\n\n" +
		"İki gündür süren su kesintisi, ana borudaki arızanın giderilmesiyle sona erdi. Belediye ekipleri gece boyunca çalıştı.\n\n" +
		"Yetkililer, suyun bir süre bulanık akabileceğini ve içmeden önce kaynatılmasını önerdi.\n"
	got, err := Page([]byte(dump), "https://kent.example/yerel/su-kesintisi", "text/plain; charset=utf-8")
	if err != nil {
		t.Fatalf("Page(text dump): %v", err)
	}
	if !strings.Contains(got.Text, "ana borudaki arızanın giderilmesiyle") {
		t.Errorf("text dump body lost: %+v", got)
	}
}

func TestPageGzip(t *testing.T) {
	page, err := readPage("spor-time.html")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(page)
	zw.Close()
	got, err := Page(buf.Bytes(), "", "")
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Yeşilvadi Spor deplasmanda kazandı" || !strings.Contains(got.Text, "Teknik direktör Cengiz Ulusoy") {
		t.Errorf("gzipped page extracted as %q / %q", got.Title, got.Text)
	}
}

func TestPageGzipBomb(t *testing.T) {
	// 80 MB of zeros compresses to about 80 KB.
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	chunk := make([]byte, 1<<20)
	for i := 0; i < 80; i++ {
		zw.Write(chunk)
	}
	zw.Close()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := Page(buf.Bytes(), "", "")
	runtime.ReadMemStats(&after)
	if news.ErrorCode(err) != news.ETOOLARGE {
		t.Fatalf("Page(gzip bomb) error = %v, want %s", err, news.ETOOLARGE)
	}
	// The cap stops reading just past 64 MB; the buffer may double once.
	if grown := after.TotalAlloc - before.TotalAlloc; grown > 300<<20 {
		t.Errorf("decompressing the bomb allocated %d MB", grown>>20)
	}
}

func TestPageBrokenGzip(t *testing.T) {
	_, err := Page([]byte("\x1f\x8b\x08garbage"), "", "")
	if news.ErrorCode(err) != news.EINVALID {
		t.Errorf("Page(broken gzip) error = %v, want %s", err, news.EINVALID)
	}
}

func TestHTMLMalformed(t *testing.T) {
	inputs := []string{
		"",
		"<",
		"<html><body><div><p>kapanmamış",
		"<p>" + strings.Repeat("<div>", 300) + "derin",
		"<table><tr><td><p>tablo<td>hücre</table></p></div></span>",
		"<body><script>document.write('<p>')</script><p>" + strings.Repeat("Metin burada devam ediyor. ", 20),
		"\x00\x01\x02<p>\xff\xfe kontrol karakterleri</p>",
	}
	for _, in := range inputs {
		got, err := HTML([]byte(in), "https://örnek.example/a", "")
		if err != nil {
			t.Errorf("HTML(%.30q) error = %v", in, err)
			continue
		}
		if !utf8.ValidString(got.Text) || !utf8.ValidString(got.HTML) || !utf8.ValidString(got.Title) {
			t.Errorf("HTML(%.30q) returned invalid UTF-8", in)
		}
	}
	// Deeper than the parser's limit: a clear error, not a panic.
	if _, err := HTML([]byte(strings.Repeat("<div>", 5000)), "", ""); news.ErrorCode(err) != news.EINVALID {
		t.Errorf("HTML(5000 nested divs) error = %v, want %s", err, news.EINVALID)
	}
	got, _ := HTML([]byte(inputs[5]), "", "")
	if strings.Contains(got.Text, "document.write") || !strings.Contains(got.Text, "Metin burada") {
		t.Errorf("script text leaked or body lost: %q", got.Text)
	}
}

func TestLooksLikeHTML(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"<!DOCTYPE html><html>", true},
		{"\xef\xbb\xbf  <html lang=tr>", true},
		{"<div class=x>metin</div>", true},
		{" date 2024-11 https://x.example/a\n1. Haberler\n2. Dünya", false},
		{"Başlık\n\nMetin <b>kalın</b> değil", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := LooksLikeHTML([]byte(tt.in)); got != tt.want {
			t.Errorf("LooksLikeHTML(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestSanitisedHTML(t *testing.T) {
	page := `<html><body><article><p>` + strings.Repeat("Uzun bir haber cümlesi burada yer alıyor. ", 4) +
		`<a href="/ic/sayfa" onclick="kotu()">iç bağlantı</a> <a href="javascript:alert(1)">kötü</a>` +
		` <img src="/r.jpg" alt="resim" onerror="x()"> <span style="color:red">renk</span></p></article></body></html>`
	got, err := HTML([]byte(page), "https://haber.example/dunya/x", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"onclick", "javascript:", "onerror", "style=", "<span"} {
		if strings.Contains(got.HTML, bad) {
			t.Errorf("HTML keeps %q: %s", bad, got.HTML)
		}
	}
	for _, good := range []string{`href="https://haber.example/ic/sayfa"`, `rel="nofollow"`, `src="https://haber.example/r.jpg"`, `alt="resim"`} {
		if !strings.Contains(got.HTML, good) {
			t.Errorf("HTML lacks %q: %s", good, got.HTML)
		}
	}
}
