package web

import (
	"log/slog"
	"net/http"
)

// healthz answers "ok" once the store answers a query.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if _, err := s.store.ContentVersion(r.Context()); err != nil {
		s.log.Error("web: health check failed", slog.Any("err", err))
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte("store unavailable\n"))
		return
	}
	w.Write([]byte("ok"))
}

// readyz answers "ready" when this node can serve: the database answers
// and holds the schema this binary knows. A load balancer sends traffic
// only to ready nodes; /healthz says only that the process is alive.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if err := s.store.Ready(r.Context()); err != nil {
		s.log.Warn("web: not ready", slog.Any("err", err))
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte("not ready\n"))
		return
	}
	w.Write([]byte("ready"))
}
