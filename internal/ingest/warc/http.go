package warc

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"io"
	"net/http"
	"net/http/httputil"
	"net/textproto"
	"strconv"
	"strings"

	"manset/internal/news"
)

type httpResponse struct {
	status int
	header http.Header
	body   []byte
}

// parseHTTP splits a recorded HTTP response into status, header and
// payload, undoing chunked transfer coding and gzip or deflate content
// coding. Crawlers often store the payload already decoded but keep the
// original headers, so each step applies only when the bytes look coded.
func parseHTTP(block []byte) (*httpResponse, error) {
	head, body := splitHead(block)
	statusLine, rest, _ := bytes.Cut(head, []byte("\n"))
	status, err := parseStatus(statusLine)
	if err != nil {
		return nil, err
	}
	tp := textproto.NewReader(bufio.NewReader(io.MultiReader(bytes.NewReader(rest), strings.NewReader("\r\n"))))
	mh, err := tp.ReadMIMEHeader()
	if err != nil && len(mh) == 0 && len(bytes.TrimSpace(rest)) > 0 {
		return nil, news.WrapError(news.EINVALID, "warc.http_header", err)
	}
	resp := &httpResponse{status: status, header: http.Header(mh)}
	if strings.Contains(strings.ToLower(resp.header.Get("Transfer-Encoding")), "chunked") && looksChunked(body) {
		if d, err := readCapped(httputil.NewChunkedReader(bytes.NewReader(body))); err == nil {
			body = d
		} else if news.ErrorCode(err) == news.ETOOLARGE {
			return nil, err
		}
	}
	resp.body, err = decodeContent(resp.header.Get("Content-Encoding"), body)
	return resp, err
}

// splitHead cuts the block at the blank line ending the HTTP header.
func splitHead(block []byte) (head, body []byte) {
	crlf := bytes.Index(block, []byte("\r\n\r\n"))
	lf := bytes.Index(block, []byte("\n\n"))
	switch {
	case crlf >= 0 && (lf < 0 || crlf < lf):
		return block[:crlf+2], block[crlf+4:]
	case lf >= 0:
		return block[:lf+1], block[lf+2:]
	}
	return block, nil
}

// parseStatus reads "HTTP/1.1 200 OK" (also "HTTP/2 200").
func parseStatus(line []byte) (int, error) {
	fields := strings.Fields(string(line))
	if len(fields) < 2 || !strings.HasPrefix(fields[0], "HTTP/") || len(fields[1]) != 3 {
		return 0, news.E(news.EINVALID, "warc.http_status_line", clip(line))
	}
	code, err := strconv.Atoi(fields[1])
	if err != nil || code < 100 {
		return 0, news.E(news.EINVALID, "warc.http_status_code", clip(line))
	}
	return code, nil
}

// looksChunked reports whether body starts with a chunk-size line.
func looksChunked(body []byte) bool {
	i := 0
	for i < len(body) && i < 16 && isHex(body[i]) {
		i++
	}
	return i > 0 && i < len(body) && (body[i] == '\r' || body[i] == '\n' || body[i] == ';')
}

func isHex(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

// decodeContent undoes a gzip or deflate Content-Encoding.
func decodeContent(coding string, body []byte) ([]byte, error) {
	coding = strings.ToLower(strings.TrimSpace(coding))
	switch coding {
	case "", "identity", "none":
		return capBody(body)
	case "gzip", "x-gzip":
		if !bytes.HasPrefix(body, []byte{0x1f, 0x8b}) {
			return capBody(body) // stored already decoded
		}
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return nil, news.WrapError(news.EINVALID, "warc.gzip_body", err)
		}
		return readDecoded(zr)
	case "deflate":
		if zr, err := zlib.NewReader(bytes.NewReader(body)); err == nil {
			return readDecoded(zr)
		}
		// Some servers send raw deflate without the zlib wrapper.
		if d, err := readCapped(flate.NewReader(bytes.NewReader(body))); err == nil || news.ErrorCode(err) == news.ETOOLARGE {
			return d, err
		}
		return capBody(body)
	}
	return nil, news.E(news.EUNSUPPORTED, "warc.unsupported_encoding", clip([]byte(coding)))
}

func readDecoded(r io.Reader) ([]byte, error) {
	d, err := readCapped(r)
	if err != nil && news.ErrorCode(err) != news.ETOOLARGE {
		return nil, news.WrapError(news.EINVALID, "warc.compressed_body", err)
	}
	return d, err
}

// readCapped reads r to the end, failing past MaxBody.
func readCapped(r io.Reader) ([]byte, error) {
	d, err := io.ReadAll(io.LimitReader(r, MaxBody+1))
	if err != nil {
		return nil, err
	}
	return capBody(d)
}

func capBody(b []byte) ([]byte, error) {
	if len(b) > MaxBody {
		return nil, news.E(news.ETOOLARGE, "warc.body_too_large", MaxBody>>20)
	}
	return b, nil
}
