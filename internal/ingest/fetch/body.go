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
	var buf bytes.Buffer
	if resp.ContentLength > 0 && resp.ContentLength <= limit {
		buf.Grow(int(resp.ContentLength)) // a hint: one allocation for the usual page
	}
	n, err := buf.ReadFrom(io.LimitReader(r, limit+1))
	if n > limit {
		return nil, tooLarge(limit)
	}
	if err != nil {
		return nil, bodyError(err)
	}
	return buf.Bytes(), nil
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
	return nil, news.Errorf(news.EUNSUPPORTED, "desteklenmeyen sıkıştırma: %.40q", enc)
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
	return news.Errorf(news.ETOOLARGE, "sayfa çok büyük: açıldığında %s sınırını aşıyor", size)
}

// bodyError names a body that broke off or does not decompress.
func bodyError(err error) error {
	var ne *news.Error
	switch {
	case errors.As(err, &ne):
		return ne
	case errors.Is(err, gzip.ErrHeader), errors.Is(err, gzip.ErrChecksum),
		errors.Is(err, zlib.ErrHeader), errors.Is(err, zlib.ErrChecksum):
		return news.WrapError(news.EINVALID, "sıkıştırılmış yanıt bozuk", err)
	}
	var ce flate.CorruptInputError
	if errors.As(err, &ce) {
		return news.WrapError(news.EINVALID, "sıkıştırılmış yanıt bozuk", err)
	}
	return news.WrapError(news.EINTERNAL, "yanıt yarıda kesildi", err)
}
