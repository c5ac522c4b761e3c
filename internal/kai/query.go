package kai

import (
	"strings"

	"manset/internal/turkish"
)

// qtype is the kind of answer a question asks for.
type qtype int

const (
	qOther  qtype = iota
	qPerson       // kim, kime, kimin
	qDate         // ne zaman, hangi tarihte, kaç yılında
	qPlace        // nerede, nereye, hangi şehir
	qNumber       // kaç, ne kadar, yüzde kaç
	qReason       // neden, niçin, niye
	qHow          // nasıl
	nQTypes
)

// query is an analysed question.
type query struct {
	typ     qtype
	toks    []token // question words removed
	content []token // also stop words removed
	terms   []string
	alts    []string
	surf    map[string]bool
	isTerm  map[string]bool
	isAlt   map[string]bool
	joined  string
	clock   bool     // asks for a time of day ("Saat kaçta?")
	vague   bool     // names nothing: asks about the article's main event
	speech  bool     // vague and asks who made a statement
	event   []token  // the title's words, for vague questions
	pairs   []uint64 // hashed tokens for the association table (Pairs)
}

// questionWords are folded forms of interrogatives and fillers that say
// what is asked, not what it is about.
var questionWords = setOf("kim", "kime", "kimi", "kimin", "kimden", "kimdir", "kimler",
	"kimlerdir", "kimlere", "kimlerin", "kiminle", "kimle", "ne", "neyi", "neye", "neyin",
	"neyle", "nedir", "neler", "nelerdir", "neden", "nedenle", "nicin", "niye", "nerede",
	"nereye", "nereden", "neresi", "neresidir", "nereli", "neresinde", "nasil", "hangi",
	"hangisi", "hangileri", "hangisidir", "kac", "kaca", "kacta", "kacinci", "zaman",
	"peki", "acaba", "mi", "mu", "midir", "mudur", "misin", "musun", "dir", "dur", "tir", "tur")

// untilAsks are the words before "kadar" that make it part of the question
// ("ne kadar", "ne zamana kadar", "nereye kadar"), not a word to match:
// "Şirket 2027 sonuna kadar…" does not answer "Ne kadar yatırım aldı?".
var untilAsks = setOf("ne", "zamana", "nereye", "neye", "kaca", "kacina")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// typePatterns are checked in order on the folded question padded with
// spaces; the first hit decides. Dates come before numbers ("kaç yılında").
var typePatterns = []struct {
	typ  qtype
	subs []string
}{
	{qDate, []string{" ne zaman", " hangi tarih", " hangi yil", " kac yil", " hangi yuzyil",
		" hangi gun", " hangi ay", " tarihi nedir", " tarihi ne ", " yili nedir", " hangi donem"}},
	{qPerson, []string{" kim ", " kime ", " kimi ", " kimin ", " kimden ", " kimdir ", " kimler",
		" kiminle ", " kimle ", " adi nedir", " adi ne ", " ismi nedir", " ismi ne ", " isimli ",
		" hangi kurum", " hangi sirket", " hangi universite", " hangi okul"}},
	{qPlace, []string{" nerede", " nereye", " nereden", " neresi", " nereli", " nerel", " hangi sehir", " hangi ulke",
		" hangi il ", " hangi ilde", " hangi kent", " hangi bolge", " hangi semt"}},
	{qNumber, []string{" kac ", " kaca ", " kacta ", " kacinci", " ne kadar", " yuzde kac"}},
	{qReason, []string{" neden ", " nicin ", " niye ", " ne icin ", " amaci ne", " sebebi ne",
		" nedeni ne"}},
	{qHow, []string{" nasil "}},
}

// questionType classifies a question by its interrogative words.
func questionType(text string) qtype {
	folded := " " + strings.Join(strings.Fields(wordsOnly(turkish.Fold(text))), " ") + " "
	for _, p := range typePatterns {
		for _, s := range p.subs {
			if strings.Contains(folded, s) {
				return p.typ
			}
		}
	}
	return qOther
}

// asksClockTime reports whether a question asks for a time of day.
func asksClockTime(text string) bool {
	folded := " " + strings.Join(strings.Fields(wordsOnly(turkish.Fold(text))), " ") + " "
	return strings.Contains(folded, " kacta ") || strings.Contains(folded, " saat ")
}

// wordsOnly replaces punctuation by spaces so "kim?" reads as "kim ".
func wordsOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if isWordChar(r) {
			return r
		}
		return ' '
	}, s)
}

func isWordChar(r rune) bool {
	return r == '\'' || r == '’' || (r >= '0' && r <= '9') || r > 127 || (r|0x20 >= 'a' && r|0x20 <= 'z')
}

// analyzeQuery analyses q.Text; a follow-up with fewer than two content
// words borrows the content words of earlier questions ("peki ne zaman?").
func (a *analyzer) analyzeQuery(q Question) *query {
	qu := &query{typ: questionType(q.Text), clock: asksClockTime(q.Text)}
	if qu.vague, qu.speech = vagueQuestion(q); qu.vague {
		qu.event = a.eventWords(q.Articles[0].Title)
		qu.add(qu.event)
		qu.index()
		// No pairs: the table is learned from questions that name what
		// they ask about, and vague ones are ranked by rules (event.go).
		return qu
	}
	qu.add(a.tokens(q.Text))
	for i := len(q.History) - 1; i >= 0 && len(qu.content) < 2 && i >= len(q.History)-3; i-- {
		prev := q.History[i].Question
		qu.add(a.tokens(prev))
		if qu.typ == qOther {
			qu.typ = questionType(prev)
		}
	}
	qu.index()
	qu.pairs = a.questionPairTokens(q.Text, qu)
	return qu
}

// add keeps the words of a question that can match an answer sentence.
func (qu *query) add(toks []token) {
	for i, t := range toks {
		if questionWords[t.surface] || t.surface == "kadar" && i > 0 && untilAsks[toks[i-1].surface] {
			continue
		}
		qu.toks = append(qu.toks, t)
		if !turkish.IsStopWord(turkish.Lower(cutApostrophe(t.word))) {
			qu.content = append(qu.content, t)
		}
	}
}

func (qu *query) index() {
	qu.surf, qu.isTerm, qu.isAlt = map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, t := range qu.toks {
		qu.surf[t.surface] = true
		if !qu.isTerm[t.term] {
			qu.isTerm[t.term] = true
			qu.terms = append(qu.terms, t.term)
		}
		if !qu.isAlt[t.alt] {
			qu.isAlt[t.alt] = true
			qu.alts = append(qu.alts, t.alt)
		}
	}
}

// mentions reports whether a sentence token is one of the question's words.
func (qu *query) mentions(t token) bool {
	return qu.isTerm[t.term] || qu.surf[t.surface]
}

func cutApostrophe(w string) string {
	if i := strings.IndexAny(w, "'’‘ʼ`"); i >= 0 {
		return w[:i]
	}
	return w
}
