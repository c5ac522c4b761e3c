// Package sitemap reads XML sitemaps (sitemaps.org urlset and sitemapindex)
// and Google News sitemaps. It streams the document token by token, so a
// sitemap with 50,000 URLs costs little more than its entries.
package sitemap

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"time"

	"golang.org/x/net/html/charset"

	"manset/internal/news"
)

// MaxSize is the largest sitemap accepted, after decompression.
const MaxSize = 50 << 20

// Entry is one <url> of a urlset. Times are nil when absent or unreadable.
type Entry struct {
	Loc           string
	LastMod       *time.Time
	NewsTitle     string     // news:title
	NewsName      string     // news:publication/news:name
	NewsPublished *time.Time // news:publication_date
}

// Parse reads a sitemap, plain or gzip-compressed. A urlset gives entries; a
// sitemapindex gives the locations of child sitemaps. When the document is
// broken part-way, what was read before the fault is returned with the
// error (EINVALID).
func Parse(body []byte) (entries []Entry, childSitemaps []string, err error) {
	r, err := openBody(body)
	if err != nil {
		return nil, nil, err
	}
	p := &parser{d: xml.NewDecoder(r)}
	// Lenient: real sitemaps carry unescaped "&" in URLs and HTML entities.
	p.d.Strict = false
	p.d.CharsetReader = charset.NewReaderLabel
	err = p.run()
	if errors.Is(err, errTooLarge) {
		err = news.E(news.ETOOLARGE, "sitemap.too_large", MaxSize>>20)
	}
	return p.entries, p.children, err
}

var errTooLarge = errors.New("sitemap: too large")

// openBody returns a reader over the document, inflating gzip and capping
// the size either way.
func openBody(body []byte) (io.Reader, error) {
	var r io.Reader = bytes.NewReader(body)
	if bytes.HasPrefix(body, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, news.WrapError(news.EINVALID, "sitemap.bad_gzip", err)
		}
		r = zr
	}
	return bufio.NewReader(&capReader{r: r, left: MaxSize}), nil
}

// capReader fails with errTooLarge past its limit instead of silently
// truncating, which would look like a broken document.
type capReader struct {
	r    io.Reader
	left int64
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		return 0, errTooLarge
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

type parser struct {
	d        *xml.Decoder
	entries  []Entry
	children []string
	root     string
	consumed bool // set by text: the current element was read to its end
}

func (p *parser) run() error {
	for {
		tok, err := p.d.Token()
		if err == io.EOF {
			if p.root == "" {
				return news.E(news.EINVALID, "sitemap.empty")
			}
			return nil
		}
		if err != nil {
			return p.fail(err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if p.root == "" {
			p.root = se.Name.Local
			if p.root != "urlset" && p.root != "sitemapindex" {
				return news.E(news.EINVALID, "sitemap.bad_root", clip(p.root))
			}
			continue
		}
		switch se.Name.Local {
		case "url":
			e, err := p.readURL()
			if err != nil {
				return p.fail(err)
			}
			if e.Loc != "" {
				p.entries = append(p.entries, e)
			}
		case "sitemap":
			loc, err := p.readChild()
			if err != nil {
				return p.fail(err)
			}
			if loc != "" {
				p.children = append(p.children, loc)
			}
		}
	}
}

func (p *parser) fail(err error) error {
	if errors.Is(err, errTooLarge) {
		return err
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return news.WrapError(news.EINVALID, "sitemap.syntax", err, se.Line, clip(se.Msg))
	}
	return news.WrapError(news.EINVALID, "sitemap.unreadable", err, clip(err.Error()))
}

// readURL reads the children of a <url> element up to its end tag.
func (p *parser) readURL() (Entry, error) {
	var e Entry
	err := p.walk(func(n xml.Name) error {
		name := fieldOf(n)
		if name == "" {
			return nil
		}
		text, err := p.text()
		switch name {
		case "loc":
			e.Loc = text
		case "lastmod":
			e.LastMod = ParseTime(text)
		case "title":
			e.NewsTitle = text
		case "name":
			e.NewsName = text
		case "publication_date":
			e.NewsPublished = ParseTime(text)
		}
		return err
	})
	return e, err
}

// readChild reads a <sitemap> element of an index and returns its <loc>.
func (p *parser) readChild() (string, error) {
	var loc string
	err := p.walk(func(n xml.Name) error {
		if fieldOf(n) != "loc" {
			return nil
		}
		var err error
		loc, err = p.text()
		return err
	})
	return loc, err
}

// walk calls visit for each start tag inside the current element, at any
// depth, and returns at the element's end tag. visit may consume the
// element's text, which ends that element too.
func (p *parser) walk(visit func(xml.Name) error) error {
	depth := 1
	for depth > 0 {
		tok, err := p.d.Token()
		if err == io.EOF {
			return io.ErrUnexpectedEOF
		} else if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			consumed, err := p.visitStart(visit, t.Name)
			if err != nil {
				return err
			}
			if !consumed {
				depth++
			}
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// visitStart runs visit and reports whether it read the element to its end.
func (p *parser) visitStart(visit func(xml.Name) error, name xml.Name) (bool, error) {
	p.consumed = false
	err := visit(name)
	return p.consumed, err
}

// fieldOf names the Entry field an element fills, or "". Image and video
// extensions reuse names like "loc" and "title", so the namespace decides.
func fieldOf(n xml.Name) string {
	// An undeclared prefix comes through as the bare prefix.
	news := strings.Contains(n.Space, "sitemap-news") || n.Space == "news"
	switch n.Local {
	case "loc", "lastmod":
		if news || strings.Contains(n.Space, "google.com/schemas") || n.Space == "image" || n.Space == "video" {
			return ""
		}
		return n.Local
	case "title", "name", "publication_date":
		if news {
			return n.Local
		}
	}
	return ""
}
