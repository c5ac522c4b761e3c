package web

import (
	"encoding/json"
	"log/slog"
	"net/http"

	"manset/internal/news"
)

// statusFor maps a domain error code to an HTTP status.
func statusFor(code string) int {
	switch code {
	case news.ENOTFOUND:
		return http.StatusNotFound
	case news.EINVALID:
		return http.StatusBadRequest
	case news.EUNAUTHORIZED:
		return http.StatusUnauthorized
	case news.EFORBIDDEN:
		return http.StatusForbidden
	case news.ECONFLICT:
		return http.StatusConflict
	case news.ERATELIMIT:
		return http.StatusTooManyRequests
	case news.ETOOLARGE:
		return http.StatusRequestEntityTooLarge
	}
	return http.StatusInternalServerError
}

// logIfInternal logs the cause of errors that readers see only as a
// generic message.
func (s *Server) logIfInternal(r *http.Request, err error) int {
	status := statusFor(news.ErrorCode(err))
	if status == http.StatusInternalServerError {
		s.log.Error("web: request failed", slog.String("path", r.URL.Path), slog.Any("err", err))
	}
	return status
}

// serveError renders err as an HTML error page.
func (s *Server) serveError(w http.ResponseWriter, r *http.Request, err error) {
	s.renderErrorPage(w, r, s.logIfInternal(r, err))
}

// notFound is the HTML 404 page.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.renderErrorPage(w, r, http.StatusNotFound)
}

// localizeErr is err's safe message in the language of r's page, for
// forms and notices; internal errors get the generic message.
func localizeErr(r *http.Request, err error) string {
	return news.Localize(err, localeFrom(r.Context()))
}

// apiError writes err as {"error":{code, message}} with its status.
func (s *Server) apiError(w http.ResponseWriter, r *http.Request, err error) {
	status := s.logIfInternal(r, err)
	code := news.ErrorCode(err)
	msg := news.ErrorMessage(err)
	if status == http.StatusInternalServerError {
		code, msg = news.EINTERNAL, "Beklenmeyen bir hata oluştu."
	}
	writeJSONError(w, status, code, msg)
}

// apiNotFound answers unknown /api/ paths.
func (s *Server) apiNotFound(w http.ResponseWriter, r *http.Request) {
	writeJSONError(w, http.StatusNotFound, news.ENOTFOUND, "Böyle bir API adresi yok.")
}

func writeJSONError(w http.ResponseWriter, status int, code, msg string) {
	type body struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	}
	writeJSON(w, status, map[string]body{"error": {code, msg}})
}

// writeJSON writes v as JSON with the given status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"error":{"code":"internal","message":"Beklenmeyen bir hata oluştu."}}`)
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}
