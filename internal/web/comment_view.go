package web

import (
	"html"
	"html/template"
	"net/url"
	"regexp"
	"strings"
	"time"

	"manset/internal/news"
)

// commentView is an approved comment as the article page shows it.
type commentView struct {
	ID      int64
	Name    string
	Member  bool
	Time    time.Time
	Body    template.HTML // escaped text; only our own <a>, <p> and <br>
	Replies []commentView
}

// commentForm is the state of an article's comment form.
type commentForm struct {
	Token    string
	Name     string
	Email    string
	Body     string
	ParentID int64
	Error    string
	Notice   string
}

// commentThreads nests replies under their parents. The store lists each
// reply right after its thread, so one pass suffices; an orphan reply (its
// parent not approved) is dropped rather than shown out of context.
func commentThreads(list []news.PublicComment) []commentView {
	var out []commentView
	index := map[int64]int{}
	for _, c := range list {
		v := commentView{ID: c.ID, Name: c.Name, Member: c.Member, Time: c.CreatedAt, Body: commentHTML(c.Body)}
		if c.ParentID == 0 {
			index[c.ID] = len(out)
			out = append(out, v)
			continue
		}
		if i, ok := index[c.ParentID]; ok {
			out[i].Replies = append(out[i].Replies, v)
		}
	}
	return out
}

// linkPattern finds web addresses in comment text. Only http and https
// are ever linked, so javascript:, data: and the like stay text.
var linkPattern = regexp.MustCompile(`(?i)\bhttps?://[^\s<>"'\x60]+`)

// hasLink reports whether text contains a web address, linked or not.
func hasLink(text string) bool {
	return linkPattern.MatchString(text) || strings.Contains(strings.ToLower(text), "www.")
}

// commentHTML renders plain comment text: everything escaped, blank lines
// start paragraphs, newlines become <br>, http(s) URLs become nofollow
// links.
func commentHTML(text string) template.HTML {
	var b strings.Builder
	for _, para := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		para = strings.TrimSpace(para)
		if para == "" {
			continue
		}
		b.WriteString("<p>")
		for i, line := range strings.Split(para, "\n") {
			if i > 0 {
				b.WriteString("<br>")
			}
			writeLinked(&b, line)
		}
		b.WriteString("</p>")
	}
	return template.HTML(b.String())
}

// writeLinked writes line escaped, with its URLs as links.
func writeLinked(b *strings.Builder, line string) {
	last := 0
	for _, m := range linkPattern.FindAllStringIndex(line, -1) {
		raw := strings.TrimRight(line[m[0]:m[1]], ".,;:!?)]}")
		end := m[0] + len(raw)
		u, err := url.Parse(raw)
		if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
			continue
		}
		b.WriteString(html.EscapeString(line[last:m[0]]))
		href := html.EscapeString(u.String())
		b.WriteString(`<a href="` + href + `" rel="nofollow ugc noopener" target="_blank">`)
		b.WriteString(html.EscapeString(raw))
		b.WriteString("</a>")
		last = end
	}
	b.WriteString(html.EscapeString(line[last:]))
}
