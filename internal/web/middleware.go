package web

import (
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"time"
)

// contentSecurityPolicy allows our own assets only. JSON-LD blocks are data,
// not executed, so they need no script-src exception. Images may come from
// the outlets articles were taken from; ad slots may embed https iframes.
const contentSecurityPolicy = "default-src 'self'; img-src 'self' https: http: data:; " +
	"style-src 'self'; script-src 'self'; frame-src https:; object-src 'none'; " +
	"base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

var (
	hdrNoSniff  = []string{"nosniff"}
	hdrReferrer = []string{"strict-origin-when-cross-origin"}
	hdrCSP      = []string{contentSecurityPolicy}
	hdrFrame    = []string{"DENY"}
)

// statusRecorder remembers what a handler wrote, for the request log.
type statusRecorder struct {
	http.ResponseWriter
	status   int
	bytes    int
	cacheHit bool
}

func (r *statusRecorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += n
	return n, err
}

// Unwrap lets http.ResponseController reach the real writer.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// markCacheHit tells the request log that w was served from the page cache.
func markCacheHit(w http.ResponseWriter) {
	if rec, ok := w.(*statusRecorder); ok {
		rec.cacheHit = true
	}
}

// middleware wraps h with security headers, panic recovery and logging.
func (s *Server) middleware(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w}
		hdr := w.Header()
		hdr["X-Content-Type-Options"] = hdrNoSniff
		hdr["Referrer-Policy"] = hdrReferrer
		hdr["Content-Security-Policy"] = hdrCSP
		hdr["X-Frame-Options"] = hdrFrame
		defer s.recoverPanic(rec, r)
		h.ServeHTTP(rec, r)
		d := time.Since(start)
		s.metrics.observe(rec, d)
		s.logRequest(r, rec, d)
	})
}

func (s *Server) recoverPanic(w *statusRecorder, r *http.Request) {
	v := recover()
	if v == nil {
		return
	}
	if v == http.ErrAbortHandler {
		panic(v)
	}
	s.log.Error("web: panic serving request", slog.String("path", r.URL.Path),
		slog.Any("panic", v), slog.String("stack", string(debug.Stack())))
	if w.status != 0 {
		return // headers are gone; nothing sensible left to send
	}
	if isAPI(r) {
		apiInternal(w, r)
		return
	}
	// The store may be what panicked: render without asking it again.
	s.writeErrorPage(w, http.StatusInternalServerError, s.bareSite(), serverErrorView)
}

func (s *Server) logRequest(r *http.Request, rec *statusRecorder, d time.Duration) {
	level := slog.LevelInfo
	if rec.cacheHit {
		level = slog.LevelDebug
	}
	ctx := r.Context()
	if !s.log.Enabled(ctx, level) {
		return
	}
	s.log.LogAttrs(ctx, level, "http request",
		slog.String("method", r.Method),
		slog.String("path", r.URL.Path),
		slog.Int("status", rec.status),
		slog.Int("bytes", rec.bytes),
		slog.Duration("duration", d),
		slog.Bool("cache_hit", rec.cacheHit))
}

func isAPI(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/api/") }
