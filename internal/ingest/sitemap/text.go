package sitemap

import (
	"encoding/xml"
	"io"
	"strings"
	"time"
)

// maxText bounds one element's text; sitemaps.org allows 2,048 characters
// in a URL, so anything far longer is junk.
const maxText = 16 << 10

// text reads the character data of the element just started, through its
// end tag, trimmed.
func (p *parser) text() (string, error) {
	p.consumed = true
	var b strings.Builder
	depth := 1
	for depth > 0 {
		tok, err := p.d.Token()
		if err == io.EOF {
			return "", io.ErrUnexpectedEOF
		} else if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.CharData:
			if b.Len()+len(t) <= maxText {
				b.Write(t)
			}
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return strings.TrimSpace(b.String()), nil
}

// timeLayouts are the W3C Datetime forms sitemaps use, and the forms seen
// from sites that get it slightly wrong (a space for "T", no zone).
var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05Z0700",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04",
	"2006-01-02",
	"2006-01",
	"2006",
}

// siteZone is the zone assumed for times written without one: Turkish
// sites write local time, which has been UTC+3 all year since 2016.
var siteZone = time.FixedZone("+03", 3*3600)

// ParseTime reads a W3C Datetime (and close variants). Times without a zone
// are taken as Turkish local time. It returns nil for anything else.
func ParseTime(s string) *time.Time {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 40 {
		return nil
	}
	for _, layout := range timeLayouts {
		if t, err := time.ParseInLocation(layout, s, siteZone); err == nil {
			return &t
		}
	}
	return nil
}

func clip(s string) string {
	if len(s) > 120 {
		s = s[:120] + "…"
	}
	return strings.ToValidUTF8(s, "?")
}
