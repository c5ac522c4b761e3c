package web

import (
	"net/http"
	"strings"

	"manset/internal/kai"
	"manset/internal/news"
)

// kaiAnswerView is the page that answers a question sent without
// JavaScript.
type kaiAnswerView struct {
	Panel     kaiPanelView // the form and suggested questions again
	Title     string       // the article's
	URL       string
	Question  string
	Answer    *kai.Answer
	Citations []citeLink
	Error     string
}

// askForm serves POST /haber/{slug}/kai, the panel's form when scripts do
// not run: a page for this reader with the answer and the form again.
func (k *kaiService) askForm(w http.ResponseWriter, r *http.Request) {
	s := k.s
	ctx := r.Context()
	a, err := s.store.ArticleBySlug(ctx, r.PathValue("slug"))
	if err == nil && !a.Visible(s.now()) {
		err = news.E(news.ENOTFOUND, "article.not_found")
	}
	if err != nil {
		s.serveError(w, r, err)
		return
	}
	v := kaiAnswerView{Title: a.Title, URL: articlePath(a.Slug), Question: formQuestion(r)}
	v.Panel = kaiPanelView{ArticleID: a.ID, Slug: a.Slug}
	status := http.StatusOK
	ans, err := k.answerForm(r, &a, v.Question)
	if err != nil {
		status, v.Error = s.formError(r, err)
	} else {
		v.Answer, v.Citations = &ans, citeLinks(ans.Citations)
	}
	k.renderAnswer(w, r, status, &v)
}

// answerForm checks the limits and answers one question of the form.
func (k *kaiService) answerForm(r *http.Request, a *news.Article, question string) (kai.Answer, error) {
	if err := k.limit.Allow(r.Context(), k.s.rateKey(r)); err != nil {
		return kai.Answer{}, err
	}
	q, err := (&kaiRequest{Question: question}).question()
	if err != nil {
		return kai.Answer{}, err
	}
	if q, err = k.prepare(r.Context(), a, q); err != nil {
		return kai.Answer{}, err
	}
	return k.engine.Ask(r.Context(), q)
}

// formQuestion is the question typed, or the suggested question whose
// button was pressed (which is sent after the empty text field).
func formQuestion(r *http.Request) string {
	r.Body = http.MaxBytesReader(nil, r.Body, kaiMaxBody)
	if err := r.ParseForm(); err != nil {
		return ""
	}
	q := ""
	for _, v := range r.PostForm["question"] {
		if strings.TrimSpace(v) != "" {
			q = v
		}
	}
	return strings.TrimSpace(q)
}

func (k *kaiService) renderAnswer(w http.ResponseWriter, r *http.Request, status int, v *kaiAnswerView) {
	s := k.s
	site, _, err := s.loadSite(r.Context())
	if err != nil {
		s.serveError(w, r, err)
		return
	}
	body, err := s.execute("kai_answer", &layoutData{Site: site, Title: "KAI: " + v.Title, Page: v})
	if err != nil {
		s.serveError(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "private, no-store")
	h.Set("X-Robots-Tag", "noindex")
	w.WriteHeader(status)
	w.Write(body)
}
