package web

import (
	"context"
	"html/template"
	"net/url"
	"regexp"
	"strings"

	"manset/internal/extract"
	"manset/internal/kai"
	"manset/internal/turkish"
)

// kaiPanelView is the KAI panel under an article: the "Özet", suggested
// questions and the question form.
type kaiPanelView struct {
	ArticleID   int64
	Slug        string
	Summary     []string
	Suggestions []string
}

// Summary settings: an Özet of three sentences, shown only for articles
// long enough that three sentences are a summary and not the article.
const (
	kaiSummarySentences = 3
	kaiSummaryMinText   = 5 // sentences in the body
	kaiMaxSuggestions   = 4
)

// addKAITemplates re-parses the article page with the KAI panel and parses
// the no-JavaScript answer page.
func (s *Server) addKAITemplates(k *kaiService) {
	funcs := s.templateFuncs()
	funcs["kaiPanel"] = k.panel
	s.tmpl.pages["article"] = template.Must(template.New("article").Funcs(funcs).ParseFS(templateFS,
		"templates/layout.html", "templates/partials.html", "templates/kai.html", "templates/article.html"))
	s.tmpl.pages["kai_answer"] = template.Must(template.New("kai_answer").Funcs(funcs).ParseFS(templateFS,
		"templates/layout.html", "templates/partials.html", "templates/kai.html", "templates/kai_answer.html"))
}

// panel builds the KAI panel of an article page. It runs when the page is
// rendered, which the page cache makes rare.
func (k *kaiService) panel(v articleView) kaiPanelView {
	body := extract.FragmentText(string(v.Body))
	p := kaiPanelView{ArticleID: v.ID, Slug: v.Slug}
	if len(turkish.SplitSentences(body)) >= kaiSummaryMinText {
		p.Summary = kai.Summarize(body, kaiSummarySentences)
	}
	text := body
	if v.Summary != "" {
		text = v.Summary + "\n\n" + body
	}
	p.Suggestions = k.suggestions(kai.Passage{ArticleID: v.ID, Title: v.Title, Text: text})
	return p
}

// kaiSuggestion is a question offered as a button when the article has a
// cue for it and the extractive engine's answer has a highlighted phrase
// of the asked type (a date, a name, a place, a reason): a suggestion
// that gets a vague answer is worse than none.
type kaiSuggestion struct {
	question string
	cue      *regexp.Regexp // on the folded text
}

var kaiSuggestionList = []kaiSuggestion{
	{"Bu olay ne zaman oldu?", regexp.MustCompile(`\b(19|20)\d\d\b|\b(ocak|subat|mart|nisan|mayis|haziran|temmuz|agustos|eylul|ekim|kasim|aralik)\b|\b(pazartesi|sali|carsamba|persembe|cuma|cumartesi|pazar) (gunu|sabahi|aksami|ogle|ogleden|gecesi|oglen)|\bsaat \d|\b(dun|bugun)\b`)},
	{"Kim açıklama yaptı?", regexp.MustCompile(`\b(acikladi|soyledi|dedi|belirtti|ifade etti|bildirdi|kaydetti|vurguladi|duyurdu)\b`)},
	{"Bu olay nerede oldu?", regexp.MustCompile(`\S'(n?[dt][ae]|[dt]an|[dt]en)\b`)},
	{"Bu neden oldu?", regexp.MustCompile(`\b(nedeniyle|sebebiyle|dolayi|yuzunden|amaciyla|gerekcesiyle)\b`)},
}

// suggestions returns the suggested questions the article can answer.
func (k *kaiService) suggestions(p kai.Passage) []string {
	folded := turkish.Fold(strings.ReplaceAll(p.Text, "’", "'"))
	var out []string
	for _, sg := range kaiSuggestionList {
		if len(out) == kaiMaxSuggestions || !sg.cue.MatchString(folded) {
			continue
		}
		q := kai.AboutArticle(kai.Question{Text: sg.question, Articles: []kai.Passage{p}})
		ans, err := k.ext.Ask(context.Background(), q)
		if err != nil || !ans.Covered || ans.Citations[0].Highlight == "" {
			continue
		}
		out = append(out, sg.question)
	}
	return out
}

// citeLink is a citation as the answer page shows it: a link that scrolls
// to the sentence where browsers support text fragments.
type citeLink struct {
	kai.Citation
	Href string
}

func citeLinks(cs []kai.Citation) []citeLink {
	out := make([]citeLink, len(cs))
	for i, c := range cs {
		out[i] = citeLink{Citation: c, Href: c.URL + "#:~:text=" + textFragment(c.Text)}
	}
	return out
}

// textFragment is the text directive of a sentence: the whole sentence
// when short, else its first and last words ("start,end").
func textFragment(sentence string) string {
	enc := func(ws []string) string {
		return strings.NewReplacer("-", "%2D", ",", "%2C", "&", "%26").Replace(url.PathEscape(strings.Join(ws, " ")))
	}
	words := strings.Fields(sentence)
	if len(words) <= 8 {
		return enc(words)
	}
	return enc(words[:5]) + "," + enc(words[len(words)-3:])
}
