package kai

import (
	"bytes"
	"context"
	"os"
	"regexp"
	"strings"
	"testing"
)

func loadMini(t *testing.T, scope string) ([]EvalItem, int) {
	t.Helper()
	f, err := os.Open("testdata/mini-squad.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	items, skipped, err := LoadEval(f, scope)
	if err != nil {
		t.Fatal(err)
	}
	return items, skipped
}

func TestLoadEvalOffsets(t *testing.T) {
	want := []string{"Çarşamba günü", "Kültür Müdürü Zeynep Arslan", "40 bin",
		"çatıdaki su sızıntısı nedeniyle", "iki yıl", "Mersin'de", "Kore'den"}
	for _, scope := range []string{ScopeParagraph, ScopeArticle} {
		t.Run(scope, func(t *testing.T) {
			items, skipped := loadMini(t, scope)
			if len(items) != len(want) || skipped != 1 {
				t.Fatalf("%d items, %d skipped; want %d and 1 (the out-of-range answer)", len(items), skipped, len(want))
			}
			for i, it := range items {
				doc := it.Question.Articles[0].Text
				if g := it.Gold[0]; doc[g.Start:g.End] != want[i] {
					t.Errorf("%q: gold span reads %q, want %q", it.Question.Text, doc[g.Start:g.End], want[i])
				}
			}
			onarim := items[3].Question.Articles[0].Text
			joined := strings.Contains(onarim, "Kütüphanede 40 bin")
			if joined != (scope == ScopeArticle) {
				t.Errorf("scope %s: document %q", scope, onarim)
			}
			if !strings.HasPrefix(items[5].Question.Articles[0].Text, "\ufeff") {
				t.Error("the BOM must stay in the context, offsets count it")
			}
		})
	}
}

var finalLine = regexp.MustCompile(`^acc@1=\d+\.\d acc@3=\d+\.\d p50_ms=[0-9.]+ p95_ms=[0-9.]+ questions=\d+$`)

func TestEval(t *testing.T) {
	for _, scope := range []string{ScopeParagraph, ScopeArticle} {
		t.Run(scope, func(t *testing.T) {
			f, err := os.Open("testdata/mini-squad.json")
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			var out bytes.Buffer
			res, err := Eval(context.Background(), f, scope, NewExtractive(), &out)
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSpace(out.String()), "\n")
			if last := lines[len(lines)-1]; !finalLine.MatchString(last) {
				t.Errorf("final line %q does not match the contract", last)
			}
			if res.Questions != 7 || res.Acc1 != 100 || res.Acc3 != 100 {
				t.Errorf("got %+v, want 7 questions all answered at rank 1", res)
			}
			if !strings.Contains(out.String(), "acc@1=100.0 acc@3=100.0") {
				t.Errorf("output %q", out.String())
			}
		})
	}
}

