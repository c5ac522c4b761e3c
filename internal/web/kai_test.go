package web

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"manset/internal/kai"
	"manset/internal/news"
)

// A demo-like article written for these tests.
const fireText = `İstanbul Kadıköy'deki tarihi çarşıda 8 Mart 2026 Pazar sabahı yangın çıktı.

İtfaiye ekipleri yangına kısa sürede müdahale etti ve alevler iki saatte söndürüldü. Yangında 12 dükkân zarar gördü, can kaybı yaşanmadı.

Kadıköy Belediye Başkanı Selim Aksoy, esnafa destek verileceğini açıkladı. Aksoy, zarar gören dükkânların onarımının belediye tarafından karşılanacağını söyledi.

İlk belirlemelere göre yangın, bir dükkândaki elektrik kontağı nedeniyle başladı. Polis olayla ilgili soruşturma başlattı.

Çarşı esnafı, dükkânların bir hafta içinde yeniden açılmasını umuyor.`

func (s *testSite) addFire(t *testing.T) news.Article {
	t.Helper()
	return s.add(t, "Kadıköy'de tarihi çarşıda yangın", "dunya", 30, func(a *news.Article) {
		a.Summary = ""
		a.BodyText = fireText
	})
}

// askKAI posts a question to the API and returns the response and body.
func (s *testSite) askKAI(t *testing.T, id int64, body any, header ...string) (*http.Response, string) {
	t.Helper()
	b, _ := json.Marshal(body)
	req, err := http.NewRequest("POST", s.ts.URL+"/api/v1/articles/"+itoa(id)+"/kai", strings.NewReader(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var sb strings.Builder
	if _, err := bufioCopy(&sb, resp); err != nil {
		t.Fatal(err)
	}
	return resp, sb.String()
}

func bufioCopy(sb *strings.Builder, resp *http.Response) (int64, error) {
	r := bufio.NewReader(resp.Body)
	return r.WriteTo(sb)
}

func decodeAnswer(t *testing.T, resp *http.Response, body string) kai.Answer {
	t.Helper()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	var ans kai.Answer
	if err := json.Unmarshal([]byte(body), &ans); err != nil {
		t.Fatalf("%v in %s", err, body)
	}
	return ans
}

func TestKAIAPIAnswersWithCitations(t *testing.T) {
	site := newTestSite(t, time.Hour)
	fire := site.addFire(t)
	for _, tc := range []struct{ question, sentence, highlight string }{
		{"Bu olay ne zaman oldu?", "8 Mart 2026 Pazar sabahı yangın çıktı", "8 Mart 2026"},
		{"Kaç dükkân zarar gördü?", "12 dükkân zarar gördü", "12 dükkân"},
		{"Yangın neden başladı?", "elektrik kontağı nedeniyle", ""},
	} {
		resp, body := site.askKAI(t, fire.ID, map[string]string{"question": tc.question})
		ans := decodeAnswer(t, resp, body)
		if !ans.Covered || ans.Engine != "extractive" || len(ans.Citations) == 0 {
			t.Fatalf("%q: %s", tc.question, body)
		}
		c := ans.Citations[0]
		if !strings.Contains(c.Text, tc.sentence) || c.ArticleID != fire.ID ||
			c.URL != testBaseURL+"/haber/"+fire.Slug || c.Title != fire.Title {
			t.Errorf("%q: first citation %+v, want the sentence with %q", tc.question, c, tc.sentence)
		}
		if tc.highlight != "" && !strings.Contains(body, `"highlight":"`+tc.highlight) {
			t.Errorf("%q: no highlight %q in %s", tc.question, tc.highlight, body)
		}
		if resp.Header.Get("Cache-Control") != "private, no-store" {
			t.Errorf("Cache-Control %q", resp.Header.Get("Cache-Control"))
		}
	}
}

func TestKAIAPINotCoveredAndFollowUp(t *testing.T) {
	site := newTestSite(t, time.Hour)
	fire := site.addFire(t)
	resp, body := site.askKAI(t, fire.ID, map[string]string{"question": "Galatasaray maçı kaç kaç bitti?"})
	ans := decodeAnswer(t, resp, body)
	if ans.Covered || ans.Answer != kai.NotCovered || !strings.Contains(body, `"citations":[]`) {
		t.Errorf("got %s", body)
	}
	resp, body = site.askKAI(t, fire.ID, map[string]any{"question": "peki ne zaman?",
		"history": []map[string]string{{"question": "Kadıköy'deki çarşıda kaç dükkân yandı?", "answer": "12 dükkân."}}})
	if ans := decodeAnswer(t, resp, body); !ans.Covered || !strings.Contains(ans.Answer, "8 Mart 2026") {
		t.Errorf("follow-up: %s", body)
	}
}

func TestKAIAPIUsesStoryArticles(t *testing.T) {
	site := newTestSite(t, time.Hour)
	fire := site.addFire(t)
	later := site.add(t, "Çarşı yangınında hasar tespiti tamamlandı", "ekonomi", 10, func(a *news.Article) {
		a.BodyText = "Kadıköy çarşısındaki yangının ardından yapılan hasar tespitinde toplam zararın 40 milyon lira olduğu belirlendi."
	})
	ctx := context.Background()
	story := news.Story{Title: fire.Title}
	if err := site.db.CreateStory(ctx, &story); err != nil {
		t.Fatal(err)
	}
	for _, id := range []int64{fire.ID, later.ID} {
		if err := site.db.SetArticleStory(ctx, id, story.ID); err != nil {
			t.Fatal(err)
		}
	}
	resp, body := site.askKAI(t, fire.ID, map[string]string{"question": "Yangında toplam zarar ne kadar?"})
	ans := decodeAnswer(t, resp, body)
	if !ans.Covered || ans.Citations[0].ArticleID != later.ID || !strings.Contains(ans.Citations[0].Text, "40 milyon") {
		t.Errorf("want the story's other article cited: %s", body)
	}
}

// sseEvent is one parsed server-sent event.
type sseEvent struct{ name, data string }

func parseSSE(t *testing.T, body string) []sseEvent {
	t.Helper()
	var out []sseEvent
	for _, block := range strings.Split(strings.TrimSpace(body), "\n\n") {
		var ev sseEvent
		for _, line := range strings.Split(block, "\n") {
			if v, ok := strings.CutPrefix(line, "event: "); ok {
				ev.name = v
			} else if v, ok := strings.CutPrefix(line, "data: "); ok {
				ev.data = v
			} else {
				t.Errorf("unexpected line %q", line)
			}
		}
		if !json.Valid([]byte(ev.data)) {
			t.Errorf("event %q data is not JSON: %q", ev.name, ev.data)
		}
		out = append(out, ev)
	}
	return out
}

func eventNames(evs []sseEvent) string {
	var names []string
	for _, e := range evs {
		names = append(names, e.name)
	}
	return strings.Join(names, ",")
}

func TestKAIAPIEventStream(t *testing.T) {
	site := newTestSite(t, time.Hour)
	fire := site.addFire(t)
	resp, body := site.askKAI(t, fire.ID, map[string]string{"question": "Bu olay ne zaman oldu?"}, "Accept", "text/event-stream")
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		t.Fatalf("status %d type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	evs := parseSSE(t, body)
	if eventNames(evs) != "answer,done" {
		t.Fatalf("events %q", eventNames(evs))
	}
	var ans kai.Answer
	json.Unmarshal([]byte(evs[0].data), &ans)
	if !ans.Covered || !strings.Contains(ans.Citations[0].Text, "8 Mart 2026") {
		t.Errorf("answer event %s", evs[0].data)
	}
	// Errors found before the stream starts keep their status and JSON.
	resp, body = site.askKAI(t, fire.ID, map[string]string{"question": " "}, "Accept", "text/event-stream")
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, `"code":"invalid"`) {
		t.Errorf("empty question over SSE: %d %s", resp.StatusCode, body)
	}
}

// fakeStreamer streams a fixed answer in pieces, as the LLM engine does.
type fakeStreamer struct{ pieces []string }

func (f fakeStreamer) Ask(ctx context.Context, q kai.Question) (kai.Answer, error) {
	return f.Stream(ctx, q, nil)
}

func (f fakeStreamer) Stream(ctx context.Context, q kai.Question, onDelta func(string) error) (kai.Answer, error) {
	for _, p := range f.pieces {
		if onDelta != nil {
			if err := onDelta(p); err != nil {
				return kai.Answer{}, err
			}
		}
	}
	p := q.Articles[0]
	return kai.Answer{Answer: strings.Join(f.pieces, ""), Covered: true, Engine: "llm:test",
		Citations: []kai.Citation{{ArticleID: p.ArticleID, Title: p.Title, URL: p.URL, Text: "alıntı"}}}, nil
}

func TestKAIAPIStreamsDeltas(t *testing.T) {
	site := newTestSite(t, time.Hour)
	fire := site.addFire(t)
	deps := storeDeps(site.db, site.clock.Now)
	deps.KAI = fakeStreamer{pieces: []string{"Yangın ", "8 Mart'ta ", "çıktı [1]."}}
	srv := New(Config{BaseURL: testBaseURL, Now: site.clock.Now, PollInterval: time.Hour}, deps)
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	site.ts = ts
	resp, body := site.askKAI(t, fire.ID, map[string]string{"question": "Ne zaman?"}, "Accept", "text/event-stream")
	evs := parseSSE(t, body)
	if resp.StatusCode != 200 || eventNames(evs) != "delta,delta,delta,answer,done" {
		t.Fatalf("events %q in %s", eventNames(evs), body)
	}
	var text strings.Builder
	for _, e := range evs[:3] {
		var d struct{ Text string }
		json.Unmarshal([]byte(e.data), &d)
		text.WriteString(d.Text)
	}
	if text.String() != "Yangın 8 Mart'ta çıktı [1]." || !strings.Contains(evs[3].data, `"engine":"llm:test"`) {
		t.Errorf("deltas %q, answer %s", text.String(), evs[3].data)
	}
	// Without text/event-stream the same engine answers in one JSON.
	resp, body = site.askKAI(t, fire.ID, map[string]string{"question": "Ne zaman?"})
	if ans := decodeAnswer(t, resp, body); ans.Answer != "Yangın 8 Mart'ta çıktı [1]." {
		t.Errorf("JSON answer %s", body)
	}
}

func TestKAIAPIRejects(t *testing.T) {
	site := newTestSite(t, time.Hour)
	fire := site.addFire(t)
	draft := site.add(t, "Taslak haber", "dunya", 5, func(a *news.Article) { a.Status = news.StatusDraft })
	turns := make([]map[string]string, 7)
	for i := range turns {
		turns[i] = map[string]string{"question": "Soru?", "answer": "Yanıt."}
	}
	for _, tc := range []struct {
		name   string
		id     int64
		body   any
		status int
	}{
		{"Empty", fire.ID, map[string]string{"question": ""}, 400},
		{"TooLong", fire.ID, map[string]string{"question": strings.Repeat("ş", 501)}, 400},
		{"TooMuchHistory", fire.ID, map[string]any{"question": "Ne zaman?", "history": turns}, 400},
		{"NotJSON", fire.ID, "soru", 400},
		{"NoSuchArticle", fire.ID + 100, map[string]string{"question": "Ne zaman?"}, 404},
		{"Draft", draft.ID, map[string]string{"question": "Ne zaman?"}, 404},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := site.askKAI(t, tc.id, tc.body)
			if resp.StatusCode != tc.status || !strings.Contains(body, `"error":{"code"`) {
				t.Errorf("status %d body %s, want %d", resp.StatusCode, body, tc.status)
			}
		})
		site.clock.Advance(time.Minute) // these tests are not about the rate
	}
}

