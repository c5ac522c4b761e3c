// Package warc reads WARC 1.0 and 1.1 files (plain, gzip per record, or
// gzip over the whole file) one record at a time, and gives the HTTP
// payload of response records ready for the extractor.
package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"
	"time"

	"manset/internal/news"
)

// Limits on one record.
const (
	MaxBody       = 20 << 20 // HTTP payload, after dechunking and decompression
	maxBlock      = MaxBody + 1<<20
	maxLine       = 64 << 10
	maxHeaderRows = 512
)

// Record is one WARC record. For response records with an HTTP block,
// ContentType, HTTPStatus and HTTPHeader come from the HTTP response and
// Body is its payload, dechunked and decompressed. Resource records carry
// their block as Body. Other records (request, metadata, warcinfo,
// revisit, ...) have a nil Body: their blocks are skipped unread.
type Record struct {
	Type        string // WARC-Type: response, request, metadata, ...
	TargetURI   string
	Date        time.Time // WARC-Date; zero when missing or unreadable
	ContentType string
	HTTPStatus  int
	HTTPHeader  http.Header
	Body        []byte
	Offset      int64 // where the record starts in the (decompressed) stream
}

// Reader reads records in order from a WARC stream.
type Reader struct {
	br  *bufio.Reader
	off int64 // bytes consumed from br
	err error // sticky: the stream itself failed

	// pending is set when a resync has already read the next record's
	// version line, at pendingOff.
	pending    bool
	pendingOff int64
}

// NewReader returns a Reader over r. Gzip is detected from the first bytes;
// any number of concatenated gzip members is read as one stream.
func NewReader(r io.Reader) *Reader {
	raw := bufio.NewReaderSize(r, 64<<10)
	rd := &Reader{}
	var stream io.Reader = raw
	if magic, _ := raw.Peek(2); bytes.Equal(magic, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(raw)
		if err != nil {
			rd.err = news.WrapError(news.EINVALID, "warc.bad_gzip", err)
			return rd
		}
		zr.Multistream(true)
		stream = zr
	}
	rd.br = bufio.NewReaderSize(stream, 64<<10)
	return rd
}

// Next returns the next record, or io.EOF at the end. A bad record gives an
// error naming its offset; calling Next again goes on with the record
// after it. Errors from the underlying stream (a corrupt gzip member, an
// I/O error) are final.
func (r *Reader) Next() (*Record, error) {
	if r.err != nil {
		return nil, r.err
	}
	start, err := r.versionLine()
	if err != nil {
		return nil, err
	}
	hdr, err := r.readHeader()
	if err != nil {
		return nil, r.badRecord(start, err)
	}
	length, err := strconv.ParseInt(strings.TrimSpace(hdr.Get("Content-Length")), 10, 64)
	if err != nil || length < 0 {
		return nil, r.badRecord(start, errors.New("Content-Length eksik ya da geçersiz"))
	}
	rec := &Record{
		Type:        strings.ToLower(strings.TrimSpace(hdr.Get("WARC-Type"))),
		TargetURI:   strings.Trim(strings.TrimSpace(hdr.Get("WARC-Target-URI")), "<>"),
		ContentType: strings.TrimSpace(hdr.Get("Content-Type")),
		Offset:      start,
	}
	rec.Date, _ = time.Parse(time.RFC3339Nano, strings.TrimSpace(hdr.Get("WARC-Date")))
	if rec.Type != "response" && rec.Type != "resource" {
		if err := r.discard(length); err != nil {
			return nil, recordError(start, news.EINVALID, "kayıt yarıda kesilmiş", err)
		}
		return rec, nil
	}
	return r.readPayload(rec, length)
}

// versionLine skips blank separator lines and returns the offset of the
// next record's "WARC/1.x" line. Anything else is reported once, after
// which the reader has moved to the following record.
func (r *Reader) versionLine() (int64, error) {
	if r.pending {
		r.pending = false
		return r.pendingOff, nil
	}
	for {
		start := r.off
		line, err := r.readLine()
		if err != nil && err != errLongLine {
			return 0, err
		}
		if err == nil && len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		if bytes.HasPrefix(line, []byte("WARC/1.")) {
			return start, nil
		}
		if err := r.resync(); err != nil && err != io.EOF {
			return 0, err
		}
		return 0, recordError(start, news.EINVALID, "kayıt başı (WARC/1.x) bekleniyordu", nil)
	}
}

// badRecord reports a record with a broken header and resyncs past it.
func (r *Reader) badRecord(start int64, cause error) error {
	if r.err != nil {
		return r.err
	}
	if err := r.resync(); err != nil && err != io.EOF {
		return err
	}
	return recordError(start, news.EINVALID, "başlık bozuk", cause)
}

