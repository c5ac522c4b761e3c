package fetch

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"io"
	"net/http"
	"runtime"
	"strconv"
	"testing"

	"manset/internal/news"
)

// gzipMember compresses n zero bytes into one gzip member.
func gzipMember(t testing.TB, n int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if _, err := zw.Write(make([]byte, n)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestGzipBomb serves 1 GB of zeros as about 1 MB of gzip (1024 gzip
// members of 1 MB each, which readers concatenate) and checks the fetch
// stops at the cap, having allocated a small multiple of it, not 1 GB.
func TestGzipBomb(t *testing.T) {
	member := gzipMember(t, 1<<20)
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Content-Type", "text/html")
		for range 1024 {
			if _, err := w.Write(member); err != nil {
				return // we hung up: good
			}
		}
	}))
	f, _ := newTestFetcher(t, Config{})
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := fetchURL(t, f, srv.URL+"/bomba")
	runtime.ReadMemStats(&after)
	wantCode(t, err, news.ETOOLARGE)
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("allocated %d MB for a 1024 MB bomb with a %d MB cap", alloc>>20, DefaultMaxBody>>20)
	if alloc > 4*DefaultMaxBody {
		t.Errorf("allocated %d MB, want under %d MB", alloc>>20, 4*DefaultMaxBody>>20)
	}
}

// TestBodyCap serves pages right at the 20 MB cap and one byte over it,
// plain with a Content-Length, chunked, and gzipped.
func TestBodyCap(t *testing.T) {
	const limit = DefaultMaxBody
	tests := []struct {
		name     string
		size     int
		encoding string // "", "chunked" or "gzip"
		ok       bool
	}{
		{"AtCap", limit, "", true},
		{"OverCap", limit + 1, "", false},
		{"ChunkedAtCap", limit, "chunked", true},
		{"ChunkedOverCap", limit + 1, "chunked", false},
		{"GzipAtCap", limit, "gzip", true},
		{"GzipOverCap", limit + 1, "gzip", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := bytes.Repeat([]byte("a"), tt.size)
			var gz []byte
			if tt.encoding == "gzip" {
				gz = gzipBytes(t, page)
			}
			srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				switch tt.encoding {
				case "":
					w.Header().Set("Content-Length", strconv.Itoa(len(page)))
					_, _ = w.Write(page)
				case "chunked":
					w.(http.Flusher).Flush()
					_, _ = w.Write(page)
				case "gzip":
					w.Header().Set("Content-Encoding", "gzip")
					_, _ = w.Write(gz)
				}
			}))
			f, _ := newTestFetcher(t, Config{})
			resp, err := fetchURL(t, f, srv.URL)
			if !tt.ok {
				wantCode(t, err, news.ETOOLARGE)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(resp.Body) != tt.size {
				t.Errorf("body = %d bytes, want %d", len(resp.Body), tt.size)
			}
		})
	}
}

func gzipBytes(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, _ = zw.Write(b)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestContentEncoding(t *testing.T) {
	page := []byte("<p>Sıkıştırılmış haber gövdesi</p>")
	compress := func(newWriter func(io.Writer) io.WriteCloser) []byte {
		var buf bytes.Buffer
		zw := newWriter(&buf)
		_, _ = zw.Write(page)
		_ = zw.Close()
		return buf.Bytes()
	}
	long := gzipBytes(t, bytes.Repeat(page, 100))
	truncated := long[:len(long)-12]
	zlibBody := compress(func(w io.Writer) io.WriteCloser { return zlib.NewWriter(w) })
	rawDeflate := compress(func(w io.Writer) io.WriteCloser { fw, _ := flate.NewWriter(w, 5); return fw })
	tests := []struct {
		name, encoding string
		body           []byte
		code           string
	}{
		{"Gzip", "gzip", gzipBytes(t, page), ""},
		{"XGzip", "x-gzip", gzipBytes(t, page), ""},
		{"DeflateZlib", "deflate", zlibBody, ""},
		{"DeflateRaw", "deflate", rawDeflate, ""},
		{"Identity", "identity", page, ""},
		{"ErrCorruptGzip", "gzip", page, news.EINVALID},
		{"ErrTruncatedGzipHeader", "gzip", gzipBytes(t, page)[:5], news.EINTERNAL},
		{"ErrTruncatedGzip", "gzip", truncated, news.EINTERNAL},
		{"ErrBrotli", "br", page, news.EUNSUPPORTED},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Encoding", tt.encoding)
				_, _ = w.Write(tt.body)
			}))
			f, _ := newTestFetcher(t, Config{})
			resp, err := fetchURL(t, f, srv.URL)
			if tt.code != "" {
				wantCode(t, err, tt.code)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(resp.Body, page) {
				t.Errorf("body = %q, want %q", resp.Body, page)
			}
		})
	}
}