func TestKAIAPIRateLimit(t *testing.T) {
	site := newTestSite(t, time.Hour)
	fire := site.addFire(t)
	for i := 0; i < kaiRule.Burst; i++ {
		if resp, body := site.askKAI(t, fire.ID, map[string]string{"question": "Kaç dükkân zarar gördü?"}); resp.StatusCode != 200 {
			t.Fatalf("question %d: %d %s", i+1, resp.StatusCode, body)
		}
	}
	resp, body := site.askKAI(t, fire.ID, map[string]string{"question": "Kaç dükkân zarar gördü?"})
	if resp.StatusCode != http.StatusTooManyRequests || !strings.Contains(body, `"code":"rate_limited"`) {
		t.Fatalf("over the limit: %d %s", resp.StatusCode, body)
	}
	site.clock.Advance(kaiRule.Every)
	if resp, _ := site.askKAI(t, fire.ID, map[string]string{"question": "Kaç dükkân zarar gördü?"}); resp.StatusCode != 200 {
		t.Errorf("after waiting: %d", resp.StatusCode)
	}
}

func TestKAIPanelOnArticlePage(t *testing.T) {
	site := newTestSite(t, time.Hour)
	fire := site.addFire(t)
	body := site.mustGet(t, "/haber/"+fire.Slug, 200)
	mustContain(t, body,
		`<h2 id="kai-title">KAI ile Haber Hakkında Sohbet</h2>`,
		`<h3>Özet</h3>`,
		`<li>İstanbul Kadıköy&#39;deki tarihi çarşıda 8 Mart 2026 Pazar sabahı yangın çıktı.</li>`,
		`value="Bu olay ne zaman oldu?"`, `value="Kim açıklama yaptı?"`,
		`action="/haber/`+fire.Slug+`/kai"`, `id="kai-log" aria-live="polite"`, `/static/kai.`,
		`id="kai-question" name="question"`)
	mustNotContain(t, body, "KAI yakında", "onclick")

	bare := site.add(t, "Kısa duyuru", "dunya", 3, func(a *news.Article) { a.BodyText = "Toplantı ertelendi." })
	body = site.mustGet(t, "/haber/"+bare.Slug, 200)
	mustNotContain(t, body, "<h3>Özet</h3>", `value="Bu olay ne zaman oldu?"`, `value="Bu neden oldu?"`)
	mustContain(t, body, `id="kai-form"`)
}

