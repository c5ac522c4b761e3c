// Package ingesttest is a small web of fake news outlets on loopback for
// end-to-end tests of the aggregator: feeds in three formats, sitemaps, a
// listing page, article pages with different chrome and charsets, and the
// hostile cases a real crawler meets (robots.txt, 429, a redirect into the
// private network, a gzip bomb, a huge page, invalid UTF-8, a huge feed).
package ingesttest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"
)

// Web is the fake outlets. Every outlet is its own server, so its own host
// for robots.txt and politeness.
type Web struct {
	// Base is "now" for the outlets: publication times are hours before it.
	Base time.Time
	// A: Anadolu Postası (RSS, UTF-8). B: Karadeniz Gazetesi (Atom,
	// windows-1254). C: Ege Haber (JSON Feed, sitemaps, listing). D: an
	// outlet that answers 429. E: a page that redirects into P, a server
	// the guard must treat as private. F: a feed of 10,000 items.
	A, B, C, D, E, F, P *httptest.Server

	mu   sync.Mutex
	hits map[string]int // "A /path" -> requests
}

// BigFeedItems is how many items outlet F's feed lists.
const BigFeedItems = 10000

// RetryAfter is what outlet D's 429 asks for.
const RetryAfter = 40 * time.Minute

// New starts the outlets; they stop when t ends.
func New(t testing.TB) *Web {
	w := &Web{Base: time.Now().UTC().Truncate(time.Minute), hits: map[string]int{}}
	start := func(name string, h http.Handler) *httptest.Server {
		srv := httptest.NewServer(w.count(name, h))
		t.Cleanup(srv.Close)
		return srv
	}
	w.P = start("P", http.HandlerFunc(func(rw http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(rw, "<html><body><p>iç ağdaki gizli yönetim sayfası</p></body></html>")
	}))
	w.A = start("A", w.outletA())
	w.B = start("B", w.outletB())
	w.C = start("C", w.outletC())
	w.D = start("D", http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(rw, r) // no rules: everything allowed
			return
		}
		rw.Header().Set("Retry-After", fmt.Sprint(int(RetryAfter.Seconds())))
		http.Error(rw, "çok fazla istek", http.StatusTooManyRequests)
	}))
	w.E = start("E", http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		http.Redirect(rw, r, w.P.URL+"/ic-ag", http.StatusFound)
	}))
	w.F = start("F", w.outletF())
	return w
}

// count records each request by server and path.
func (w *Web) count(name string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		w.mu.Lock()
		w.hits[name+" "+r.URL.Path]++
		w.mu.Unlock()
		h.ServeHTTP(rw, r)
	})
}

// Hits is how many requests server name ("A".."F", "P") saw for path, or
// for every path when path is "".
func (w *Web) Hits(name, path string) int {
	w.mu.Lock()
	defer w.mu.Unlock()
	n := 0
	for k, v := range w.hits {
		if k == name+" "+path || path == "" && strings.HasPrefix(k, name+" ") {
			n += v
		}
	}
	return n
}

// Private is a guard predicate for fetch.Config.Private that treats only
// server P as private, so the SSRF guard stays on while the outlets are
// served from loopback.
func (w *Web) Private(ap netip.AddrPort) bool {
	return "http://"+ap.String() == w.P.URL
}

func (w *Web) at(s story) time.Time { return w.Base.Add(-time.Duration(s.HoursAgo) * time.Hour) }

func (w *Web) outletA() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /robots.txt", func(rw http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(rw, "User-agent: *\nDisallow: /gizli/\n")
	})
	mux.HandleFunc("GET /rss.xml", func(rw http.ResponseWriter, _ *http.Request) {
		rw.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		fmt.Fprint(rw, w.rss())
	})
	for _, s := range []story{aTram, aMatch, aForbidden} {
		mux.HandleFunc("GET "+s.Path, func(rw http.ResponseWriter, _ *http.Request) {
			rw.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(rw, w.pageA(s))
		})
	}
	mux.HandleFunc("GET "+aBroken.Path, func(rw http.ResponseWriter, _ *http.Request) {
		rw.Header().Set("Content-Type", "text/html; charset=utf-8")
		page := w.pageA(aBroken)
		// Bytes that are no UTF-8 at all, in the middle of the body.
		page = strings.Replace(page, "denetim başlattı", "denetim \xff\xfe başlattı", 1)
		fmt.Fprint(rw, page)
	})
	mux.HandleFunc("GET /bomba", func(rw http.ResponseWriter, _ *http.Request) {
		rw.Header().Set("Content-Type", "text/html; charset=utf-8")
		rw.Header().Set("Content-Encoding", "gzip")
		rw.Write(gzipBomb())
	})
	mux.HandleFunc("GET /dev-sayfa", func(rw http.ResponseWriter, _ *http.Request) {
		rw.Header().Set("Content-Type", "text/html; charset=utf-8")
		// Streamed without a length, so only the cap after reading stops it.
		chunk := bytes.Repeat([]byte("<p>Çok uzun bir sayfa, hep aynı cümle.</p>\n"), 1<<10)
		for n := 0; n < 21<<20; n += len(chunk) {
			if _, err := rw.Write(chunk); err != nil {
				return
			}
		}
	})
	return mux
}

var (
	bombOnce sync.Once
	bomb     []byte
)

// gzipBomb is 64 MB of zeros, about 64 KB compressed.
func gzipBomb() []byte {
	bombOnce.Do(func() {
		var b bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		zeros := make([]byte, 1<<20)
		for i := 0; i < 64; i++ {
			zw.Write(zeros)
		}
		zw.Close()
		bomb = b.Bytes()
	})
	return bomb
}

// Feeds are the feed URLs of the three ordinary outlets, by outlet name.
func (w *Web) Feeds() map[string]string {
	return map[string]string{
		"Anadolu Postası":    w.A.URL + "/rss.xml",
		"Karadeniz Gazetesi": w.B.URL + "/atom.xml",
		"Ege Haber":          w.C.URL + "/feed.json",
	}
}

// AgencyHeadline is the headline outlet A runs the agency text under;
// outlet B republishes it under another.
func AgencyHeadline() string { return aTram.Title }

// LandslideHeadlines are two outlets' own reports of one event.
func LandslideHeadlines() []string { return []string{bSlide.Title, cSlide.Title} }
