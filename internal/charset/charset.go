// Package charset turns web pages and feeds in any charset into UTF-8,
// with the guesses Turkish sites need: windows-1254 when nothing is
// declared, and Turkish text under a Western or a false UTF-8 label.
package charset

import (
	"bytes"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// Decode returns body as valid UTF-8. It trusts, in order: a byte order
// mark, the charset of the HTTP Content-Type, the bytes themselves when they
// are valid UTF-8, a <meta> charset in the first 4 KB, and finally
// windows-1254, the usual charset of Turkish pages. Western labels
// (windows-1252, ISO-8859-1) on text full of Turkish letters are read as
// windows-1254, which is what such pages really are. Bytes that do not
// decode become U+FFFD. Callers bound the size of body.
func Decode(body []byte, contentType string) string {
	switch {
	case bytes.HasPrefix(body, []byte("\xef\xbb\xbf")):
		return strings.ToValidUTF8(string(body[3:]), "\uFFFD")
	case bytes.HasPrefix(body, []byte("\xff\xfe")):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), body)
	case bytes.HasPrefix(body, []byte("\xfe\xff")):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), body)
	}
	httpEnc := httpCharset(contentType)
	if httpEnc != nil {
		if s, ok := decodeLabelled(httpEnc, body); ok {
			return s
		}
	}
	if utf8.Valid(body) {
		return string(body)
	}
	metaEnc := metaCharset(body)
	if metaEnc != nil {
		if s, ok := decodeLabelled(metaEnc, body); ok {
			return s
		}
	}
	if (isUTF8(httpEnc) || isUTF8(metaEnc)) && declaredUTF8Holds(body) {
		// A page declared UTF-8 whose multi-byte sequences are mostly
		// valid is UTF-8 with a few broken bytes, however short it is.
		return strings.ToValidUTF8(string(body), "\uFFFD")
	}
	if mostlyUTF8(body) {
		return strings.ToValidUTF8(string(body), "\uFFFD")
	}
	return decodeWith(charmap.Windows1254, body)
}

// decodeLabelled decodes body with a declared encoding. A UTF-8 label on
// bytes that are not UTF-8 is a lie more often than not, so it reports
// false and lets the caller look further.
func decodeLabelled(enc encoding.Encoding, body []byte) (string, bool) {
	if isUTF8(enc) {
		if utf8.Valid(body) {
			return string(body), true
		}
		return "", false
	}
	if isWestern(enc) && turkishBytes(body) {
		enc = charmap.Windows1254
	}
	return decodeWith(enc, body), true
}

func decodeWith(enc encoding.Encoding, body []byte) string {
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return strings.ToValidUTF8(string(body), "\uFFFD")
	}
	return strings.ToValidUTF8(string(out), "\uFFFD")
}

// httpCharset returns the encoding named by the charset parameter of an
// HTTP Content-Type, or nil.
func httpCharset(contentType string) encoding.Encoding {
	if contentType == "" {
		return nil
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return nil
	}
	return lookupCharset(params["charset"])
}

func lookupCharset(label string) encoding.Encoding {
	label = strings.ToLower(strings.Trim(strings.TrimSpace(label), `"'`))
	if label == "" {
		return nil
	}
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil
	}
	return enc
}

var metaCharsetRE = regexp.MustCompile(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`)

// metaCharset finds a charset declared by <meta charset> or
// <meta http-equiv="Content-Type"> in the first 4 KB.
func metaCharset(body []byte) encoding.Encoding {
	if len(body) > 4096 {
		body = body[:4096]
	}
	m := metaCharsetRE.FindSubmatch(body)
	if m == nil {
		return nil
	}
	return lookupCharset(string(m[1]))
}

// isWestern reports the Western European single-byte encodings that Turkish
// sites wrongly declare.
func isWestern(enc encoding.Encoding) bool {
	return enc == charmap.Windows1252 || enc == charmap.ISO8859_1 || enc == charmap.ISO8859_15
}

// turkishBytes reports whether the bytes that windows-1254 reads as ğ Ğ ı İ
// ş Ş (and windows-1252 as rare Icelandic letters) are common enough to mean
// Turkish text.
func turkishBytes(body []byte) bool {
	n := 0
	for _, c := range body {
		switch c {
		case 0xD0, 0xDD, 0xDE, 0xF0, 0xFD, 0xFE:
			n++
		}
	}
	return n >= 3 || (n > 0 && len(body) < 2000)
}

func isUTF8(enc encoding.Encoding) bool {
	return enc != nil && (enc == encoding.Nop || enc == unicode.UTF8)
}

// declaredUTF8Holds reports whether a page labelled UTF-8 really is: it has
// more valid multi-byte sequences than broken bytes. A single-byte Turkish
// charset mislabelled UTF-8 almost never forms a valid sequence, so its
// letters all count as broken.
func declaredUTF8Holds(body []byte) bool {
	valid, invalid := utf8Counts(body)
	return valid > invalid
}

// mostlyUTF8 reports whether body is UTF-8 with a few broken bytes: at least
// 20 valid multi-byte sequences for each invalid byte.
func mostlyUTF8(body []byte) bool {
	valid, invalid := utf8Counts(body)
	return valid >= 20*invalid && valid > 0
}

// utf8Counts counts the valid multi-byte sequences and the bytes that
// start no valid sequence.
func utf8Counts(body []byte) (valid, invalid int) {
	for i := 0; i < len(body); {
		if body[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(body[i:])
		if r == utf8.RuneError && size == 1 {
			invalid++
		} else {
			valid++
		}
		i += size
	}
	return valid, invalid
}