func TestKAIFormWithoutJavaScript(t *testing.T) {
	site := newTestSite(t, time.Hour)
	fire := site.addFire(t)
	post := func(form url.Values, query ...string) (*http.Response, string) {
		t.Helper()
		resp, err := http.PostForm(site.ts.URL+"/haber/"+fire.Slug+"/kai"+strings.Join(query, ""), form)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var sb strings.Builder
		bufioCopy(&sb, resp)
		return resp, sb.String()
	}
	// A suggested question's button is sent after the empty text field.
	resp, body := post(url.Values{"question": {"", "Bu olay ne zaman oldu?"}})
	if resp.StatusCode != 200 || resp.Header.Get("Cache-Control") != "private, no-store" {
		t.Fatalf("status %d, Cache-Control %q", resp.StatusCode, resp.Header.Get("Cache-Control"))
	}
	mustContain(t, body, "Bu olay ne zaman oldu?", "8 Mart 2026 Pazar sabahı yangın çıktı.",
		`href="`+testBaseURL+`/haber/`+fire.Slug+`#:~:text=`, `id="kai-form"`)
	resp, body = post(url.Values{"question": {""}})
	if resp.StatusCode != 400 || !strings.Contains(body, "Soru boş olamaz.") {
		t.Errorf("empty question: %d", resp.StatusCode)
	}
	// on the English site the engine's fixed sentences are English too
	_, body = post(url.Values{"question": {"Borsa bugün kaç puan kazandı?"}}, "?lang=en")
	mustContain(t, body, "This article has no information on that question.")
	mustNotContain(t, body, kai.NotCovered)
	resp, body = post(url.Values{"question": {""}}, "?lang=en")
	if resp.StatusCode != 400 || !strings.Contains(body, "The question cannot be empty.") {
		t.Errorf("empty question in English: %d", resp.StatusCode)
	}
}

func TestTextFragment(t *testing.T) {
	for in, want := range map[string]string{
		"Kısa bir cümle, virgüllü.":                     "K%C4%B1sa%20bir%20c%C3%BCmle%2C%20virg%C3%BCll%C3%BC.",
		"Bir iki üç dört beş altı yedi sekiz dokuz on.": "Bir%20iki%20%C3%BC%C3%A7%20d%C3%B6rt%20be%C5%9F,sekiz%20dokuz%20on.",
	} {
		if got := textFragment(in); got != want {
			t.Errorf("textFragment(%q) = %q, want %q", in, got, want)
		}
	}
}