// resync reads lines until one starts a record, and leaves it pending.
func (r *Reader) resync() error {
	for {
		start := r.off
		line, err := r.readLine()
		if err == errLongLine {
			continue
		}
		if err != nil {
			return err
		}
		if bytes.HasPrefix(line, []byte("WARC/1.")) {
			r.pending, r.pendingOff = true, start
			return nil
		}
	}
}

var errLongLine = errors.New("satır çok uzun")

// readLine returns the next line without its line ending. Lines longer than
// maxLine are consumed and reported as errLongLine.
func (r *Reader) readLine() ([]byte, error) {
	var long []byte
	for {
		chunk, err := r.br.ReadSlice('\n')
		r.off += int64(len(chunk))
		if err == bufio.ErrBufferFull {
			if len(long) <= maxLine {
				long = append(long, chunk...)
			}
			continue
		}
		if err != nil && (err != io.EOF || len(chunk)+len(long) == 0) {
			return nil, r.streamErr(err)
		}
		if long != nil {
			if len(long)+len(chunk) > maxLine {
				return nil, errLongLine
			}
			chunk = append(long, chunk...)
		}
		return bytes.TrimRight(chunk, "\r\n"), nil
	}
}

// streamErr makes failures of the stream itself sticky; EOF passes as is.
func (r *Reader) streamErr(err error) error {
	if err == io.EOF {
		return io.EOF
	}
	r.err = news.WrapError(news.EINVALID, "warc.stream", err, r.off)
	return r.err
}

// readHeader reads "Name: value" lines up to the blank line ending the
// WARC header.
func (r *Reader) readHeader() (textproto.MIMEHeader, error) {
	hdr := textproto.MIMEHeader{}
	for rows := 0; ; rows++ {
		line, err := r.readLine()
		if err == io.EOF {
			return nil, io.ErrUnexpectedEOF
		} else if err != nil {
			return nil, err
		}
		if len(line) == 0 {
			return hdr, nil
		}
		if rows >= maxHeaderRows {
			return nil, errors.New("çok fazla başlık satırı")
		}
		name, value, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			if line[0] == ' ' || line[0] == '\t' {
				continue // folded continuation; no field we use is folded
			}
			return nil, fmt.Errorf("başlık satırı değil: %q", clip(line))
		}
		key := textproto.CanonicalMIMEHeaderKey(string(bytes.TrimSpace(name)))
		hdr.Add(key, string(bytes.TrimSpace(value)))
	}
}

// discard skips n bytes of block.
func (r *Reader) discard(n int64) error {
	for n > 0 {
		step := int(min(n, 1<<30))
		d, err := r.br.Discard(step)
		r.off += int64(d)
		n -= int64(d)
		if err != nil {
			if err == io.EOF {
				return io.ErrUnexpectedEOF
			}
			return r.streamErr(err)
		}
	}
	return nil
}

// readPayload reads the block of a response or resource record.
func (r *Reader) readPayload(rec *Record, length int64) (*Record, error) {
	if length > maxBlock {
		if err := r.discard(length); err != nil {
			return nil, recordError(rec.Offset, news.EINVALID, "kayıt yarıda kesilmiş", err)
		}
		return nil, recordError(rec.Offset, news.ETOOLARGE, fmt.Sprintf("kayıt çok büyük (%d bayt)", length), nil)
	}
	block := make([]byte, length)
	n, err := io.ReadFull(r.br, block)
	r.off += int64(n)
	if err != nil {
		if err != io.EOF && err != io.ErrUnexpectedEOF {
			return nil, r.streamErr(err)
		}
		return nil, recordError(rec.Offset, news.EINVALID, news.T("warc.record_short", length, n), nil)
	}
	if rec.Type != "response" || !isHTTP(rec.ContentType) {
		rec.Body = block
		return rec, nil
	}
	resp, err := parseHTTP(block)
	if err != nil {
		return nil, recordError(rec.Offset, news.ErrorCode(err), err, err)
	}
	rec.HTTPStatus, rec.HTTPHeader, rec.Body = resp.status, resp.header, resp.body
	rec.ContentType = resp.header.Get("Content-Type")
	return rec, nil
}

// isHTTP reports whether a WARC Content-Type names an HTTP message; an
// empty one is taken as HTTP, the common case for response records.
func isHTTP(ct string) bool {
	ct = strings.ToLower(ct)
	return ct == "" || strings.HasPrefix(ct, "application/http")
}

// recordError names the record at off and what is wrong with it: a
// news.Text, or an error whose message says it.
func recordError(off int64, code string, what any, cause error) error {
	return news.WrapError(code, "warc.record", cause, off, what)
}

func clip(b []byte) string {
	if len(b) > 80 {
		b = b[:80]
	}
	return strings.ToValidUTF8(string(b), "?")
}
