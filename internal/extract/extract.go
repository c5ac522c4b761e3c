// Package extract turns a fetched page into a news.Extracted: the article
// text without the page chrome (menus, share bars, ads, related links,
// comments), and its metadata (title, dates, author, category, image).
//
// HTML is parsed once with golang.org/x/net/html; the body is cut into
// blocks (paragraph-like runs of text), each block is scored by its length,
// link density, punctuation and the class hints of its containers, and the
// element whose blocks add up to the highest score is taken as the article.
// Plain-text page dumps go to package textdump.
package extract

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"manset/internal/news"
)

// MaxPageSize is the largest page accepted, after decompression.
const MaxPageSize = 64 << 20

// Page extracts the article from one page. body is the raw response body,
// possibly gzip-compressed; contentType is the HTTP Content-Type or "", and
// pageURL the page's address or "". HTML goes to HTML; anything else is
// taken as a plain-text page dump.
func Page(body []byte, pageURL, contentType string) (news.Extracted, error) {
	body, err := gunzip(body)
	if err != nil {
		return news.Extracted{}, err
	}
	if LooksLikeHTML(body) || strings.Contains(strings.ToLower(contentType), "html") {
		return HTML(body, pageURL, contentType)
	}
	text, err := decode(body, contentType)
	if err != nil {
		return news.Extracted{}, err
	}
	return parseDump(text, pageURL)
}

// gunzip decompresses body when it starts with the gzip magic, refusing
// more than MaxPageSize bytes of output (a gzip bomb).
func gunzip(body []byte) ([]byte, error) {
	if len(body) > MaxPageSize {
		return nil, news.E(news.ETOOLARGE, "page.too_large")
	}
	if len(body) < 2 || body[0] != 0x1f || body[1] != 0x8b {
		return body, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		return nil, news.WrapError(news.EINVALID, "page.bad_compression", err)
	}
	defer zr.Close()
	var out bytes.Buffer
	n, err := io.Copy(&out, io.LimitReader(zr, MaxPageSize+1))
	if n > MaxPageSize {
		return nil, news.E(news.ETOOLARGE, "page.too_large_unpacked")
	}
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, news.WrapError(news.EINVALID, "page.bad_compression", err)
	}
	return out.Bytes(), nil
}

// LooksLikeHTML reports whether b (the start of a page) is HTML rather than
// plain text: a doctype, or one of the tags every page has, near the start.
func LooksLikeHTML(b []byte) bool {
	if len(b) > 1024 {
		b = b[:1024]
	}
	b = bytes.TrimLeft(b, "\xef\xbb\xbf \t\r\n")
	if len(b) == 0 || b[0] != '<' {
		return false
	}
	head := bytes.ToLower(b)
	for _, t := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<!--", "<?xml", "<div", "<p>", "<p ", "<article", "<script", "<link"} {
		if bytes.Contains(head, []byte(t)) {
			return true
		}
	}
	return false
}

// HTML extracts the article from an HTML page in any charset.
func HTML(body []byte, pageURL, contentType string) (news.Extracted, error) {
	body, err := gunzip(body)
	if err != nil {
		return news.Extracted{}, err
	}
	text, err := decode(body, contentType)
	if err != nil {
		return news.Extracted{}, err
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return news.Extracted{}, news.WrapError(news.EINVALID, "page.bad_html", err)
	}
	return fromDocument(doc, pageURL), nil
}

// fromDocument runs metadata and content extraction on a parsed page.
func fromDocument(doc *html.Node, pageURL string) news.Extracted {
	m := readMeta(doc, pageURL)
	out := m.extracted()
	body := findFirst(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body })
	if body == nil {
		return out
	}
	seg := segment(body)
	seg.spans = append(seg.spans, span{body, 0, int32(len(seg.blocks))})
	ab := m.articleBodyNorm()
	sp := chooseContent(seg, ab)
	classify(seg, sp, ab, out.Summary)
	out.Text = renderText(seg.blocks)
	out.HTML = renderHTML(seg, m.base)
	if out.Lang == "" {
		out.Lang = guessLang(out.Text)
	}
	m.fillFromBody(&out, seg, sp)
	return out
}

// chooseContent scores the blocks, picks the article element and marks
// the blocks to keep. When class hints leave (almost) nothing, it tries
// again without them.
func chooseContent(seg *segmenter, articleBody string) span {
	scoreBlocks(seg.blocks, articleBody, true)
	sp := bestSpan(seg.spans, seg.blocks)
	if sp.node != nil {
		selectBlocks(seg.blocks, sp)
	}
	if keptRunes(seg.blocks) >= 200 {
		return sp
	}
	for i := range seg.blocks {
		seg.blocks[i].keep = false
	}
	scoreBlocks(seg.blocks, articleBody, false)
	sp = bestSpan(seg.spans, seg.blocks)
	if sp.node != nil {
		selectBlocks(seg.blocks, sp)
	}
	return sp
}

func keptRunes(blocks []block) int {
	n := 0
	for i := range blocks {
		if blocks[i].keep {
			n += blocks[i].runes
		}
	}
	return n
}

// renderText joins the kept blocks, one paragraph each.
func renderText(blocks []block) string {
	var b strings.Builder
	for i := range blocks {
		if !blocks[i].keep {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(blocks[i].text)
	}
	return b.String()
}
