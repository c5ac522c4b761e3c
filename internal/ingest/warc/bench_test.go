package warc

import (
	"io"
	"strings"
	"testing"
)

// BenchmarkReaderGzip reads a .warc.gz of 2,000 records (request, response
// with a 20 KB page, metadata), gzip per record, and reports input MB/s.
func BenchmarkReaderGzip(b *testing.B) {
	body := strings.Repeat("<p>Şanlıurfa'da çiftçiler buğday hasadına erken başladı.</p>\n", 330)
	var sb strings.Builder
	for range 2000 / 3 {
		sb.WriteString(gz(record("request", "https://x.example/a", "application/http; msgtype=request", "GET /a HTTP/1.1\r\n\r\n")))
		sb.WriteString(gz(record("response", "https://x.example/a", httpType, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"+body)))
		sb.WriteString(gz(record("metadata", "https://x.example/a", "application/warc-fields", "via: test\r\n")))
	}
	data := sb.String()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		r := NewReader(strings.NewReader(data))
		n := 0
		for {
			rec, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			if rec.Type == "response" {
				n++
			}
		}
		if n != 2000/3 {
			b.Fatalf("read %d responses", n)
		}
	}
}
