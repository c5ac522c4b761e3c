package web

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"regexp"
	"testing"
)

// recorder is a minimal ResponseWriter, lighter than httptest's, so the
// benchmarks measure the handler.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }
func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
}
func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = 200
	}
	return r.body.Write(b)
}

func (r *recorder) reset() {
	clear(r.header)
	r.status = 0
	r.body.Reset()
}

func httptestRequest(path string) *http.Request { return httptest.NewRequest("GET", path, nil) }

// benchServe serves req repeatedly through the full handler.
func benchServe(b *testing.B, h http.Handler, req *http.Request) {
	rec := &recorder{header: http.Header{}}
	h.ServeHTTP(rec, req)
	if rec.status != 200 {
		b.Fatalf("status %d", rec.status)
	}
	b.SetBytes(int64(rec.body.Len()))
	b.ReportAllocs()
	for b.Loop() {
		rec.reset()
		h.ServeHTTP(rec, req)
	}
}

// BenchmarkArticlePageCached serves a cached article page; compare with
// BenchmarkStaticAsset, an embedded file served from memory.
func BenchmarkArticlePageCached(b *testing.B) {
	s := newTestSite(b, 0)
	a := s.add(b, "Ölçülen haber", "dunya", 5)
	for i := range 8 {
		s.add(b, "İlgili haber "+itoa(int64(i)), "dunya", 10+i)
	}
	req := httptestRequest("/haber/" + a.Slug)
	req.Header.Set("Accept-Encoding", "gzip")
	benchServe(b, s.srv.Handler(), req)
}

func BenchmarkStaticAsset(b *testing.B) {
	s := newTestSite(b, 0)
	home := s.mustGet(b, "/", 200)
	m := regexp.MustCompile(`href="(/static/style\.[0-9a-f]+\.css)"`).FindStringSubmatch(home)
	req := httptestRequest(m[1])
	req.Header.Set("Accept-Encoding", "gzip")
	benchServe(b, s.srv.Handler(), req)
}

// BenchmarkArticlePageUncached renders the page from the store each time.
func BenchmarkArticlePageUncached(b *testing.B) {
	s := newTestSite(b, 0)
	a := s.add(b, "Ölçülen haber", "dunya", 5)
	h := s.srv.Handler()
	req := httptestRequest("/haber/" + a.Slug)
	rec := &recorder{header: http.Header{}}
	b.ReportAllocs()
	for b.Loop() {
		s.srv.Invalidate()
		rec.reset()
		h.ServeHTTP(rec, req)
	}
}
