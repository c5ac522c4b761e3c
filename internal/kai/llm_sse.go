package kai

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// errStreamDone ends reading at "data: [DONE]".
var errStreamDone = errors.New("kai: stream done")

// maxSSELine bounds one line of the server's event stream; a chunk of a
// chat completion is a few hundred bytes.
const maxSSELine = 1 << 20

// readSSE reads a server-sent event stream and calls onData with the data
// of each event (several data lines joined by "\n"). Comments (":...")
// and fields other than data are skipped; "[DONE]" ends the stream
// without error. An error from onData stops reading and is returned.
func readSSE(r io.Reader, onData func(data string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxSSELine)
	var data []string
	flush := func() error {
		if len(data) == 0 {
			return nil
		}
		d := strings.Join(data, "\n")
		data = data[:0]
		if strings.TrimSpace(d) == "[DONE]" {
			return errStreamDone
		}
		return onData(d)
	}
	for sc.Scan() {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if line == "" {
			if err := flush(); err != nil {
				return ignoreDone(err)
			}
			continue
		}
		if strings.HasPrefix(line, ":") {
			continue
		}
		field, value, _ := strings.Cut(line, ":")
		if field == "data" {
			data = append(data, strings.TrimPrefix(value, " "))
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("kai: reading the model's stream: %w", err)
	}
	return ignoreDone(flush()) // a last event without its blank line
}

func ignoreDone(err error) error {
	if errors.Is(err, errStreamDone) {
		return nil
	}
	return err
}

// chunk is one event of a streamed chat completion, or an error object.
type chunk struct {
	Choices []struct {
		Delta struct {
			Content string `json:"content"`
		} `json:"delta"`
		FinishReason *string `json:"finish_reason"`
	} `json:"choices"`
	Error *struct {
		Message string `json:"message"`
		Type    string `json:"type"`
	} `json:"error"`
}

// llmError is an error reported by the language-model server.
type llmError struct {
	Status  int // HTTP status, 0 for an error object inside the stream
	Message string
}

func (e *llmError) Error() string {
	if e.Status != 0 {
		return fmt.Sprintf("kai: model server answered %d: %s", e.Status, e.Message)
	}
	return "kai: model server error: " + e.Message
}

// parseChunk returns the text a chunk adds, or the server's error.
func parseChunk(data string) (string, error) {
	var c chunk
	if err := json.Unmarshal([]byte(data), &c); err != nil {
		return "", fmt.Errorf("kai: bad chunk from the model server: %w", err)
	}
	if c.Error != nil {
		msg := c.Error.Message
		if msg == "" {
			msg = c.Error.Type
		}
		return "", &llmError{Message: msg}
	}
	if len(c.Choices) == 0 {
		return "", nil // e.g. a usage-only chunk
	}
	return c.Choices[0].Delta.Content, nil
}
