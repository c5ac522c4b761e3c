package kai

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"manset/internal/turkish"
)

// token is one word of a sentence or question with its index forms.
type token struct {
	word       string // as written
	start, end int    // byte offsets in the sentence text
	term       string // primary stem (Extractive.stem)
	alt        string // secondary stem (snowball), a second opinion for ranking
	surface    string // folded word without apostrophe suffix: exact form
	hash       uint64 // hashToken("t", term), the word's key in Pairs
}

// sentence is one candidate answer sentence of a prepared document.
type sentence struct {
	RankedSentence
	para   int // paragraph number over all articles
	inPara int // position within its paragraph
	relPos float64
	toks   []token
}

// document is the candidate sentences of all articles of a question.
type document struct {
	sents []*sentence
	paras [][]*sentence
}

// analyzer turns words into tokens, caching stems within one question.
type analyzer struct {
	forms *wordCache
	cache map[string]token
}

func newAnalyzer(e *Extractive) *analyzer {
	return &analyzer{forms: e.forms, cache: make(map[string]token, 256)}
}

// tokens splits text into tokens with byte offsets into text.
func (a *analyzer) tokens(text string) []token {
	words := turkish.Tokenize(text)
	out := make([]token, 0, len(words))
	at := 0
	for _, w := range words {
		i := strings.Index(text[at:], w)
		if i < 0 { // Tokenize returns substrings in order; never expected
			continue
		}
		t, ok := a.cache[w]
		if !ok {
			t = a.forms.token(w)
			a.cache[w] = t
		}
		t.start, t.end = at+i, at+i+len(w)
		at = t.end
		out = append(out, t)
	}
	return out
}

// wordCache remembers the index forms of words across questions: stemming
// is most of the cost of preparing an article, and news vocabulary repeats.
// It is bounded by starting afresh when full.
type wordCache struct {
	forms func(string) (string, string)
	mu    sync.Mutex
	m     map[string]token
}

const wordCacheSize = 200_000

func newWordCache(forms func(string) (string, string)) *wordCache {
	return &wordCache{forms: forms, m: make(map[string]token)}
}

func (c *wordCache) token(w string) token {
	c.mu.Lock()
	t, ok := c.m[w]
	c.mu.Unlock()
	if ok {
		return t
	}
	t = token{word: w, surface: surface(w)}
	t.term, t.alt = c.forms(w)
	t.hash = hashToken("t", t.term)
	c.mu.Lock()
	if len(c.m) >= wordCacheSize {
		clear(c.m)
	}
	c.m[strings.Clone(w)] = t
	c.mu.Unlock()
	return t
}

// surface is the folded word without its apostrophe suffix.
func surface(w string) string {
	return turkish.Fold(cutApostrophe(w))
}

// prepare splits every article into paragraphs and sentences, keeping byte
// offsets into the article text.
func (a *analyzer) prepare(articles []Passage) *document {
	d := &document{}
	for ai, p := range articles {
		for _, span := range paragraphSpans(p.Text) {
			d.addParagraph(a, ai, p, span[0], span[1])
		}
	}
	n := float64(max(1, len(d.sents)-1))
	for i, s := range d.sents {
		s.relPos = float64(i) / n
	}
	return d
}

func (d *document) addParagraph(a *analyzer, ai int, p Passage, from, to int) {
	var para []*sentence
	for _, sp := range sentenceSpans(p.Text[from:to]) {
		start, end := from+sp[0], from+sp[1]
		text := p.Text[start:end]
		toks := a.tokens(text)
		if len(toks) == 0 {
			continue
		}
		para = append(para, &sentence{
			RankedSentence: RankedSentence{ArticleID: p.ArticleID, Article: ai,
				Start: start, End: end, Text: text},
			para: len(d.paras), inPara: len(para), toks: toks,
		})
	}
	if len(para) == 0 {
		return
	}
	d.paras = append(d.paras, para)
	d.sents = append(d.sents, para...)
}

// sentenceSpans returns [start,end) byte spans of the sentences of one
// paragraph. Pieces that turkish.SplitSentences cut inside parentheses
// ("(d. 11 Ekim 1910 - ö. 1997)") or after a Roman ordinal ("IV. Murad")
// are joined again: an answer must not be cut in two.
func sentenceSpans(text string) [][2]int {
	var spans [][2]int
	at := 0
	for _, s := range turkish.SplitSentences(text) {
		i := strings.Index(text[at:], s)
		if i < 0 {
			continue // SplitSentences returns trimmed pieces in order; never expected
		}
		start := at + i
		at = start + len(s)
		if n := len(spans); n > 0 && continues(text[spans[n-1][0]:spans[n-1][1]]) && at-spans[n-1][0] < maxJoined {
			spans[n-1][1] = at
			continue
		}
		spans = append(spans, [2]int{start, at})
	}
	return spans
}

// maxJoined caps a joined sentence, so a stray parenthesis cannot swallow a
// whole paragraph.
const maxJoined = 600

// continues reports whether a piece cannot end a sentence: it leaves a
// parenthesis open or ends in a Roman numeral with a dot.
func continues(s string) bool {
	if strings.Count(s, "(") > strings.Count(s, ")") {
		return true
	}
	k := len(s) - 1
	if k < 1 || s[k] != '.' {
		return false
	}
	j := k
	for j > 0 && strings.IndexByte("IVXLC", s[j-1]) >= 0 {
		j--
	}
	return j < k && (j == 0 || s[j-1] == ' ')
}

// paragraphSpans returns [start,end) byte spans of the paragraphs of text,
// which are separated by lines holding only white space.
func paragraphSpans(text string) [][2]int {
	var spans [][2]int
	start := -1
	for at := 0; at < len(text); {
		nl := strings.IndexByte(text[at:], '\n')
		end := len(text)
		if nl >= 0 {
			end = at + nl
		}
		blank := isBlank(text[at:end])
		if !blank && start < 0 {
			start = at
		}
		if blank && start >= 0 {
			spans = append(spans, [2]int{start, at})
			start = -1
		}
		at = end + 1
	}
	if start >= 0 {
		spans = append(spans, [2]int{start, len(text)})
	}
	return spans
}

func isBlank(line string) bool {
	for _, r := range line {
		if !unicode.IsSpace(r) && r != '\uFEFF' {
			return false
		}
	}
	return true
}

// isCapitalised reports whether w starts with an upper-case letter.
func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
