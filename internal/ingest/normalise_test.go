package ingest

import (
	"strings"
	"testing"

	"manset/internal/news"
)

// A page that repeats its spot as the body's first paragraph shows it once:
// above the body, not again in the body's text or its HTML.
func TestNormaliseKeepsTheSpotOnce(t *testing.T) {
	spot := "Belediye yeni parkı pazar günü açtı."
	a := &news.Article{
		Title:    "Kadıköy'de park açıldı",
		Summary:  spot,
		BodyText: spot + "\n\nTörene yüzlerce kişi katıldı.",
		BodyHTML: "<p>" + spot + "</p>\n<p>Törene yüzlerce kişi katıldı.</p>",
	}
	normalise(a)
	if a.Summary != spot {
		t.Errorf("spot %q", a.Summary)
	}
	if strings.Contains(a.BodyText, "pazar günü") || strings.Contains(a.BodyHTML, "pazar günü") {
		t.Errorf("spot repeated in the body:\ntext %q\nhtml %q", a.BodyText, a.BodyHTML)
	}
	if !strings.Contains(a.BodyHTML, "Törene yüzlerce kişi katıldı.") {
		t.Errorf("body lost: %q", a.BodyHTML)
	}
}
