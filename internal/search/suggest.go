package search

import (
	"context"
	"strings"
	"sync"
	"time"

	"manset/internal/turkish"
)

const (
	defaultVocabularyArticles = 2000
	defaultVocabularyTTL      = 15 * time.Minute
	// A Turkish spelling is suggested when the corpus writes it at least
	// this many times as often as the ASCII one, and at least minUses times.
	suggestRatio = 3
	minUses      = 2
)

// spelling is the usual written form of one folded word.
type spelling struct {
	form    string // most frequent lowercase form with Turkish letters
	uses    int    // how often form occurs
	asASCII int    // how often the folded form itself occurs
}

// vocabulary maps folded words ("isik") to their usual Turkish spelling
// ("ışık"), learnt from recent articles and refreshed in the background.
type vocabulary struct {
	store Store
	opts  Options

	mu       sync.Mutex
	words    map[string]spelling
	built    time.Time
	building bool
}

func newVocabulary(st Store, opts Options) *vocabulary {
	if opts.VocabularyArticles <= 0 {
		opts.VocabularyArticles = defaultVocabularyArticles
	}
	if opts.VocabularyTTL <= 0 {
		opts.VocabularyTTL = defaultVocabularyTTL
	}
	return &vocabulary{store: st, opts: opts}
}

// suggest returns q's text with ASCII-typed words spelt the usual Turkish
// way, or "" when no word changes.
func (v *vocabulary) suggest(ctx context.Context, q Query, now time.Time) string {
	words := v.current(ctx, now)
	text, changed := q.Text, false
	for _, w := range q.Words {
		if !isASCII(w) {
			continue
		}
		sp, ok := words[turkish.Fold(turkish.Lower(w))]
		if !ok || sp.uses < minUses || sp.uses < suggestRatio*sp.asASCII {
			continue
		}
		text, changed = replaceWord(text, w, sp.form), true
	}
	if !changed {
		return ""
	}
	return text
}

// current returns the vocabulary, building it on first use and refreshing
// it in the background once it is older than the TTL.
func (v *vocabulary) current(ctx context.Context, now time.Time) map[string]spelling {
	v.mu.Lock()
	defer v.mu.Unlock()
	switch {
	case v.words == nil:
		v.words, _ = v.build(ctx, now)
		v.built = now
	case now.Sub(v.built) > v.opts.VocabularyTTL && !v.building:
		v.building = true
		go v.refresh(now)
	}
	return v.words
}

func (v *vocabulary) refresh(now time.Time) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	words, err := v.build(ctx, now)
	v.mu.Lock()
	defer v.mu.Unlock()
	v.building = false
	if err == nil {
		v.words, v.built = words, now
	}
}

// build counts the lowercase forms of every word in recent articles and
// keeps, per folded form, the most used spelling with Turkish letters.
func (v *vocabulary) build(ctx context.Context, now time.Time) (map[string]spelling, error) {
	texts, err := v.store.RecentArticleTexts(ctx, now, v.opts.VocabularyArticles)
	if err != nil {
		return map[string]spelling{}, err
	}
	counts := map[string]int{}
	for _, t := range texts {
		for _, w := range turkish.Tokenize(t) {
			l := turkish.Lower(w)
			if i := strings.IndexAny(l, "'’"); i > 0 {
				l = l[:i] // "ışık'ın" counts as "ışık"
			}
			counts[l]++
		}
	}
	words := map[string]spelling{}
	for form, n := range counts {
		folded := turkish.Fold(form)
		if folded == form {
			continue
		}
		if sp := words[folded]; n > sp.uses {
			words[folded] = spelling{form: form, uses: n, asASCII: counts[folded]}
		}
	}
	return words, nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// replaceWord replaces the first whole-word occurrence of w in text.
func replaceWord(text, w, with string) string {
	for from := 0; ; {
		i := strings.Index(text[from:], w)
		if i < 0 {
			return text
		}
		i += from
		j := i + len(w)
		if (i == 0 || !isWordByte(text[i-1])) && (j == len(text) || !isWordByte(text[j])) {
			return text[:i] + with + text[j:]
		}
		from = j
	}
}

func isWordByte(c byte) bool {
	return c >= 0x80 || c == '\'' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
