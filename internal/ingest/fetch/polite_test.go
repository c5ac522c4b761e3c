package fetch

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"manset/internal/news"
)

// site serves robots.txt (404 when empty) and a page at every other path.
func site(t testing.TB, robots string) (*httptest.Server, *atomic.Int32) {
	var robotsHits atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		robotsHits.Add(1)
		if robots == "" {
			http.NotFound(w, r)
			return
		}
		_, _ = w.Write([]byte(robots))
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("sayfa")) })
	return serve(t, mux), &robotsHits
}

func TestRobots(t *testing.T) {
	robots := "User-agent: *\nDisallow: /gizli/\n\nUser-agent: Manset\nDisallow: /ozel\nAllow: /ozel/acik\n"
	srv, robotsHits := site(t, robots)
	f, _ := newTestFetcher(t, Config{})
	tests := []struct {
		path string
		ok   bool
	}{
		{"/haber/1", true},
		{"/ozel/arsiv", false},
		{"/ozel/acik/1", true},
		{"/gizli/x", true}, // the Manset group replaces the * group
		{"/robots.txt", true},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			ok, err := f.Allowed(context.Background(), srv.URL+tt.path)
			if err != nil || ok != tt.ok {
				t.Fatalf("Allowed = %v, %v; want %v", ok, err, tt.ok)
			}
			if tt.path == "/robots.txt" {
				return // fetching it would count as a robots.txt hit
			}
			_, err = fetchURL(t, f, srv.URL+tt.path)
			if tt.ok && err != nil {
				t.Fatalf("Fetch: %v", err)
			}
			if !tt.ok {
				wantCode(t, err, news.EFORBIDDEN)
				if !strings.Contains(news.ErrorMessage(err), "robots.txt") {
					t.Errorf("message = %q, want it to name robots.txt", news.ErrorMessage(err))
				}
			}
		})
	}
	if got := robotsHits.Load(); got != 1 {
		t.Errorf("robots.txt fetched %d times, want once (cached)", got)
	}
}

func TestRobotsCacheExpires(t *testing.T) {
	srv, robotsHits := site(t, "")
	f, clock := newTestFetcher(t, Config{})
	_, _ = fetchURL(t, f, srv.URL+"/a")
	_ = clock.wait(context.Background(), robotsTTL+time.Second)
	_, _ = fetchURL(t, f, srv.URL+"/b")
	if got := robotsHits.Load(); got != 2 {
		t.Errorf("robots.txt fetched %d times, want 2 (once per TTL)", got)
	}
}

func TestRobotsServerError(t *testing.T) {
	var fail atomic.Bool
	fail.Store(true)
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		if fail.Load() {
			http.Error(w, "bakımda", http.StatusServiceUnavailable)
			return
		}
		http.NotFound(w, r)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("sayfa")) })
	srv := serve(t, mux)
	f, clock := newTestFetcher(t, Config{})

	_, err := fetchURL(t, f, srv.URL+"/haber")
	wantCode(t, err, news.ERATELIMIT)
	if RetryAfter(err) <= 0 {
		t.Errorf("RetryAfter = %s, want a wait", RetryAfter(err))
	}
	if ok, _ := f.Allowed(context.Background(), srv.URL+"/haber"); ok {
		t.Error("Allowed = true while robots.txt answers 503")
	}
	fail.Store(false)
	_ = clock.wait(context.Background(), robotsRetryTTL)
	if _, err := fetchURL(t, f, srv.URL+"/haber"); err != nil {
		t.Fatalf("after the server recovered: %v", err)
	}
}

func TestCrawlDelay(t *testing.T) {
	tests := []struct {
		name, robots string
		want         time.Duration
	}{
		{"Larger", "User-agent: *\nCrawl-delay: 7\n", 7 * time.Second},
		{"Smaller", "User-agent: *\nCrawl-delay: 0.5\n", 2 * time.Second},
		{"None", "", 2 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, _ := site(t, tt.robots)
			f, clock := newTestFetcher(t, Config{HostDelay: 2 * time.Second})
			for i := range 3 {
				if _, err := fetchURL(t, f, srv.URL+"/"); err != nil {
					t.Fatal(err)
				}
				if got := clock.lastWait(); got != tt.want {
					t.Fatalf("fetch %d waited %s, want %s", i, got, tt.want)
				}
			}
		})
	}
}

