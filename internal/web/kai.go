package web

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"manset/internal/auth"
	"manset/internal/kai"
	"manset/internal/news"
)

// Limits on one KAI request.
const (
	kaiMaxQuestion = 500      // characters
	kaiMaxTurns    = 6        // earlier turns sent back by the page
	kaiMaxAnswer   = 4000     // characters of an earlier answer
	kaiMaxBody     = 64 << 10 // bytes of the JSON request
)

// kaiRule is the per-reader rate of questions: a burst of ten, then one
// every three seconds (each question ranks several articles, and may run
// a language model).
var kaiRule = auth.Rule{Every: 3 * time.Second, Burst: 10}

// kaiStreamer is an engine that can stream its answer (the LLM engine).
type kaiStreamer interface {
	Stream(ctx context.Context, q kai.Question, onDelta func(string) error) (kai.Answer, error)
}

// kaiService answers readers' questions about articles.
type kaiService struct {
	s      *Server
	engine kai.Engine
	ext    *kai.Extractive // suggested questions are checked with it
	limit  *auth.Limiter
}

// kaiRoutes registers the KAI API and the form endpoint, and gives the
// article page its KAI panel. engine nil means the extractive engine.
func (s *Server) kaiRoutes(engine kai.Engine) {
	k := &kaiService{s: s, engine: engine, ext: kai.NewExtractive(),
		limit: s.limiter(kaiRule, "kai")}
	if k.engine == nil {
		k.engine = k.ext
	}
	s.addKAITemplates(k)
	s.mux.HandleFunc("POST /api/v1/articles/{id}/kai", k.askAPI)
	s.mux.HandleFunc("POST /haber/{slug}/kai", k.askForm)
}

// kaiRequest is the body of POST /api/v1/articles/{id}/kai.
type kaiRequest struct {
	Question string `json:"question"`
	History  []struct {
		Question string `json:"question"`
		Answer   string `json:"answer"`
	} `json:"history"`
}

// question checks the request's limits and makes the engine's question.
func (in *kaiRequest) question() (kai.Question, error) {
	text := strings.TrimSpace(in.Question)
	switch {
	case text == "":
		return kai.Question{}, news.E(news.EINVALID, "kai.question_required")
	case utf8.RuneCountInString(text) > kaiMaxQuestion:
		return kai.Question{}, news.E(news.EINVALID, "kai.question_max", kaiMaxQuestion)
	case len(in.History) > kaiMaxTurns:
		return kai.Question{}, news.E(news.EINVALID, "kai.history_max", kaiMaxTurns)
	}
	q := kai.Question{Text: text}
	for _, t := range in.History {
		if utf8.RuneCountInString(t.Question) > kaiMaxQuestion || utf8.RuneCountInString(t.Answer) > kaiMaxAnswer {
			return kai.Question{}, news.E(news.EINVALID, "kai.history_entry_long")
		}
		q.History = append(q.History, kai.Turn{Question: t.Question, Answer: t.Answer})
	}
	return q, nil
}

// askAPI serves POST /api/v1/articles/{id}/kai: the answer as JSON, or as
// server-sent events when the client accepts text/event-stream.
func (k *kaiService) askAPI(w http.ResponseWriter, r *http.Request) {
	s := k.s
	if err := k.limit.Allow(r.Context(), s.rateKey(r)); err != nil {
		s.apiError(w, r, err)
		return
	}
	var in kaiRequest
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, kaiMaxBody))
	if err := dec.Decode(&in); err != nil {
		s.apiError(w, r, news.E(news.EINVALID, "kai.bad_json"))
		return
	}
	q, err := in.question()
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	a, err := s.visibleArticle(r.Context(), r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	if q, err = k.prepare(r.Context(), &a, q); err != nil {
		s.apiError(w, r, err)
		return
	}
	if strings.Contains(r.Header.Get("Accept"), "text/event-stream") {
		k.stream(w, r, q)
		return
	}
	ans, err := k.engine.Ask(r.Context(), q)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writePrivateJSON(w, http.StatusOK, ans)
}

// prepare adds the passages of a, its story and related articles to q.
func (k *kaiService) prepare(ctx context.Context, a *news.Article, q kai.Question) (kai.Question, error) {
	passages, err := kai.Passages(ctx, k.s.store, a, k.s.now(), k.s.baseURL)
	if err != nil {
		return q, err
	}
	q.Articles = passages
	return kai.AboutArticle(q), nil
}

// stream answers over server-sent events: "delta" events with pieces of
// the text (from a streaming engine), then "answer" with the full Answer,
// which replaces the pieces, then "done". Errors found before the first
// event get a JSON error with their status; later ones an "error" event.
func (k *kaiService) stream(w http.ResponseWriter, r *http.Request, q kai.Question) {
	ev := &sseWriter{w: w, rc: http.NewResponseController(w)}
	// An answer may outlive the server's write timeout while a model thinks.
	_ = ev.rc.SetWriteDeadline(time.Now().Add(2 * time.Minute))
	var ans kai.Answer
	var err error
	if st, ok := k.engine.(kaiStreamer); ok {
		ans, err = st.Stream(r.Context(), q, func(d string) error {
			return ev.send("delta", map[string]string{"text": d})
		})
	} else {
		ans, err = k.engine.Ask(r.Context(), q)
	}
	switch {
	case err != nil && !ev.started:
		k.s.apiError(w, r, err)
		return
	case err != nil:
		if r.Context().Err() == nil {
			status := k.s.logIfInternal(r, err)
			msg := news.Localize(err, apiLocale(r))
			if status == http.StatusInternalServerError {
				msg = news.T(news.KeyInternal).In(apiLocale(r))
			}
			ev.send("error", map[string]any{"error": map[string]string{"code": news.ErrorCode(err), "message": msg}})
		}
		return
	}
	if ev.send("answer", ans) == nil {
		ev.send("done", struct{}{})
	}
}

// sseWriter writes server-sent events, sending the headers with the first.
type sseWriter struct {
	w       http.ResponseWriter
	rc      *http.ResponseController
	started bool
}

func (e *sseWriter) send(event string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if !e.started {
		e.started = true
		h := e.w.Header()
		h.Set("Content-Type", "text/event-stream; charset=utf-8")
		h.Set("Cache-Control", "no-store")
		h.Set("X-Accel-Buffering", "no") // tell nginx not to hold the stream back
		e.w.WriteHeader(http.StatusOK)
	}
	if _, err := io.WriteString(e.w, "event: "+event+"\ndata: "+string(b)+"\n\n"); err != nil {
		return err
	}
	if err := e.rc.Flush(); err != nil && !errors.Is(err, http.ErrNotSupported) {
		return err
	}
	return nil
}
