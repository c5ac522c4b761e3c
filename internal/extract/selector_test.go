package extract

import (
	"strings"
	"testing"
)

const selectorPage = `<html><head><title>Fuar açıldı - Kent Postası</title></head><body>
<div class="x1"><p>Menü</p></div>
<div class="yz-metin"><p>Kitap fuarı 320 yayınevini ağırlıyor.</p><script>reklam()</script><p>Fuar 1 Aralık'a kadar açık.</p></div>
<div class="yz-metin"><p>Giriş ücretsiz.</p></div>
<div class="yorumlar"><p>Harika!</p></div></body></html>`

func TestApplySelector(t *testing.T) {
	x, err := HTML([]byte(selectorPage), "https://kentpostasi.example/fuar", "text/html")
	if err != nil {
		t.Fatal(err)
	}
	got, err := ApplySelector(x, []byte(selectorPage), "text/html", "div.yz-metin")
	if err != nil {
		t.Fatal(err)
	}
	want := "Kitap fuarı 320 yayınevini ağırlıyor.\n\nFuar 1 Aralık'a kadar açık.\n\nGiriş ücretsiz."
	if got.Text != want {
		t.Errorf("text = %q, want %q", got.Text, want)
	}
	if strings.Contains(got.HTML, "reklam") || strings.Contains(got.HTML, "<script") || !strings.Contains(got.HTML, "<p>Giriş ücretsiz.</p>") {
		t.Errorf("html = %q", got.HTML)
	}
	if got.Title != x.Title {
		t.Errorf("metadata changed: %q", got.Title)
	}
	same, err := ApplySelector(x, []byte(selectorPage), "text/html", "article.yok")
	if err != nil || same.Text != x.Text {
		t.Errorf("a selector matching nothing must keep the extractor's body: %v %q", err, same.Text)
	}
	if _, err := ApplySelector(x, []byte(selectorPage), "text/html", "div[["); err == nil {
		t.Error("invalid selector accepted")
	}
}
