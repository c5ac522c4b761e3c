package e2e

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// articleURL finds an article of the demo content by searching its title.
func articleURL(t *testing.T, base, query string) string {
	t.Helper()
	resp, err := http.Get(base + "/api/v1/search?q=" + url.QueryEscape(query))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var res struct {
		Items []struct{ URL string } `json:"items"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil || len(res.Items) == 0 {
		t.Fatalf("search %q: %v, %d items", query, err, len(res.Items))
	}
	return res.Items[0].URL
}

// TestKAIAnswersWhenWithCitation: a reader asks "Bu olay ne zaman oldu?" on
// an article with no model installed and gets a cited answer; clicking the
// citation highlights the sentence in the article.
func TestKAIAnswersWhenWithCitation(t *testing.T) {
	base := startServer(t)
	page := articleURL(t, base, "deprem tatbikatı tamamlandı")
	ctx := newBrowser(t)

	var answer, cited, marked string
	var cites int
	err := chromedp.Do(ctx,
		chromedp.Navigate(page),
		chromedp.WaitVisible(chromedp.CSS(`#kai-question`)),
		fillText(`#kai-question`, "Bu olay ne zaman oldu?"),
		chromedp.Click(chromedp.CSS(`#kai-form .kai-send`)),
		pollTrue(`!!document.querySelector('#kai-log .kai-a .kai-cites')`),
		into(&answer, chromedp.Text(chromedp.CSS(`#kai-log .kai-a .kai-text`))),
		into(&cites, chromedp.Evaluate[int](`document.querySelectorAll('#kai-log .kai-cites a.kai-cite').length`)),
		into(&cited, chromedp.Text(chromedp.CSS(`#kai-log .kai-cites a.kai-cite`))),
		chromedp.Click(chromedp.CSS(`#kai-log .kai-cites a.kai-cite`)),
		pollTrue(`!!document.querySelector('mark.kai-active')`),
		into(&marked, chromedp.Text(chromedp.CSS(`mark.kai-active`))),
	)
	if err != nil {
		t.Fatalf("asking KAI: %v", err)
	}
	if !strings.Contains(answer, "pazar sabahı") {
		t.Errorf("answer %q does not say when (pazar sabahı)", answer)
	}
	if cites == 0 || !strings.Contains(cited, "pazar sabahı") {
		t.Errorf("citations: %d, first %q", cites, cited)
	}
	if strings.TrimSpace(marked) == "" || !strings.Contains(cited, strings.TrimSpace(marked)[:20]) {
		t.Errorf("highlighted %q, cited %q", marked, cited)
	}

	// A question the article does not cover is answered plainly.
	var uncovered string
	err = chromedp.Do(ctx,
		// The form stays disabled until the previous answer has finished.
		pollTrue(`!document.querySelector('#kai-form .kai-send').disabled`),
		fillText(`#kai-question`, "Fenerbahçe'nin teknik direktörü kim?"),
		chromedp.Click(chromedp.CSS(`#kai-form .kai-send`)),
		pollTrue(`!!document.querySelector('#kai-log .kai-uncovered')`),
		into(&uncovered, chromedp.Text(chromedp.CSS(`#kai-log .kai-uncovered .kai-text`))),
	)
	if err != nil {
		t.Fatalf("uncovered question: %v", err)
	}
	if !strings.Contains(uncovered, "Bu haberde bu soruya dair bilgi yok") {
		t.Errorf("uncovered answer = %q", uncovered)
	}
}
