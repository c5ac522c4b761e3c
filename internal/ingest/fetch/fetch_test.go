package fetch

import (
	"context"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"manset/internal/news"
)

func TestFetch(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		var ua, ae atomic.Value
		srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ua.Store(r.UserAgent())
			ae.Store(r.Header.Get("Accept-Encoding"))
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("ETag", `"v1"`)
			w.Header().Set("Last-Modified", "Fri, 14 Mar 2025 08:00:00 GMT")
			_, _ = w.Write([]byte("<p>Merhaba dünya</p>"))
		}))
		f, _ := newTestFetcher(t, Config{})
		resp, err := fetchURL(t, f, srv.URL+"/haber")
		if err != nil {
			t.Fatal(err)
		}
		if resp.Status != 200 || string(resp.Body) != "<p>Merhaba dünya</p>" || resp.ETag != `"v1"` ||
			resp.LastModified != "Fri, 14 Mar 2025 08:00:00 GMT" || resp.URL != srv.URL+"/haber" {
			t.Fatalf("response = %+v", resp)
		}
		if got := ua.Load().(string); got != DefaultUserAgent || !strings.HasPrefix(got, "Manset/") {
			t.Errorf("User-Agent = %q", got)
		}
		if got := ae.Load().(string); !strings.Contains(got, "gzip") {
			t.Errorf("Accept-Encoding = %q", got)
		}
	})

	t.Run("NotModified", func(t *testing.T) {
		srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("If-None-Match") == `"v1"` && r.Header.Get("If-Modified-Since") == "Fri, 14 Mar 2025 08:00:00 GMT" {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			_, _ = w.Write([]byte("yeni"))
		}))
		f, _ := newTestFetcher(t, Config{})
		resp, err := f.Fetch(context.Background(), Request{URL: srv.URL, ETag: `"v1"`, LastModified: "Fri, 14 Mar 2025 08:00:00 GMT"})
		if err != nil {
			t.Fatal(err)
		}
		if !resp.NotModified || resp.Status != 304 || len(resp.Body) != 0 {
			t.Fatalf("response = %+v, want 304", resp)
		}
		resp, err = f.Fetch(context.Background(), Request{URL: srv.URL, ETag: `"v0"`})
		if err != nil || resp.NotModified || string(resp.Body) != "yeni" {
			t.Fatalf("stale ETag: resp = %+v, err = %v", resp, err)
		}
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		srv := serve(t, http.NotFoundHandler())
		f, clock := newTestFetcher(t, Config{})
		_, err := fetchURL(t, f, srv.URL+"/yok")
		wantCode(t, err, news.ENOTFOUND)
		// A missing page is not the host's trouble: no backoff follows.
		_, _ = fetchURL(t, f, srv.URL+"/yok")
		if got := clock.lastWait(); got != time.Second {
			t.Errorf("wait after 404 = %s, want the host delay 1s", got)
		}
	})
}

func TestFetchRedirects(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		mux := http.NewServeMux()
		mux.Handle("/eski", http.RedirectHandler("/yeni", http.StatusMovedPermanently))
		mux.HandleFunc("/yeni", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("burada")) })
		srv := serve(t, mux)
		f, _ := newTestFetcher(t, Config{})
		resp, err := fetchURL(t, f, srv.URL+"/eski")
		if err != nil {
			t.Fatal(err)
		}
		if resp.URL != srv.URL+"/yeni" || string(resp.Body) != "burada" {
			t.Fatalf("response = %+v", resp)
		}
	})

	t.Run("ErrLoop", func(t *testing.T) {
		var hits atomic.Int32
		mux := http.NewServeMux()
		mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) {
			hits.Add(1)
			http.Redirect(w, r, "/b", http.StatusFound)
		})
		mux.HandleFunc("/b", func(w http.ResponseWriter, r *http.Request) {
			hits.Add(1)
			http.Redirect(w, r, "/a", http.StatusFound)
		})
		srv := serve(t, mux)
		f, _ := newTestFetcher(t, Config{MaxRedirects: 3})
		_, err := fetchURL(t, f, srv.URL+"/a")
		wantCode(t, err, news.EINVALID)
		if !strings.Contains(news.ErrorMessage(err), "yönlendirme") {
			t.Errorf("message = %q", news.ErrorMessage(err))
		}
		if got := hits.Load(); got != 4 {
			t.Errorf("requests = %d, want 4 (the first and 3 redirects)", got)
		}
	})

	t.Run("ErrScheme", func(t *testing.T) {
		srv := serve(t, http.RedirectHandler("file:///etc/passwd", http.StatusFound))
		f, _ := newTestFetcher(t, Config{})
		_, err := fetchURL(t, f, srv.URL)
		wantCode(t, err, news.EFORBIDDEN)
	})
}

func TestResponseText(t *testing.T) {
	want := "Işık, ğüşöç ve İstanbul"
	sentence := strings.Repeat("<p>Türkçe haber: çığ düştü, yollar kapandı.</p>", 2)
	cp1254, err := charmap.Windows1254.NewEncoder().String(want)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, contentType, body, want string
	}{
		{"Windows1254Header", "text/html; charset=windows-1254", cp1254, want},
		{"Windows1254Fallback", "text/html", cp1254, want},
		{"UTF8", "text/plain", want, want},
		// One broken byte in a UTF-8 page stays one U+FFFD; the rest survives.
		{"InvalidUTF8", "text/html; charset=utf-8", sentence + "\xff" + sentence, sentence + "\uFFFD" + sentence},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", tt.contentType)
				_, _ = w.Write([]byte(tt.body))
			}))
			f, _ := newTestFetcher(t, Config{})
			resp, err := fetchURL(t, f, srv.URL)
			if err != nil {
				t.Fatal(err)
			}
			if got := resp.Text(); got != tt.want {
				t.Errorf("Text() = %q, want %q", got, tt.want)
			}
		})
	}
}
