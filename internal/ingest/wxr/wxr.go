// Package wxr reads WordPress export files (WXR 1.0–1.2: RSS with the wp:
// namespace) as a stream: categories, tags, authors and posts come out one
// at a time, so a file of any size is read in little memory.
package wxr

import (
	"bufio"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"time"

	"manset/internal/news"
)

// Category is a wp:category of the export.
type Category struct {
	Slug   string
	Name   string
	Parent string // the parent's slug, "" at the top
}

// Tag is a wp:tag of the export.
type Tag struct {
	Slug string
	Name string
}

// Author is a wp:author of the export.
type Author struct {
	Login       string
	Email       string
	DisplayName string
}

// Post is one <item>: a post, page, attachment or other post type.
type Post struct {
	ID            int64
	Title         string
	Link          string
	Slug          string
	Content       string // content:encoded, WordPress HTML, not sanitised
	Excerpt       string // excerpt:encoded
	Author        string // dc:creator, an author login
	Status        string // publish, draft, pending, private, future, inherit, ...
	PostType      string // post, page, attachment, ...
	ParentID      int64  // wp:post_parent; for attachments, the post they belong to
	AttachmentURL string // wp:attachment_url, for attachments
	// Published is wp:post_date_gmt; nil when that is "0000-00-00 00:00:00"
	// (drafts). Exports without post_date_gmt give wp:post_date read in the
	// Reader's Location.
	Published  *time.Time
	Categories []string // slugs (nicename) of domain="category", names when no slug
	Tags       []string // slugs of domain="post_tag"
	Comments   []Comment
}

// Comment is a wp:comment of a post.
type Comment struct {
	ID          int64
	Author      string
	AuthorEmail string
	Date        *time.Time // comment_date_gmt, else comment_date in the Reader's Location
	Content     string
	Approved    bool   // comment_approved is "1"
	Type        string // comment_type: "" or "comment" for comments; pingback, trackback
	Parent      int64  // 0 at the top level
}

// Reader yields the items of a WXR export in document order.
type Reader struct {
	// Location is the site's time zone, used for dates given only in local
	// time. It defaults to Turkish time (UTC+3 all year since 2016).
	Location *time.Location

	d      *xml.Decoder
	sawRSS bool
	err    error // sticky
}

// NewReader returns a Reader over r.
func NewReader(r io.Reader) *Reader {
	d := xml.NewDecoder(bufio.NewReaderSize(&controlFilter{r: r}, 64<<10))
	// Exports carry HTML entities outside CDATA and other small faults;
	// a lenient decoder reads them instead of stopping a long import.
	d.Strict = false
	d.Entity = xml.HTMLEntity
	return &Reader{Location: time.FixedZone("+03", 3*3600), d: d}
}

// Next returns the next *Category, *Tag, *Author or *Post, or io.EOF at the
// end. A syntax error in the XML ends the stream with an EINVALID error
// naming the line.
func (r *Reader) Next() (any, error) {
	if r.err != nil {
		return nil, r.err
	}
	v, err := r.next()
	if err != nil {
		r.err = err
	}
	return v, err
}

func (r *Reader) next() (any, error) {
	for {
		tok, err := r.d.Token()
		if err == io.EOF {
			if !r.sawRSS {
				return nil, news.E(news.EINVALID, "wxr.no_rss")
			}
			return nil, io.EOF
		}
		if err != nil {
			return nil, r.syntaxErr(err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if !r.sawRSS {
			if se.Name.Local != "rss" {
				return nil, news.E(news.EINVALID, "wxr.bad_root", clip(se.Name.Local))
			}
			r.sawRSS = true
			continue
		}
		v, err := r.element(se)
		if v != nil || err != nil {
			return v, err
		}
	}
}

// element decodes the elements we yield and returns nil for the rest,
// whose children the token loop then walks through.
func (r *Reader) element(se xml.StartElement) (any, error) {
	if se.Name.Local == "item" {
		var it itemXML
		if err := r.d.DecodeElement(&it, &se); err != nil {
			return nil, r.syntaxErr(err)
		}
		return it.post(r.Location), nil
	}
	if !isWP(se.Name.Space) {
		return nil, nil
	}
	var v interface{ value() any }
	switch se.Name.Local {
	case "category":
		v = &categoryXML{}
	case "tag":
		v = &tagXML{}
	case "author":
		v = &authorXML{}
	default:
		return nil, nil
	}
	if err := r.d.DecodeElement(v, &se); err != nil {
		return nil, r.syntaxErr(err)
	}
	return v.value(), nil
}

// isWP reports the WordPress export namespace (any version), or the bare
// "wp" prefix when the file forgot to declare it.
func isWP(space string) bool {
	return space == "wp" || strings.Contains(space, "wordpress.org/export/")
}

func (r *Reader) syntaxErr(err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) && se.Msg == "unexpected EOF" {
		return news.WrapError(news.EINVALID, "wxr.truncated_at", err, se.Line)
	}
	if errors.As(err, &se) {
		return news.WrapError(news.EINVALID, "wxr.syntax", err, se.Line, clip(se.Msg))
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return news.WrapError(news.EINVALID, "wxr.truncated", err)
	}
	return news.WrapError(news.EINVALID, "wxr.unreadable", err, clip(err.Error()))
}

// controlFilter replaces the C0 control characters that XML 1.0 forbids
// (and WordPress lets into exports) with spaces, so one stray byte does not
// end an import.
type controlFilter struct{ r io.Reader }

func (f *controlFilter) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	for i, c := range p[:n] {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			p[i] = ' '
		}
	}
	return n, err
}

func clip(s string) string {
	if len(s) > 120 {
		s = s[:120] + "…"
	}
	return strings.ToValidUTF8(s, "?")
}
