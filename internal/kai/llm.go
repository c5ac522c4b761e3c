package kai

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"
)

// LLMConfig configures the language-model engine.
type LLMConfig struct {
	// URL is the base of an OpenAI-compatible server: "http://host:11434/v1"
	// (Ollama), "http://host:8080" (llama.cpp) or the full
	// ".../v1/chat/completions" address.
	URL   string
	Model string
	Key   string // sent as a Bearer token when set
	// FirstTokenTimeout is how long to wait for the first word of the
	// answer before quoting the extractive answer instead (default 8s).
	FirstTokenTimeout time.Duration
	// Timeout bounds a whole answer (default 60s).
	Timeout time.Duration
	// Passages is how many ranked sentences the model sees (default 10).
	Passages int
	Client   *http.Client // default: a client without its own timeout
	Logger   *slog.Logger // fallbacks are logged here; nil discards
}

// LLMConfigFromEnv reads MANSET_LLM_URL, MANSET_LLM_MODEL and
// MANSET_LLM_KEY; ok is false when no URL is set (the LLM is off).
func LLMConfigFromEnv(getenv func(string) string) (cfg LLMConfig, ok bool) {
	cfg = LLMConfig{
		URL:   strings.TrimSpace(getenv("MANSET_LLM_URL")),
		Model: strings.TrimSpace(getenv("MANSET_LLM_MODEL")),
		Key:   strings.TrimSpace(getenv("MANSET_LLM_KEY")),
	}
	return cfg, cfg.URL != ""
}

// LLM answers with a language model grounded in the passages the
// extractive engine retrieves, and falls back to the extractive answer
// when the model server is down, failing or slow. It is safe for
// concurrent use.
type LLM struct {
	cfg      LLMConfig
	endpoint string
	fallback *Extractive
}

// defaultModel is asked for when MANSET_LLM_MODEL is empty; servers with
// one loaded model (llama.cpp) ignore the name.
const defaultLLMModel = "default"

