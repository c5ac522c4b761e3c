package kai

import (
	"context"
	"strings"
	"testing"
)

// TestDemoVagueQuestions asks the demo articles the questions a newcomer
// asks without naming anything ("Bu olay ne zaman oldu?") and checks that
// the first citation is the sentence a reader would point to: the main
// event's date, place, cause or the named person's statement. Expected
// sentences were chosen by reading each article; any of the listed
// substrings is a right answer.
func TestDemoVagueQuestions(t *testing.T) {
	cases := []struct {
		article, question string
		want              []string // the first citation contains one of these
		highlight         string   // and the highlight contains this
	}{
		{"a23", "Bu olay ne zaman oldu?", []string{"pazar sabahı 39 ilçede", "22 Kasım pazar sabahı"}, "pazar sabahı"},
		{"a23", "Kim açıklama yaptı?", []string{"Ayşe Kaya, sonuçların"}, "Ayşe Kaya"},
		{"a23", "Bu olay nerede oldu?", []string{"İstanbul'da pazar sabahı 39 ilçede", "İstanbul'da 22 Kasım"}, "İstanbul'da"},
		{"a23", "Tatbikata kaç kişi katıldı?", []string{"1,2 milyon kişi katıldı"}, "1,2 milyon"},
		{"a20", "Bu olay ne zaman oldu?", []string{"18 Kasım'da başlattığı grev"}, "18 Kasım'da"},
		{"a20", "Kim açıklama yaptı?", []string{"Hüseyin Kılıç, 14 yıldır"}, "Hüseyin Kılıç"},
		{"a20", "Bu neden oldu?", []string{"toplu sözleşme anlaşmazlığı nedeniyle"}, "anlaşmazlığı nedeniyle"},
		{"a22", "Bu olay ne zaman oldu?", []string{"çarşamba sabahı başlayan grev"}, "çarşamba sabahı"},
		{"a22", "Kim açıklama yaptı?", []string{"Ramazan Toprak"}, "Ramazan Toprak"},
		{"a0", "Bu olay ne zaman oldu?", []string{"15 Kasım pazar günü yapılan genel seçimde"}, "15 Kasım pazar günü"},
		{"a11", "Bu olay nerede oldu?", []string{"Gdańsk'ta, yeni bir konut"}, "Gdańsk'ta"},
		{"a14", "Bu olay ne zaman oldu?", []string{"perşembe günü düzenlenen törenle"}, "perşembe günü"},
		{"a15", "Bu neden oldu?", []string{"uzun süren kuraklık nedeniyle"}, "kuraklık nedeniyle"},
		{"a17", "Bu olay nerede oldu?", []string{"Lizbon'da beş gün süren", "Lizbon'da düzenlenen Kıyı Kentleri İklim Zirvesi'nde"}, "Lizbon'da"},
		{"a24", "Kim açıklama yaptı?", []string{"Cengiz Uğurlu"}, "Cengiz Uğurlu"},
		{"a26", "Bu olay ne zaman oldu?", []string{"pazar akşamı başlayan kar yağışı"}, "pazar akşamı"},
		{"a26", "Bu neden oldu?", []string{"kar yağışı nedeniyle 214 köy yolu"}, "nedeniyle"},
		{"a9", "Bu olay ne zaman oldu?", []string{"çarşamba günü Bursa'daki fabrikasında"}, "çarşamba günü"},
		{"karadeniz-postasi-spor", "Bu olay nerede oldu?", []string{"Trabzon'da oynanan maçta"}, "Trabzon'da"},
		{"karadeniz-postasi-dunya", "Bu olay ne zaman oldu?", []string{"yerel saatle 11.47'de"}, "11.47"},
		{"porsuk-haber-tramvay", "Bu olay ne zaman oldu?", []string{"salı sabahı düzenlenen törenle"}, "salı sabahı"},
		{"bosphorus-post-liman", "Bu olay ne zaman oldu?", []string{"18 Kasım'da başlayan grev"}, "18 Kasım'da"},
	}
	articles := map[string]demoArticle{}
	for _, a := range loadDemoArticles(t) {
		articles[a.Name] = a
	}
	e := NewExtractive()
	for _, c := range cases {
		t.Run(c.article+" "+c.question, func(t *testing.T) {
			a, ok := articles[c.article]
			if !ok {
				t.Fatalf("no demo article %s", c.article)
			}
			q := AboutArticle(Question{Text: c.question,
				Articles: []Passage{{ArticleID: 1, Title: a.Title, Text: a.Text}}})
			ans, err := e.Ask(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			if !ans.Covered || len(ans.Citations) == 0 {
				t.Fatalf("%s: not covered", a.Title)
			}
			got := ans.Citations[0]
			if !containsAny(got.Text, c.want) {
				t.Errorf("%s\nfirst citation: %s\nwant one of: %q", a.Title, got.Text, c.want)
			}
			if !strings.Contains(got.Highlight, c.highlight) {
				t.Errorf("highlight %q, want it to contain %q", got.Highlight, c.highlight)
			}
		})
	}
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// TestDemoWhenSuggestion checks what the article page needs to offer "Bu
// olay ne zaman oldu?": on every demo article that names a day, the
// answer is covered and highlights a date phrase; on one that names no
// date at all, the engine says the article does not cover it.
func TestDemoWhenSuggestion(t *testing.T) {
	e := NewExtractive()
	a := newAnalyzer(e)
	dated := 0
	for _, art := range loadDemoArticles(t) {
		p := Passage{ArticleID: 1, Title: art.Title, Text: art.Text}
		hasDay := false
		for _, s := range a.prepare([]Passage{p}).sents {
			hasDay = hasDay || bestDate(eventDate(s)).strength >= 1
		}
		if !hasDay {
			continue
		}
		dated++
		q := AboutArticle(Question{Text: "Bu olay ne zaman oldu?", Articles: []Passage{p}})
		ans, err := e.Ask(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		if !ans.Covered || ans.Citations[0].Highlight == "" {
			t.Errorf("%s: %+v", art.Title, ans)
		}
	}
	if dated < 30 {
		t.Errorf("only %d demo articles name a day", dated)
	}
	undated := Passage{ArticleID: 1, Title: "Kedilerin uyku düzeni", Text: "Kediler günde on altı saat uyur. Uzmanlar bunun av içgüdüsünden geldiğini söylüyor."}
	ans, _ := e.Ask(context.Background(), AboutArticle(Question{Text: "Bu olay ne zaman oldu?", Articles: []Passage{undated}}))
	if ans.Covered {
		t.Errorf("undated article answered: %+v", ans)
	}
}

// A related article is context, not the subject: a question the asked
// article answers is answered from it, even when a related article (here
// the İzmir water cuts, next to the Mersin port strike) has a sentence of
// the asked type that half-matches the question.
func TestDemoAskedArticleFirst(t *testing.T) {
	var asked, related demoArticle
	for _, a := range loadDemoArticles(t) {
		switch {
		case a.Name == "a20":
			asked = a
		case strings.Contains(a.Title, "barajlardaki doluluk"):
			related = a
		}
	}
	if asked.Text == "" || related.Text == "" {
		t.Fatal("demo articles missing")
	}
	e := NewExtractive()
	for _, q := range []string{"Kaç gemi bekliyor?", "Limanda kaç gemi bekliyor?", "Grev neden başladı?"} {
		ans, err := e.Ask(context.Background(), AboutArticle(Question{Text: q, Articles: []Passage{
			{ArticleID: 1, Title: asked.Title, Text: asked.Text},
			{ArticleID: 2, Title: related.Title, Text: related.Text}}}))
		if err != nil {
			t.Fatal(err)
		}
		if !ans.Covered || ans.Citations[0].ArticleID != 1 {
			t.Errorf("%q: first citation %+v, want the asked article", q, ans.Citations)
		}
	}
}
