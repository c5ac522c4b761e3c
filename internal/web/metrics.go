package web

import (
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the server's Prometheus metrics, in a registry of its own so
// that tests can run several servers in one process.
type metrics struct {
	registry *prometheus.Registry
	requests [6][2]prometheus.Counter // [status/100][cache hit]
	duration prometheus.Histogram
}

func newMetrics(s *Server) *metrics {
	m := &metrics{registry: prometheus.NewRegistry()}
	vec := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "manset_http_requests_total",
		Help: "HTTP requests served, by status class and whether the page cache answered.",
	}, []string{"class", "cache"})
	classes := [6]string{"other", "1xx", "2xx", "3xx", "4xx", "5xx"}
	for i, class := range classes {
		// Resolve every label pair now: a request only touches an atomic.
		m.requests[i][0] = vec.WithLabelValues(class, "miss")
		m.requests[i][1] = vec.WithLabelValues(class, "hit")
	}
	m.duration = prometheus.NewHistogram(prometheus.HistogramOpts{
		Name:    "manset_http_request_duration_seconds",
		Help:    "Time to serve HTTP requests.",
		Buckets: []float64{.0001, .0005, .001, .005, .01, .05, .1, .5, 1, 5},
	})
	cacheBytes := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "manset_page_cache_bytes", Help: "Bytes held by the rendered page cache.",
	}, func() float64 { return float64(s.pages.size()) })
	m.registry.MustRegister(vec, m.duration, cacheBytes,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

func (m *metrics) observe(rec *statusRecorder, d time.Duration) {
	class := rec.status / 100
	if class < 1 || class > 5 {
		class = 0
	}
	hit := 0
	if rec.cacheHit {
		hit = 1
	}
	m.requests[class][hit].Inc()
	m.duration.Observe(d.Seconds())
}

// serveMetrics answers /metrics to clients on this machine only: operators
// scrape it locally or through a proxy; the public internet gets a 404.
func (s *Server) serveMetrics(h http.Handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		host, _, err := net.SplitHostPort(r.RemoteAddr)
		if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() || s.proxied(r) {
			s.notFound(w, r)
			return
		}
		h.ServeHTTP(w, r)
	}
}

// proxied reports whether r came through a reverse proxy on this machine:
// then the loopback peer is the proxy, not the scraper. Besides the usual
// headers, the site's configured client-IP header (e.g. X-Real-IP) counts.
func (s *Server) proxied(r *http.Request) bool {
	for _, h := range []string{"X-Forwarded-For", "Forwarded", "X-Real-IP", s.ipHeader} {
		if h != "" && r.Header.Get(h) != "" {
			return true
		}
	}
	return false
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})
}
