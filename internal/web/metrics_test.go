package web

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestMetricsCountRequestsForLocalScrapersOnly(t *testing.T) {
	srv := newTestSite(t, 0).srv
	for range 2 {
		rec := httptest.NewRecorder()
		srv.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/yok-boyle-bir-sayfa", nil))
		if rec.Code != http.StatusNotFound {
			t.Fatalf("status %d", rec.Code)
		}
	}
	local := httptest.NewRequest("GET", "/metrics", nil)
	local.RemoteAddr = "127.0.0.1:5555"
	rec := httptest.NewRecorder()
	srv.Handler().ServeHTTP(rec, local)
	body, _ := io.ReadAll(rec.Body)
	if rec.Code != 200 || !strings.Contains(string(body), `manset_http_requests_total{cache="miss",class="4xx"} 2`) {
		t.Errorf("metrics (%d):\n%.2000s", rec.Code, body)
	}
	remote := httptest.NewRequest("GET", "/metrics", nil)
	remote.RemoteAddr = "203.0.113.9:5555"
	rec = httptest.NewRecorder()
	srv.Handler().ServeHTTP(rec, remote)
	if rec.Code != http.StatusNotFound {
		t.Errorf("metrics open to a remote client: %d", rec.Code)
	}
}

// A reverse proxy on the same machine connects from loopback; whatever
// header it uses to name the real client, /metrics must stay closed.
func TestMetricsClosedThroughLocalProxy(t *testing.T) {
	srv := newTestSite(t, 0).srv
	srv.ipHeader = "X-Client-Addr"
	for _, hdr := range []string{"X-Forwarded-For", "Forwarded", "X-Real-IP", "X-Client-Addr"} {
		req := httptest.NewRequest("GET", "/metrics", nil)
		req.RemoteAddr = "127.0.0.1:5555"
		req.Header.Set(hdr, "203.0.113.9")
		rec := httptest.NewRecorder()
		srv.Handler().ServeHTTP(rec, req)
		if rec.Code != http.StatusNotFound {
			t.Errorf("%s: /metrics answered %d to a proxied remote client", hdr, rec.Code)
		}
	}
}
