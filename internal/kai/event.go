package kai

import (
	"math"
	"strings"

	"manset/internal/turkish"
)

// A vague question ("Bu olay ne zaman oldu?", "Kim açıklama yaptı?") names
// nothing but what it asks for, so it is about the article's main event:
// what the title says. The learned ranker, trained on questions that name
// their topic, has little to go on there, so such questions are ranked by
// rules a news reader would use: the sentence must offer a phrase of the
// asked type, should speak of the title's event, and sits early (news
// leads say when and where).

// Weights of the parts of a vague question's sentence score.
const (
	eventTypeWeight  = 3.0 // offers a phrase of the asked type (0..1.5)
	eventTitleWeight = 2.0 // share of the title's words it contains
	eventEarlyWeight = 1.0 // how early it sits in the article
	eventModelWeight = 1.0 // the learned ranker's opinion, 0..1
	eventEarlySpan   = 6.0 // sentences after which position no longer counts
)

// speechTerms are words of "Kim açıklama yaptı?"-style questions: they ask
// who said something about the event, not about a topic of their own.
var speechTerms = setOf("aciklama", "aciklamayi", "aciklamada", "yapti", "yapan", "yapmis",
	"konustu", "konusan", "konusma", "soyledi", "soyleyen", "dedi", "diyen", "acikladi",
	"aciklayan", "demec", "verdi", "veren", "ne")

// vagueQuestion reports whether q is a vague question that AboutArticle
// turned into one about the article: its only earlier turn is the title
// AboutArticle adds. Follow-ups are not vague: they borrow their topic
// from the conversation.
func vagueQuestion(q Question) (vague, speech bool) {
	if len(q.Articles) == 0 || len(q.History) != 1 {
		return false, false
	}
	if t := q.History[0]; t.Answer != "" || t.Question != q.Articles[0].Title {
		return false, false
	}
	return namesNothing(q.Text)
}

// namesNothing reports whether a question names nothing but what it asks:
// every word is a question, filler or "event" word, or, for a
// who-question, a word about speaking (speech is then set).
func namesNothing(question string) (vague, speech bool) {
	typ := questionType(question)
	words := turkish.Tokenize(question)
	for _, w := range words {
		switch {
		case typ == qPerson && speechTerms[surface(w)]:
			speech = true
		case !allVague(turkish.NormalizeTokens(w)):
			return false, false
		}
	}
	return len(words) > 0, speech
}

func allVague(terms []string) bool {
	for _, t := range terms {
		if !vagueTerms[t] {
			return false
		}
	}
	return true
}

// eventWords are the title's content words: what the article is about.
func (a *analyzer) eventWords(title string) []token {
	var out []token
	for _, t := range a.tokens(title) {
		if questionWords[t.surface] || turkish.IsStopWord(turkish.Lower(cutApostrophe(t.word))) {
			continue
		}
		out = append(out, t)
	}
	return out
}

// rescoreForEvent replaces the model scores of a vague question's
// sentences by the event score, and reports whether any sentence of the
// asked article offers a phrase of the asked type (for "other" questions
// it always does).
func (r *ranking) rescoreForEvent() bool {
	top := math.Inf(-1)
	for _, s := range r.doc.sents {
		top = max(top, s.Score)
	}
	found := r.q.typ == qOther
	index := 0
	for _, s := range r.doc.sents {
		typed := eventTypeScore(r.q, s)
		early := 0.0
		if s.Article == 0 {
			early = max(0, 1-float64(index)/eventEarlySpan)
			index++
			found = found || typed > 0
		}
		title := titleShare(s, r.q.event)
		if r.q.speech {
			// statements come after the lead and in their own words
			early, title, typed = early/2, title/2, typed*4/3
		}
		s.Score = eventTypeWeight*typed + eventTitleWeight*title +
			eventEarlyWeight*early + eventModelWeight*math.Exp(s.Score-top)
		if s.Article > 0 {
			s.Score -= secondaryPenalty
		}
	}
	return found
}

// eventTypeScore says how well s offers what a vague question asks for.
func eventTypeScore(qu *query, s *sentence) float64 {
	switch {
	case qu.speech:
		return statementScore(s, qu)
	case qu.typ == qDate:
		return bestDate(eventDate(s)).strength
	case qu.typ == qOther:
		return 0
	case qu.typ == qPlace:
		return placeScore(s)
	case qu.typ == qReason:
		return reasonScore(s)
	case len(answerSpans(qu.typ, s, &query{})) > 0:
		// the title's names are the answer here, not words to skip
		return 1
	}
	return 0
}

// reasonScore is 1 for a sentence with a reason clause, and 0.5 when its
// only marker is "için" after an infinitive ("yanaşmak için"): that states
// a purpose, not why the event happened, and without this the learned
// ranker's tie-break alone decided between the two.
func reasonScore(s *sentence) float64 {
	score := 0.0
	for i, t := range s.toks {
		if _, ok := reasonMarkers[t.surface]; !ok {
			continue
		}
		if t.surface == "icin" && i > 0 && (strings.HasSuffix(s.toks[i-1].surface, "mak") ||
			strings.HasSuffix(s.toks[i-1].surface, "mek")) {
			score = max(score, 0.5)
			continue
		}
		return 1
	}
	return score
}

// titleShare is the share of the title's words found in s, by stem,
// snowball stem or a shared prefix of four letters ("grev"/"grevin").
func titleShare(s *sentence, words []token) float64 {
	if len(words) == 0 {
		return 0
	}
	got := 0
	for _, w := range words {
		for _, t := range s.toks {
			if t.term == w.term || t.alt == w.alt || commonPrefix(t.surface, w.surface) >= min(4, len(w.surface)) {
				got++
				break
			}
		}
	}
	return float64(got) / float64(len(words))
}

// speechVerbs start the words that report a statement.
var speechVerbs = []string{"dedi", "diye", "soyle", "acikla", "belirt", "ifade", "kaydet",
	"vurgula", "duyur", "konus", "bildir", "savun", "anlat", "aktar", "hatirlat",
	"degerlendir", "uyar", "iddia"}

// statementScore rewards a sentence that reports a statement (a speech
// verb) by someone named (a run of capitalised words).
func statementScore(s *sentence, qu *query) float64 {
	for _, t := range s.toks {
		if hasAnyPrefix(t.surface, speechVerbs) {
			if len(nameRuns(s, qu)) > 0 {
				return 1
			}
			return 0.6
		}
	}
	return 0
}

func hasAnyPrefix(w string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// placeScore is 1 for a place name with a locative suffix ("Bursa'da"),
// and 0.6 for a name followed closely by a locative word ("Kenya'nın
// kuzeyindeki Marsabit bölgesinde").
func placeScore(s *sentence) float64 {
	for _, sp := range placeSpans(s, &query{}) {
		if w := surface(s.Text[sp.start:sp.end]); !monthSurfaces[w] && !weekdaySurfaces[w] {
			return 1 // not "Kasım'dan"
		}
	}
	for _, sp := range nameRuns(s, &query{}) {
		for _, t := range s.toks {
			if t.start > sp.end && t.start-sp.end < 40 && isLocative(t.surface) {
				return 0.6
			}
		}
	}
	return 0
}

// isLocative reports whether a lower-case word ends in a locative case
// suffix, possibly with -ki: "bölgesinde", "açıklarında", "kuzeyindeki".
func isLocative(w string) bool {
	w = strings.TrimSuffix(w, "ki")
	for _, suf := range []string{"nda", "nde", "da", "de", "ta", "te"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+3 {
			return true
		}
	}
	return false
}
