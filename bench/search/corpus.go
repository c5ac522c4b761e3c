package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"time"

	"manset/internal/news"
	"manset/internal/turkish"
)

// corpus generates synthetic Turkish articles: a word-level Markov chain
// learnt at run time from the demo articles (our own text) gives realistic
// word order and inflections, and synthetic proper names drawn with a Zipf
// law give the long tail of rare words a real news corpus has.
type corpus struct {
	rng     *rand.Rand
	next    map[string][]string // word -> words seen after it
	starts  []string            // sentence-opening words
	sents   []string            // demo sentences, for building queries
	names   []string            // synthetic proper names
	zipf    *rand.Zipf
	base    time.Time
	perStep time.Duration
}

func loadCorpus(path string, seed uint64, n int) (*corpus, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	c := &corpus{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), next: map[string][]string{}}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var a struct{ Title, Summary, BodyText string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		for _, text := range []string{a.Title + ".", a.Summary, strings.ReplaceAll(a.BodyText, "\n", " ")} {
			c.learn(text)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(c.starts) == 0 {
		return nil, fmt.Errorf("%s: no text", path)
	}
	c.names = syntheticNames(c.rng, 200_000)
	c.zipf = rand.NewZipf(c.rng, 1.1, 1, uint64(len(c.names)-1))
	c.base = time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	c.perStep = 3 * 365 * 24 * time.Hour / time.Duration(max(n, 1))
	return c, nil
}

// learn adds the word transitions of text, sentence by sentence.
func (c *corpus) learn(text string) {
	for _, s := range strings.SplitAfter(text, ". ") {
		words := strings.Fields(s)
		if len(words) < 3 {
			continue
		}
		c.sents = append(c.sents, strings.Join(words, " "))
		c.starts = append(c.starts, words[0])
		for i := 0; i+1 < len(words); i++ {
			c.next[words[i]] = append(c.next[words[i]], words[i+1])
		}
	}
}

// sentence walks the chain from a random start until a full stop or max words.
func (c *corpus) sentence(maxWords int) string {
	w := c.starts[c.rng.IntN(len(c.starts))]
	out := []string{w}
	for len(out) < maxWords && !strings.HasSuffix(w, ".") {
		nx := c.next[w]
		if len(nx) == 0 {
			break
		}
		w = nx[c.rng.IntN(len(nx))]
		if c.rng.IntN(12) == 0 {
			out = append(out, c.names[c.zipf.Uint64()]) // a rare proper name
		}
		out = append(out, w)
	}
	s := strings.Join(out, " ")
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

func (c *corpus) paragraph(sentences int) string {
	var b strings.Builder
	for i := range sentences {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(c.sentence(30))
	}
	return b.String()
}

// article returns the i-th synthetic article: newer as i grows.
func (c *corpus) article(i int) news.Article {
	title := strings.TrimSuffix(c.sentence(10), ".")
	var paras []string
	for range 2 + c.rng.IntN(3) {
		paras = append(paras, c.paragraph(2+c.rng.IntN(2)))
	}
	pub := c.base.Add(time.Duration(i)*c.perStep + time.Duration(c.rng.IntN(3600))*time.Second)
	status := news.StatusPublished
	if c.rng.IntN(50) == 0 {
		status = news.StatusDraft
	}
	return news.Article{Title: title, Summary: c.sentence(25), BodyText: strings.Join(paras, "\n\n"),
		Status: status, PublishedAt: &pub, Slug: fmt.Sprintf("haber-%d", i+1)}
}

// syntheticNames makes pronounceable Turkish-looking names from syllables.
func syntheticNames(rng *rand.Rand, n int) []string {
	onsets := []string{"b", "c", "ç", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "ş", "t", "v", "y", "z"}
	vowels := []string{"a", "e", "ı", "i", "o", "ö", "u", "ü"}
	codas := []string{"", "", "n", "r", "l", "k", "t", "ş", "m"}
	seen := map[string]bool{}
	out := make([]string, 0, n)
	for len(out) < n {
		var b strings.Builder
		for range 2 + rng.IntN(2) {
			b.WriteString(onsets[rng.IntN(len(onsets))] + vowels[rng.IntN(len(vowels))] + codas[rng.IntN(len(codas))])
		}
		name := b.String()
		if !seen[name] {
			seen[name] = true
			r := []rune(name)
			out = append(out, turkish.Upper(string(r[0]))+string(r[1:]))
		}
	}
	return out
}