// NewLLM returns the LLM engine; fallback retrieves the passages and
// answers when the model cannot (nil means NewExtractive()).
func NewLLM(cfg LLMConfig, fallback *Extractive) *LLM {
	if cfg.FirstTokenTimeout <= 0 {
		cfg.FirstTokenTimeout = 8 * time.Second
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 60 * time.Second
	}
	if cfg.Passages <= 0 {
		cfg.Passages = 10
	}
	if cfg.Client == nil {
		cfg.Client = &http.Client{}
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Model == "" {
		cfg.Model = defaultLLMModel
	}
	if fallback == nil {
		fallback = NewExtractive()
	}
	return &LLM{cfg: cfg, endpoint: chatEndpoint(cfg.URL), fallback: fallback}
}

// chatEndpoint turns a base URL into the chat completions address.
func chatEndpoint(base string) string {
	u := strings.TrimRight(strings.TrimSpace(base), "/")
	switch {
	case strings.HasSuffix(u, "/chat/completions"):
		return u
	case strings.HasSuffix(u, "/v1"):
		return u + "/chat/completions"
	}
	return u + "/v1/chat/completions"
}

// Name is the Engine name reported in answers: "llm:<model>".
func (l *LLM) Name() string { return "llm:" + l.cfg.Model }

// Ask answers q with the model, or with the extractive engine when the
// model cannot.
func (l *LLM) Ask(ctx context.Context, q Question) (Answer, error) {
	return l.Stream(ctx, q, nil)
}

// Stream is Ask that calls onDelta with each piece of the model's text as
// it arrives. The returned Answer is authoritative: after a failure
// mid-stream it is the extractive answer, which replaces what was shown.
// An error from onDelta (the reader left) ends the answer with that error.
func (l *LLM) Stream(ctx context.Context, q Question, onDelta func(string) error) (Answer, error) {
	ext, err := l.fallback.Ask(ctx, q)
	if err != nil || !ext.Covered {
		return ext, err // a question the articles do not cover never reaches the model
	}
	ranked := l.fallback.Rank(q)
	passages := ranked[:min(l.cfg.Passages, len(ranked))]
	text, err := l.complete(ctx, buildMessages(q, passages), onDelta)
	if err != nil {
		if ctx.Err() != nil || errors.Is(err, errReaderGone) {
			return Answer{}, err
		}
		l.cfg.Logger.Warn("kai: language model failed; answering extractively",
			slog.String("endpoint", l.endpoint), slog.Any("err", err))
		return ext, nil
	}
	return l.answer(text, q, passages, ext), nil
}

// answer turns the model's text into an Answer.
func (l *LLM) answer(text string, q Question, passages []RankedSentence, ext Answer) Answer {
	if saysNotCovered(text) || strings.TrimSpace(text) == "" {
		return Answer{Answer: NotCovered, Engine: l.Name(), Citations: []Citation{}}
	}
	out, cites := citeAnswer(text, q, passages)
	if len(cites) == 0 {
		// The model cited nothing: show the sentences it was most likely
		// drawing on, so every covered answer has its evidence.
		cites = ext.Citations
	}
	return Answer{Answer: out, Covered: true, Engine: l.Name(), Citations: cites}
}

// errReaderGone wraps an error returned by onDelta.
var errReaderGone = errors.New("kai: reader gone")

// errFirstToken is the cause when the model is silent for too long.
var errFirstToken = errors.New("kai: no answer from the model in time")

// complete sends the chat request and assembles the streamed answer.
func (l *LLM) complete(ctx context.Context, msgs []chatMessage, onDelta func(string) error) (string, error) {
	ctx, cancel := context.WithTimeoutCause(ctx, l.cfg.Timeout, errors.New("kai: the model took too long"))
	defer cancel()
	ctx, cancelFirst := context.WithCancelCause(ctx)
	defer cancelFirst(nil)
	first := time.AfterFunc(l.cfg.FirstTokenTimeout, func() { cancelFirst(errFirstToken) })
	defer first.Stop()

	resp, err := l.post(ctx, msgs)
	if err != nil {
		return "", causeOf(ctx, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", statusError(resp)
	}
	var text strings.Builder
	err = readSSE(resp.Body, func(data string) error {
		delta, err := parseChunk(data)
		if err != nil || delta == "" {
			return err
		}
		first.Stop()
		text.WriteString(delta)
		if onDelta != nil {
			if err := onDelta(delta); err != nil {
				return fmt.Errorf("%w: %w", errReaderGone, err)
			}
		}
		return nil
	})
	if err != nil {
		return "", causeOf(ctx, err)
	}
	return text.String(), nil
}

// post sends the streamed chat completion request.
func (l *LLM) post(ctx context.Context, msgs []chatMessage) (*http.Response, error) {
	body, err := json.Marshal(map[string]any{
		"model":       l.cfg.Model,
		"messages":    msgs,
		"stream":      true,
		"temperature": 0.2,
		"max_tokens":  400,
	})
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, l.endpoint, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "text/event-stream")
	if l.cfg.Key != "" {
		req.Header.Set("Authorization", "Bearer "+l.cfg.Key)
	}
	return l.cfg.Client.Do(req)
}

// statusError reads the server's error message from a non-200 response.
func statusError(resp *http.Response) error {
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	var c chunk
	msg := strings.TrimSpace(string(b))
	if json.Unmarshal(b, &c) == nil && c.Error != nil && c.Error.Message != "" {
		msg = c.Error.Message
	}
	return &llmError{Status: resp.StatusCode, Message: clip(msg, 300)}
}

// causeOf prefers the reason a context ended (first-token timeout, overall
// timeout) over the transport's "context canceled".
func causeOf(ctx context.Context, err error) error {
	if c := context.Cause(ctx); c != nil && !errors.Is(err, errReaderGone) {
		return c
	}
	return err
}