func TestRetryAfter429(t *testing.T) {
	clockNow := newFakeClock().Now()
	tests := []struct {
		name, header string
		want         time.Duration
	}{
		{"Seconds", "120", 120 * time.Second},
		{"Date", clockNow.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second},
		{"Huge", "999999999", maxBackoff},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var limited atomic.Bool
			limited.Store(true)
			srv, _ := site(t, "")
			srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path != "/robots.txt" && limited.Swap(false) {
					w.Header().Set("Retry-After", tt.header)
					http.Error(w, "yavaş", http.StatusTooManyRequests)
					return
				}
				_, _ = w.Write([]byte("tamam"))
			})
			f, clock := newTestFetcher(t, Config{})
			_, err := fetchURL(t, f, srv.URL+"/haber")
			wantCode(t, err, news.ERATELIMIT)
			want := tt.want
			if tt.name == "Date" {
				want -= clock.Now().Sub(clockNow)
			}
			if got := RetryAfter(err); got != want {
				t.Fatalf("RetryAfter = %s, want %s", got, want)
			}
			if _, err := fetchURL(t, f, srv.URL+"/haber"); err != nil {
				t.Fatal(err)
			}
			if got := clock.lastWait(); got != want {
				t.Errorf("next request waited %s, want %s", got, want)
			}
		})
	}
}

func TestBackoff5xx(t *testing.T) {
	var failures atomic.Int32
	failures.Store(3)
	srv, _ := site(t, "")
	srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/robots.txt" && failures.Add(-1) >= 0 {
			http.Error(w, "hata", http.StatusServiceUnavailable)
			return
		}
		_, _ = w.Write([]byte("tamam"))
	})
	f, clock := newTestFetcher(t, Config{})
	for _, want := range []time.Duration{5 * time.Second, 10 * time.Second, 20 * time.Second} {
		_, err := fetchURL(t, f, srv.URL+"/")
		wantCode(t, err, news.EINTERNAL)
		if got := RetryAfter(err); got != want {
			t.Fatalf("RetryAfter = %s, want %s", got, want)
		}
	}
	if _, err := fetchURL(t, f, srv.URL+"/"); err != nil {
		t.Fatal(err)
	}
	if got := clock.lastWait(); got != 20*time.Second {
		t.Errorf("request after 3 failures waited %s, want 20s", got)
	}
	// Success resets the backoff to the plain host delay.
	_, _ = fetchURL(t, f, srv.URL+"/")
	if got := clock.lastWait(); got != time.Second {
		t.Errorf("request after a success waited %s, want 1s", got)
	}
}

func TestBackoffFailsFastPastDeadline(t *testing.T) {
	srv, _ := site(t, "")
	srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "600")
		http.Error(w, "yavaş", http.StatusTooManyRequests)
	})
	f, _ := newTestFetcher(t, Config{})
	f.cfg.Now = time.Now // the deadline below is on the real clock
	_, _ = fetchURL(t, f, srv.URL+"/")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	_, err := f.Fetch(ctx, Request{URL: srv.URL + "/"})
	wantCode(t, err, news.ERATELIMIT)
	if got := RetryAfter(err); got < 9*time.Minute {
		t.Errorf("RetryAfter = %s, want about 10m", got)
	}
}

