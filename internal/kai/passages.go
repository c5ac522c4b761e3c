package kai

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"manset/internal/extract"

	"manset/internal/news"
	"manset/internal/turkish"
)

// ArticleLister is the part of the store passage gathering reads.
type ArticleLister interface {
	ListArticles(ctx context.Context, f news.ArticleFilter) ([]news.Article, int, error)
}

// Limits on what a question is asked of: the article, others of its
// story, a few recent ones of its category.
const (
	storyPassages   = 5
	relatedPassages = 3
)

// Passages returns the texts a question about a is asked of: a itself
// first, then other visible articles of its story, then up to three of its
// category. URLs are base + "/haber/<slug>" (base may be empty).
func Passages(ctx context.Context, st ArticleLister, a *news.Article, now time.Time, base string) ([]Passage, error) {
	out := []Passage{passageOf(a, base)}
	seen := map[int64]bool{a.ID: true}
	add := func(f news.ArticleFilter, limit int) error {
		f.VisibleAt, f.ExcludeID, f.Limit = &now, a.ID, limit+1
		list, _, err := st.ListArticles(ctx, f)
		if err != nil {
			return fmt.Errorf("kai: gathering passages: %w", err)
		}
		n := 0
		for i := range list {
			if n < limit && !seen[list[i].ID] {
				seen[list[i].ID] = true
				out = append(out, passageOf(&list[i], base))
				n++
			}
		}
		return nil
	}
	if a.StoryID != 0 {
		if err := add(news.ArticleFilter{StoryID: &a.StoryID}, storyPassages); err != nil {
			return nil, err
		}
	}
	if a.CategoryID != 0 {
		if err := add(news.ArticleFilter{CategoryID: &a.CategoryID}, relatedPassages); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// passageOf returns an article's passage: its spot and its body text.
func passageOf(a *news.Article, base string) Passage {
	return Passage{
		ArticleID: a.ID,
		Title:     a.Title,
		URL:       base + "/haber/" + url.PathEscape(a.Slug),
		Text:      articleText(a),
	}
}

// articleText is what KAI reads of an article: the spot, then the body
// (the plain text, or the text of the HTML when only that was stored),
// paragraphs separated by blank lines.
func articleText(a *news.Article) string {
	body := strings.TrimSpace(a.BodyText)
	if body == "" {
		body = extract.FragmentText(a.BodyHTML)
	}
	spot := strings.TrimSpace(a.Summary)
	if spot == "" || strings.HasPrefix(body, spot) {
		return body
	}
	return spot + "\n\n" + body
}

// vagueTerms are index terms of words that say nothing about what a
// question is about ("Bu olay ne zaman oldu?").
var vagueTerms = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range turkish.NormalizeTokens("bu şu o olay olaylar olayın oldu olmuş olacak olur " +
		"haber haberde haberin konu yaşandı yaşanmış yaşanacak gerçekleşti gerçekleşecek meydana geldi " +
		"ne zaman nerede nereye neden niçin niye nasıl kim kime kimler kimin kaç hangi mı mi mu mü acaba peki") {
		m[t] = true
	}
	return m
}()

// AboutArticle returns q, and when q is a first question that names
// nothing ("Bu olay ne zaman oldu?", "Nerede oldu?", "Kim açıklama
// yaptı?"), the article's title as the conversation's opening so the
// question is read as being about the article and its main event. The
// opening turn has no answer and is not sent to a model.
func AboutArticle(q Question) Question {
	if len(q.History) > 0 || len(q.Articles) == 0 {
		return q
	}
	if vague, _ := namesNothing(q.Text); !vague {
		return q
	}
	q.History = []Turn{{Question: q.Articles[0].Title}}
	return q
}
