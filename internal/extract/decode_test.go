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

	"manset/internal/news"
)

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
