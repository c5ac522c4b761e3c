package main

import (
	"math/rand/v2"
	"strings"
	"unicode/utf8"

	"manset/internal/turkish"
)

// queryClass is one kind of query in the fixed mix.
type queryClass struct {
	name    string
	queries []string
}

// queryMix builds the fixed mix from the demo sentences and the synthetic
// names, with its own seed so every run asks the same questions.
func (c *corpus) queryMix(perClass int) []queryClass {
	rng := rand.New(rand.NewPCG(7, 11))
	word := func(pred func(string) bool) string {
		for {
			ws := turkish.Tokenize(c.sents[rng.IntN(len(c.sents))])
			if len(ws) == 0 {
				continue
			}
			if w := ws[rng.IntN(len(ws))]; utf8.RuneCountInString(w) >= 4 && pred(w) {
				return w
			}
		}
	}
	any := func(string) bool { return true }
	turkishLetters := func(w string) bool { return turkish.Fold(w) != w && !strings.ContainsRune(w, '\'') }
	inflected := func(w string) bool { return utf8.RuneCountInString(w) >= 9 || strings.ContainsRune(w, '\'') }
	phrase := func(n int) string {
		for {
			ws := strings.Fields(c.sents[rng.IntN(len(c.sents))])
			if len(ws) > n {
				i := rng.IntN(len(ws) - n)
				return strings.Trim(strings.Join(ws[i:i+n], " "), ".,;:\"“”")
			}
		}
	}
	classes := []queryClass{{name: "single"}, {name: "ascii"}, {name: "inflected"}, {name: "phrase"},
		{name: "exclude"}, {name: "two-three"}, {name: "rare-name"}}
	for range perClass {
		classes[0].queries = append(classes[0].queries, word(any))
		classes[1].queries = append(classes[1].queries, turkish.Fold(turkish.Lower(word(turkishLetters))))
		classes[2].queries = append(classes[2].queries, word(inflected))
		classes[3].queries = append(classes[3].queries, `"`+phrase(2+rng.IntN(2))+`"`)
		classes[4].queries = append(classes[4].queries, word(any)+" -"+word(any))
		classes[5].queries = append(classes[5].queries, phrase(2+rng.IntN(2)))
		classes[6].queries = append(classes[6].queries, c.names[rng.IntN(5000)])
	}
	return classes
}