func TestEvalRejects(t *testing.T) {
	tests := []struct{ name, scope, body string }{
		{"scope", "sentence", `{"data":[]}`},
		{"json", ScopeArticle, `{"data":[`},
		{"answer_start", ScopeArticle, `{"data":[{"title":"x","paragraphs":[{"context":"Bir cümle.","qas":[{"question":"ne?","id":1,"answers":[{"text":"Bir","answer_start":"abc"}]}]}]}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			if _, err := Eval(context.Background(), strings.NewReader(tt.body), tt.scope, NewExtractive(), &out); err == nil {
				t.Errorf("want an error, printed %q", out.String())
			}
		})
	}
}

func TestHitRankNeedsWholeSpan(t *testing.T) {
	ranked := []RankedSentence{{Start: 0, End: 10}, {Start: 11, End: 30}}
	for _, tt := range []struct {
		gold Span
		want int
	}{{Span{2, 5}, 0}, {Span{12, 30}, 1}, {Span{8, 13}, -1}} {
		if got := HitRank(ranked, []Span{tt.gold}); got != tt.want {
			t.Errorf("HitRank(%v) = %d, want %d", tt.gold, got, tt.want)
		}
	}
}

// FuzzEvalParse feeds arbitrary SQuAD-like files through loading and
// ranking: no panics, gold spans and sentences stay inside the document.
func FuzzEvalParse(f *testing.F) {
	mini, err := os.ReadFile("testdata/mini-squad.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(mini, true)
	f.Add([]byte(`{"data":[{"title":"t","paragraphs":[{"context":"\ufeffA (b. 1. c","qas":[{"question":"b","id":"1","answers":[{"text":"b","answer_start":" 4 "}]}]}]}]}`), false)
	e := NewExtractive()
	f.Fuzz(func(t *testing.T, data []byte, article bool) {
		scope := ScopeParagraph
		if article {
			scope = ScopeArticle
		}
		items, _, err := LoadEval(bytes.NewReader(data), scope)
		if err != nil {
			return
		}
		for _, it := range items {
			doc := it.Question.Articles[0].Text
			for _, g := range it.Gold {
				if g.Start < 0 || g.End > len(doc) || g.Start >= g.End {
					t.Fatalf("gold %v outside document of %d bytes", g, len(doc))
				}
			}
			checkSentences(t, it.Question, e.Rank(it.Question))
		}
	})
}

// FuzzRankOffsets checks sentence offsets on arbitrary article text.
func FuzzRankOffsets(f *testing.F) {
	f.Add(bikeLane, "Yol ne zaman açıldı?")
	f.Add("Prof. Dr. A. Yılmaz (d. 1950 - ö. 2020) IV. Murad dönemini anlattı.\n\n\ufeffİkinci paragraf.", "kim")
	f.Add("((((. a. b. c.\r\n\r\n  \n.", "?")
	e := NewExtractive()
	f.Fuzz(func(t *testing.T, text, question string) {
		q := Question{Text: question, Articles: []Passage{{ArticleID: 1, Text: text}}}
		checkSentences(t, q, e.Rank(q))
		if _, err := e.Ask(context.Background(), q); err != nil && strings.TrimSpace(question) != "" && len(question) <= maxQuestionBytes {
			t.Fatalf("Ask: %v", err)
		}
	})
}

func checkSentences(t *testing.T, q Question, ranked []RankedSentence) {
	t.Helper()
	doc := q.Articles[0].Text
	for _, s := range ranked {
		if s.Start < 0 || s.End > len(doc) || s.Start >= s.End || doc[s.Start:s.End] != s.Text {
			t.Fatalf("sentence [%d,%d) %q is not the document's text", s.Start, s.End, s.Text)
		}
	}
}

// An article that repeats a paragraph offers its sentences once: the copy
// is listed in Repeats, a gold answer in either copy is found at that rank,
// and no other sentence is pushed out of the top three by a duplicate.
func TestRankMergesRepeatedSentences(t *testing.T) {
	para := "Kadıköy Belediyesi, sahil boyundaki yeni bisiklet yolunu salı günü hizmete açtı."
	text := para + "\n\n" + bikeLane + "\n\n" + para
	q := Question{Text: "Bisiklet yolu ne zaman hizmete açıldı?", Articles: []Passage{{Title: "Bisiklet yolu", Text: text}}}
	ranked := NewExtractive().Rank(q)
	copies, seen := 0, map[string]bool{}
	for _, s := range ranked {
		if seen[s.Text] {
			t.Errorf("sentence %q ranked twice", s.Text)
		}
		seen[s.Text] = true
		if s.Text == para {
			copies = 1 + len(s.Repeats)
			for _, r := range s.Repeats {
				if text[r.Start:r.End] != para {
					t.Errorf("repeat span reads %q", text[r.Start:r.End])
				}
			}
		}
	}
	if copies != 3 {
		t.Fatalf("the sentence stands 3 times; ranked once with %d places", copies)
	}
	last := strings.LastIndex(text, "salı günü")
	if k := HitRank(ranked, []Span{{last, last + len("salı günü")}}); k != 0 {
		t.Errorf("gold answer in the last copy found at rank %d, want 0", k)
	}
}

// TestNewsQuestions guards the answers readers get on news text: the 114
// short questions we wrote over the demo articles (testdata/NEWS-QA.md).
// The floor sits a few questions under today's figures (acc@1 83.3, acc@3
// 93.9), so a model or rule change that loses news answers fails here
// even when it gains on TQuAD.
func TestNewsQuestions(t *testing.T) {
	f, err := os.Open("testdata/news-qa.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out bytes.Buffer
	res, err := Eval(context.Background(), f, ScopeArticle, NewExtractive(), &out)
	if err != nil {
		t.Fatal(err)
	}
	if res.Questions != 114 || res.Acc1 < 76 || res.Acc3 < 90 {
		t.Errorf("news questions: %s", strings.TrimSpace(out.String()))
	}
}
