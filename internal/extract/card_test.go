package extract

import (
	"strings"
	"testing"
)

// A blog theme prints the post under its own linked title, in the same
// small wrapper a teaser card uses; its paragraphs are the article, while
// the summaries of other stories' cards are not.
func TestLinkedTitlePost(t *testing.T) {
	para := "Belediye meclisi dün akşamki oturumda kentin su şebekesinin yenilenmesi için hazırlanan projeyi oy birliğiyle kabul etti ve çalışmaların ilkbaharda başlayacağını duyurdu."
	var body strings.Builder
	for i := 0; i < 6; i++ {
		body.WriteString("<p>" + para + " Bölüm " + string(rune('A'+i)) + ".</p>")
	}
	page := `<html><body><div id="page"><div class="post">
<h2><a href="/2024/03/su-sebekesi">Su şebekesi yenileniyor</a></h2>
<div class="postinfo">Posted on Mart 30, 2024 by Admin</div>
<div class="entry">` + body.String() + `</div></div>
<div class="others">
<div class="card"><h3><a href="/baska-haber">Başka bir haber başlığı burada</a></h3><p>Kısa bir özet cümlesi başka haberden geliyor.</p></div>
<div class="card"><h3><a href="/ikinci-haber">İkinci haberin başlığı da burada</a></h3><p>İkinci özet cümlesi yine başka bir haberden.</p></div>
</div></div></body></html>`
	got, err := HTML([]byte(page), "https://blog.example/2024/03/su-sebekesi", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Bölüm A.", "Bölüm C.", "Bölüm F."} {
		if !strings.Contains(got.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, got.Text)
		}
	}
	if strings.Contains(got.Text, "Kısa bir özet") {
		t.Errorf("text holds another story's summary:\n%s", got.Text)
	}
}
