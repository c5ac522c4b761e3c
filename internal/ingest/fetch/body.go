package fetch

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"manset/internal/news"
)

// readBody reads resp's body, decompressed, and refuses it once it passes
// limit bytes. The decompressor is read through a limit, so a gzip bomb costs
// at most limit bytes of memory however far it would expand.
func readBody(resp *http.Response, limit int64) ([]byte, error) {
	r, err := decoder(resp)
	if err != nil {
		return nil, err
	}
	if r == resp.Body && resp.ContentLength > limit {
		return nil, tooLarge(limit) // said so up front: do not read it
	}
	hint := 0
	if resp.ContentLength > 0 && resp.ContentLength <= limit {
		hint = int(resp.ContentLength)
	}
	return readCapped(r, limit, hint)
}

// readCapped reads r to the end, or fails once it passes limit bytes. It
// reads into chunks and joins them once at the end, so memory stays near
// the bytes actually read, and a body refused for its size costs about
// limit bytes, not the doubling a growing buffer would allocate.
func readCapped(r io.Reader, limit int64, hint int) ([]byte, error) {
	var chunks [][]byte
	var total int64
	size := max(hint+1, 32<<10) // +1 so a body of exactly hint bytes sees EOF in one chunk
	for {
		chunk := make([]byte, min(int64(size), limit+1-total))
		n, err := fill(r, chunk)
		chunks = append(chunks, chunk[:n])
		total += int64(n)
		if total > limit {
			return nil, tooLarge(limit)
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, bodyError(err)
		}
		size = min(size*2, 1<<20)
	}
	if len(chunks) == 1 {
		return chunks[0], nil
	}
	return bytes.Join(chunks, nil), nil
}

// fill reads into buf until it is full or r fails. Unlike io.ReadFull it
// keeps a decompressor's io.ErrUnexpectedEOF (a truncated stream) apart
// from the plain end of the body.
func fill(r io.Reader, buf []byte) (int, error) {
	n := 0
	for n < len(buf) {
		m, err := r.Read(buf[n:])
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// decoder returns a reader of resp's body with its Content-Encoding undone.
func decoder(resp *http.Response) (io.Reader, error) {
	enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding")))
	switch enc {
	case "", "identity":
		return resp.Body, nil
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, bodyError(err)
		}
		return zr, nil
	case "deflate":
		return deflateReader(resp.Body)
	}
	return nil, news.E(news.EUNSUPPORTED, "fetch.unsupported_encoding", enc)
}

// deflateReader reads "deflate" bodies, which by the RFC are zlib streams
// but which some servers send as raw DEFLATE; the zlib header tells them
// apart.
func deflateReader(body io.Reader) (io.Reader, error) {
	br := bufio.NewReader(body)
	head, _ := br.Peek(2)
	if len(head) == 2 && head[0]&0x0f == 8 && (uint16(head[0])<<8|uint16(head[1]))%31 == 0 {
		zr, err := zlib.NewReader(br)
		if err != nil {
			return nil, bodyError(err)
		}
		return zr, nil
	}
	return flate.NewReader(br), nil
}

func tooLarge(limit int64) error {
	size := fmt.Sprintf("%d bayt", limit)
	if limit >= 1<<20 {
		size = fmt.Sprintf("%d MB", limit>>20)
	}
	return news.E(news.ETOOLARGE, "fetch.too_large", size)
}

// bodyError names a body that broke off or does not decompress.
func bodyError(err error) error {
	var ne *news.Error
	switch {
	case errors.As(err, &ne):
		return ne
	case errors.Is(err, gzip.ErrHeader), errors.Is(err, gzip.ErrChecksum),
		errors.Is(err, zlib.ErrHeader), errors.Is(err, zlib.ErrChecksum):
		return news.WrapError(news.EINVALID, "fetch.bad_compression", err)
	}
	var ce flate.CorruptInputError
	if errors.As(err, &ce) {
		return news.WrapError(news.EINVALID, "fetch.bad_compression", err)
	}
	return news.WrapError(news.EINTERNAL, "fetch.cut_short", err)
}