// TestPerHostSerial checks that one host never sees two of our requests at
// once, however many goroutines fetch from it.
func TestPerHostSerial(t *testing.T) {
	var inflight, peak, total atomic.Int32
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inflight.Add(1)
		defer inflight.Add(-1)
		total.Add(1)
		for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
		}
		time.Sleep(3 * time.Millisecond) // a slow page: room for an overlap to show
		_, _ = w.Write([]byte("ok"))
	}))
	f, _ := newTestFetcher(t, Config{})
	var wg sync.WaitGroup
	for i := range 6 {
		wg.Go(func() {
			if _, err := fetchURL(t, f, srv.URL+"/"+string(rune('a'+i))); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if peak.Load() != 1 || total.Load() != 7 {
		t.Errorf("peak concurrency = %d over %d requests, want 1 over 7 (6 pages + robots.txt)", peak.Load(), total.Load())
	}
}

// TestHostsInParallel checks that a slow host does not hold up another:
// each server answers only once the other has a request in flight.
func TestHostsInParallel(t *testing.T) {
	aIn, bIn := make(chan struct{}), make(chan struct{})
	barrier := func(mine, other chan struct{}) http.HandlerFunc {
		var once sync.Once
		return func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/robots.txt" {
				http.NotFound(w, r)
				return
			}
			once.Do(func() { close(mine) })
			select {
			case <-other:
				_, _ = w.Write([]byte("ok"))
			case <-time.After(10 * time.Second):
				http.Error(w, "the other host never came", http.StatusGatewayTimeout)
			}
		}
	}
	a := serve(t, barrier(aIn, bIn))
	b := serve(t, barrier(bIn, aIn))
	f, _ := newTestFetcher(t, Config{})
	errs := make(chan error, 2)
	for _, u := range []string{a.URL, b.URL} {
		go func() { _, err := fetchURL(t, f, u+"/"); errs <- err }()
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatalf("hosts were not fetched in parallel: %v", err)
		}
	}
}

// TestWaitForHostCancelled checks that a fetch queued behind a slow request
// to the same host gives up when its context is cancelled.
func TestWaitForHostCancelled(t *testing.T) {
	entered, release := make(chan struct{}), make(chan struct{})
	var pages atomic.Int32
	srv, _ := site(t, "")
	srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		if pages.Add(1) == 1 {
			close(entered)
			<-release
		}
	})
	f, _ := newTestFetcher(t, Config{})
	first := make(chan error, 1)
	go func() { _, err := fetchURL(t, f, srv.URL+"/yavas"); first <- err }()
	<-entered
	ctx, cancel := context.WithCancel(context.Background())
	second := make(chan error, 1)
	go func() { _, err := f.Fetch(ctx, Request{URL: srv.URL + "/sirada"}); second <- err }()
	cancel()
	select {
	case err := <-second:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("queued fetch: %v, want context.Canceled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the queued fetch did not give up")
	}
	close(release)
	if err := <-first; err != nil {
		t.Fatal(err)
	}
	if got := pages.Load(); got != 1 {
		t.Errorf("pages requested = %d, want 1", got)
	}
}

// TestRobotsOnRedirect checks that a redirect to another host is held to
// that host's robots.txt.
func TestRobotsOnRedirect(t *testing.T) {
	other, _ := site(t, "User-agent: *\nDisallow: /yasak\n")
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		http.Redirect(w, r, other.URL+"/yasak/1", http.StatusFound)
	}))
	f, _ := newTestFetcher(t, Config{})
	_, err := fetchURL(t, f, srv.URL+"/git")
	wantCode(t, err, news.EFORBIDDEN)
	if !strings.Contains(news.ErrorMessage(err), "robots.txt") {
		t.Errorf("message = %q", news.ErrorMessage(err))
	}
}

// The fetcher forgets hosts idle for longer than any backoff once it knows
// too many, but never a host that may still ask it to wait.
func TestHostStateIsBounded(t *testing.T) {
	old := maxHosts
	maxHosts = 2
	t.Cleanup(func() { maxHosts = old })
	f, clock := newTestFetcher(t, Config{})
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("tamam")) })
	busy := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	known := func(srv *httptest.Server) bool {
		f.mu.Lock()
		defer f.mu.Unlock()
		for key := range f.hosts {
			if strings.HasSuffix(key, strings.TrimPrefix(srv.URL, "http://")) {
				return true
			}
		}
		return false
	}
	a, b := serve(t, ok), serve(t, busy)
	fetchURL(t, f, a.URL+"/1")
	fetchURL(t, f, b.URL+"/1") // asks for an hour off
	clock.wait(context.Background(), 30*time.Minute)
	for range 2 {
		fetchURL(t, f, serve(t, ok).URL+"/1")
	}
	if !known(b) || !known(a) {
		t.Fatal("hosts used half an hour ago were forgotten")
	}
	clock.wait(context.Background(), 3*time.Hour)
	fetchURL(t, f, serve(t, ok).URL+"/1")
	f.mu.Lock()
	n := len(f.hosts)
	f.mu.Unlock()
	if known(a) || known(b) || n != 1 {
		t.Errorf("after three idle hours: %d hosts kept, a known %v, b known %v; want only the new one", n, known(a), known(b))
	}
}
