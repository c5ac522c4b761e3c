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
