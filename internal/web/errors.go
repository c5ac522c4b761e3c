package web

import (
	"encoding/json"
	"errors"
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

// apiError writes err as {"error":{code, message}} with its status, the
// message in the language apiLocale picks. Internal errors are logged and
// answered with the generic message.
func (s *Server) apiError(w http.ResponseWriter, r *http.Request, err error) {
	status := s.logIfInternal(r, err)
	var de *news.Error
	if status == http.StatusInternalServerError || !errors.As(err, &de) {
		de = news.E(news.EINTERNAL, news.KeyInternal)
	}
	writeAPIError(w, r, status, de)
}

// writeAPIError writes e with status, in r's API language. It logs
// nothing: for errors the handler raised itself.
func writeAPIError(w http.ResponseWriter, r *http.Request, status int, e *news.Error) {
	// the message, hence the body, depends on these headers
	w.Header().Add("Vary", "Accept-Language, Cookie")
	writeJSONError(w, status, e.Code, e.Message(apiLocale(r)))
}

// apiFail answers an API request with e, with the status e's code maps to.
func apiFail(w http.ResponseWriter, r *http.Request, e *news.Error) {
	writeAPIError(w, r, statusFor(e.Code), e)
}

// apiInternal answers with the generic internal error, for failures
// already logged.
func apiInternal(w http.ResponseWriter, r *http.Request) {
	writeAPIError(w, r, http.StatusInternalServerError, news.E(news.EINTERNAL, news.KeyInternal))
}

// apiNotFound answers unknown /api/ paths.
func (s *Server) apiNotFound(w http.ResponseWriter, r *http.Request) {
	apiFail(w, r, news.E(news.ENOTFOUND, "api.no_such_path"))
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
		b = []byte(`{"error":{"code":"internal","message":"` + news.T(news.KeyInternal).In(news.LangTR) + `"}}`)
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}
