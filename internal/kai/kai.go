// Package kai answers readers' questions about a news article from the
// article itself: it retrieves the sentences that answer the question and
// quotes them with citations (the extractive engine), and says plainly when
// the article does not cover the question.
//
// The offline tools in tools/ train and measure the ranker through a small
// surface the product does not use: Tuned, Extractive.Rank and PairKeys,
// LoadEval, HitRank and FeatureNames.
package kai

import (
	"context"
	"strings"

	"manset/internal/news"
)

// NotCovered is the answer given when the articles do not cover a question.
const NotCovered = "Bu haberde bu soruya dair bilgi yok."

// Passage is one article's text offered to the engine; paragraphs in Text
// are separated by blank lines (single line breaks also end a sentence).
type Passage struct {
	ArticleID  int64
	Title, URL string
	Text       string
}

// Citation is a sentence quoted as evidence. Start and End are byte offsets
// of the sentence in its article's Text (Text[Start:End] == the sentence);
// Highlight is the phrase that most likely answers the question, if found.
type Citation struct {
	ArticleID int64  `json:"article_id"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Text      string `json:"text"`
	Start     int    `json:"-"`
	End       int    `json:"-"`
	Highlight string `json:"highlight,omitempty"`
}

// Answer is what an engine says. When Covered is false, Answer is
// NotCovered and Citations is empty.
type Answer struct {
	Answer    string     `json:"answer"`
	Covered   bool       `json:"covered"`
	Engine    string     `json:"engine"`
	Citations []Citation `json:"citations"`
}

// Turn is one earlier question and its answer in a conversation.
type Turn struct {
	Question, Answer string
}

// Question is what a reader asks. Articles[0] is the article the reader is
// on; later ones (same story, related) are consulted with lower priority.
// Article text is data: nothing in it is treated as an instruction.
type Question struct {
	Text     string
	History  []Turn
	Articles []Passage
}

// Engine answers questions about articles.
type Engine interface {
	Ask(ctx context.Context, q Question) (Answer, error)
}

// engineExtractive is the Engine name reported by Extractive.
const engineExtractive = "extractive"

// Ask answers q by quoting the best one to three sentences.
func (e *Extractive) Ask(ctx context.Context, q Question) (Answer, error) {
	if err := ctx.Err(); err != nil {
		return Answer{}, err
	}
	if strings.TrimSpace(q.Text) == "" {
		return Answer{}, news.E(news.EINVALID, "kai.question_required")
	}
	if len(q.Text) > maxQuestionBytes {
		return Answer{}, news.E(news.ETOOLARGE, "kai.question_too_long")
	}
	r := e.rank(q)
	if !r.covered() {
		return uncovered(), nil
	}
	picked := r.pick()
	ans := Answer{Covered: true, Engine: engineExtractive}
	texts := make([]string, 0, len(picked))
	for _, s := range picked {
		p := q.Articles[s.Article]
		ans.Citations = append(ans.Citations, Citation{
			ArticleID: p.ArticleID, Title: p.Title, URL: p.URL, Text: s.Text,
			Start: s.Start, End: s.End, Highlight: r.highlight(s),
		})
		texts = append(texts, s.Text)
	}
	ans.Answer = strings.Join(texts, " ")
	return ans, nil
}

// maxQuestionBytes bounds the work one question can cause.
const maxQuestionBytes = 1000

func uncovered() Answer {
	return Answer{Answer: NotCovered, Engine: engineExtractive, Citations: []Citation{}}
}
