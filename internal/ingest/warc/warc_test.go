package warc

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"manset/internal/news"
)

// record builds one WARC/1.1 record with the given block.
func record(typ, uri, contentType, block string) string {
	var b strings.Builder
	b.WriteString("WARC/1.1\r\n")
	fmt.Fprintf(&b, "WARC-Type: %s\r\n", typ)
	b.WriteString("WARC-Date: 2024-11-01T10:17:00.123456Z\r\n")
	b.WriteString("WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>\r\n")
	if uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", uri)
	}
	if contentType != "" {
		fmt.Fprintf(&b, "Content-Type: %s\r\n", contentType)
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s\r\n\r\n", len(block), block)
	return b.String()
}

func gz(s string) string {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(s))
	zw.Close()
	return buf.String()
}

func chunk(s string, size int) string {
	var b strings.Builder
	for len(s) > 0 {
		n := min(size, len(s))
		fmt.Fprintf(&b, "%x\r\n%s\r\n", n, s[:n])
		s = s[n:]
	}
	b.WriteString("0\r\n\r\n")
	return b.String()
}

const (
	httpType = "application/http; msgtype=response"
	page     = "<html><head><meta charset=utf-8><title>Şanlıurfa'da hasat</title></head><body><p>Çiftçiler ürünü topladı.</p></body></html>"
)

// sampleRecords is a small crawl: every record type, and payloads plain,
// chunked, gzip, chunked+gzip, and gzip-labelled but stored decoded.
func sampleRecords() []string {
	return []string{
		record("warcinfo", "", "application/warc-fields", "software: manset-test\r\nformat: WARC File Format 1.1\r\n"),
		record("request", "https://haber.example/a", "application/http; msgtype=request", "GET /a HTTP/1.1\r\nHost: haber.example\r\n\r\n"),
		record("response", "https://haber.example/a", httpType,
			"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"+page),
		record("metadata", "https://haber.example/a", "application/warc-fields", "outlinks: https://haber.example/b\r\n"),
		record("response", "https://haber.example/chunked", httpType,
			"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"+chunk(page, 17)),
		record("response", "https://haber.example/gzip", httpType,
			"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"+gz(page)),
		record("response", "<https://haber.example/both>", httpType,
			"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n"+chunk(gz(page), 10)),
		record("response", "https://haber.example/decoded", httpType,
			"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n"+page),
		record("response", "https://haber.example/yok", httpType, "HTTP/2 404 Not Found\r\nContent-Type: text/plain\r\n\r\nyok"),
		record("resource", "file:///arsiv/not.txt", "text/plain; charset=utf-8", "Düz metin kaynak."),
	}
}

type want struct {
	typ, uri, ctype string
	status          int
	body            string
}

var sampleWant = []want{
	{"warcinfo", "", "application/warc-fields", 0, ""},
	{"request", "https://haber.example/a", "application/http; msgtype=request", 0, ""},
	{"response", "https://haber.example/a", "text/html; charset=utf-8", 200, page},
	{"metadata", "https://haber.example/a", "application/warc-fields", 0, ""},
	{"response", "https://haber.example/chunked", "text/html", 200, page},
	{"response", "https://haber.example/gzip", "text/html", 200, page},
	{"response", "https://haber.example/both", "text/html", 200, page},
	{"response", "https://haber.example/decoded", "text/html", 200, page},
	{"response", "https://haber.example/yok", "text/plain", 404, "yok"},
	{"resource", "file:///arsiv/not.txt", "text/plain; charset=utf-8", 0, "Düz metin kaynak."},
}

func TestReader(t *testing.T) {
	recs := sampleRecords()
	var multi strings.Builder
	for _, r := range recs {
		multi.WriteString(gz(r))
	}
	plain := strings.Join(recs, "")
	tests := []struct{ name, data string }{
		{"Plain", plain},
		{"GzipPerRecord", multi.String()},
		{"GzipWholeFile", gz(plain)},
		{"LFOnlySeparators", strings.ReplaceAll(recs[0], "\r\n\r\n", "\n\n") + recs[2]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wants := sampleWant
			if tt.name == "LFOnlySeparators" {
				wants = []want{sampleWant[0], sampleWant[2]}
			}
			got := readAll(t, NewReader(strings.NewReader(tt.data)))
			if len(got) != len(wants) {
				t.Fatalf("got %d records, want %d", len(got), len(wants))
			}
			for i, w := range wants {
				checkRecord(t, got[i], w)
			}
		})
	}
}

func readAll(t *testing.T, r *Reader) []*Record {
	t.Helper()
	var out []*Record
	for {
		rec, err := r.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("record %d: %v", len(out), err)
		}
		out = append(out, rec)
	}
}

func checkRecord(t *testing.T, got *Record, w want) {
	t.Helper()
	if got.Type != w.typ || got.TargetURI != w.uri || got.ContentType != w.ctype || got.HTTPStatus != w.status || string(got.Body) != w.body {
		t.Errorf("record = {%s %s %q %d %q}, want %+v", got.Type, got.TargetURI, got.ContentType, got.HTTPStatus, got.Body, w)
	}
	if wantDate := time.Date(2024, 11, 1, 10, 17, 0, 123456000, time.UTC); !got.Date.Equal(wantDate) {
		t.Errorf("date = %v", got.Date)
	}
	if w.status != 0 && got.HTTPHeader.Get("Content-Type") != w.ctype {
		t.Errorf("HTTP header = %v", got.HTTPHeader)
	}
}

// step is one expected outcome of Next: a record URI or an error.
type step struct {
	uri     string
	code    string
	inMsg   string
	isEOF   bool
	atBytes int64 // offset the error must name, -1 to skip the check
}

func TestReaderRecovers(t *testing.T) {
	good := func(u string) string {
		return record("response", u, httpType, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>"+u+"</p>")
	}
	noLength := strings.Replace(good("https://x.example/nolen"), "Content-Length", "X-Length", 1)
	tests := []struct {
		name  string
		data  string
		steps []step
	}{
		{"GarbageBetween", good("https://x.example/1") + "çöp veri\r\ndaha fazla\r\n" + good("https://x.example/2"), []step{
			{uri: "https://x.example/1"},
			{code: news.EINVALID, inMsg: "WARC/1.x", atBytes: int64(len(good("https://x.example/1")))},
			{uri: "https://x.example/2"}, {isEOF: true},
		}},
		{"MissingLength", good("https://x.example/1") + noLength + good("https://x.example/3"), []step{
			{uri: "https://x.example/1"},
			{code: news.EINVALID, inMsg: "başlık bozuk", atBytes: int64(len(good("https://x.example/1")))},
			{uri: "https://x.example/3"}, {isEOF: true},
		}},
		{"TruncatedAtEnd", good("https://x.example/1") + good("https://x.example/2")[:len(good("https://x.example/2"))-30], []step{
			{uri: "https://x.example/1"},
			{code: news.EINVALID, inMsg: "yarıda kesilmiş", atBytes: int64(len(good("https://x.example/1")))},
			{isEOF: true},
		}},
		{"TruncatedHeader", good("https://x.example/1") + "WARC/1.0\r\nWARC-Type: resp", []step{
			{uri: "https://x.example/1"}, {code: news.EINVALID, inMsg: "başlık bozuk", atBytes: -1}, {isEOF: true},
		}},
		{"BadHTTP", record("response", "https://x.example/bad", httpType, "merhaba dünya") + good("https://x.example/4"), []step{
			{code: news.EINVALID, inMsg: "HTTP durum", atBytes: 0}, {uri: "https://x.example/4"}, {isEOF: true},
		}},
		{"Brotli", record("response", "https://x.example/br", httpType, "HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\n\x1b\x00") + good("https://x.example/5"), []step{
			{code: news.EUNSUPPORTED, inMsg: "br", atBytes: 0}, {uri: "https://x.example/5"}, {isEOF: true},
		}},
		{"Empty", "", []step{{isEOF: true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewReader(strings.NewReader(tt.data))
			for i, s := range tt.steps {
				checkStep(t, i, r, s)
			}
		})
	}
}

func checkStep(t *testing.T, i int, r *Reader, s step) {
	t.Helper()
	rec, err := r.Next()
	switch {
	case s.isEOF:
		if err != io.EOF {
			t.Fatalf("step %d: got %v, %v; want EOF", i, rec, err)
		}
	case s.code != "":
		if news.ErrorCode(err) != s.code || !strings.Contains(news.ErrorMessage(err), s.inMsg) {
			t.Fatalf("step %d: err = %v, want %s with %q", i, err, s.code, s.inMsg)
		}
		if s.atBytes >= 0 && !strings.Contains(news.ErrorMessage(err), fmt.Sprintf(" %d. bayt", s.atBytes)) {
			t.Errorf("step %d: error %q does not name offset %d", i, news.ErrorMessage(err), s.atBytes)
		}
	default:
		if err != nil || rec.TargetURI != s.uri || !bytes.Contains(rec.Body, []byte(s.uri)) {
			t.Fatalf("step %d: got %+v, %v; want %s", i, rec, err, s.uri)
		}
	}
}

func TestReaderTooLarge(t *testing.T) {
	huge := record("response", "https://x.example/huge", httpType, "HTTP/1.1 200 OK\r\n\r\n"+strings.Repeat("a", maxBlock+1))
	bomb := record("response", "https://x.example/bomb", httpType,
		"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n"+gz(strings.Repeat("a", MaxBody+1)))
	after := record("response", "https://x.example/ok", httpType, "HTTP/1.1 200 OK\r\n\r\nhttps://x.example/ok")
	r := NewReader(strings.NewReader(huge + bomb + after))
	checkStep(t, 0, r, step{code: news.ETOOLARGE, inMsg: "büyük", atBytes: 0})
	checkStep(t, 1, r, step{code: news.ETOOLARGE, inMsg: "sınırını", atBytes: int64(len(huge))})
	checkStep(t, 2, r, step{uri: "https://x.example/ok"})
	checkStep(t, 3, r, step{isEOF: true})
}

func TestReaderCorruptGzip(t *testing.T) {
	data := gz(sampleRecords()[2]) + "\x1f\x8b\x08\x00garbage-not-deflate"
	r := NewReader(strings.NewReader(data))
	if rec, err := r.Next(); err != nil || rec.HTTPStatus != 200 {
		t.Fatalf("first record: %v, %v", rec, err)
	}
	_, err := r.Next()
	if news.ErrorCode(err) != news.EINVALID {
		t.Fatalf("err = %v, want invalid", err)
	}
	if _, again := r.Next(); again != err {
		t.Errorf("a broken stream must stay broken: got %v", again)
	}
}
