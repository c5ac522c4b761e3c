package extract

import (
	"strings"
	"testing"
)

// subheadPage is a plain article with a subheading between paragraphs:
// the block model must keep the subheading and every paragraph, and
// leave out the title, menu and footer.
const subheadPage = `<html><head><title>Barajlarda doluluk yüzde 60'ı geçti</title></head><body>
<nav><a href="/">Ana Sayfa</a> <a href="/gundem">Gündem</a></nav>
<div class="wrap"><h1>Barajlarda doluluk yüzde 60'ı geçti</h1>
<div class="entry"><p>Kentin içme suyunu sağlayan barajlarda doluluk oranı, son iki haftadır aralıksız süren yağışların ardından yüzde 60'ın üzerine çıktı. Yetkililer, geçen yılın aynı dönemine göre belirgin bir artış olduğunu söyledi.</p>
<p>Su ve kanalizasyon idaresinden yapılan açıklamada, en büyük barajdaki doluluğun yüzde 72'ye ulaştığı, küçük barajlarda ise oranın yüzde 45 ile 55 arasında değiştiği belirtildi.</p>
<h2>Tasarruf çağrısı sürüyor</h2>
<p>İdare, doluluk artsa da yaz aylarında yaşanabilecek kuraklığa karşı vatandaşların su tasarrufuna devam etmesi gerektiğini vurguladı. Bahçe sulamasının akşam saatlerinde yapılması önerildi.</p>
<p>Uzmanlar ise yeraltı sularının yeniden dolmasının yıllar alabileceğini, bu nedenle tek bir yağışlı dönemin kuraklık riskini ortadan kaldırmadığını hatırlattı.</p></div>
</div>
<footer>Tüm hakları saklıdır.</footer></body></html>`

func TestModelKeepsSubheadingAndParagraphs(t *testing.T) {
	got, err := HTML([]byte(subheadPage), "https://kent.example/gundem/baraj", "text/html; charset=utf-8")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Kentin içme suyunu", "Su ve kanalizasyon", "Tasarruf çağrısı sürüyor", "İdare, doluluk artsa da", "Uzmanlar ise"} {
		if !strings.Contains(got.Text, want) {
			t.Errorf("article text lost %q:\n%s", want, got.Text)
		}
	}
	if paras := strings.Split(got.Text, "\n\n"); len(paras) != 5 {
		t.Errorf("got %d paragraphs, want 5:\n%s", len(paras), got.Text)
	}
	for _, chrome := range []string{"Ana Sayfa", "Tüm hakları", "Barajlarda doluluk"} {
		if strings.Contains(got.Text, chrome) {
			t.Errorf("chrome %q leaked into the text:\n%s", chrome, got.Text)
		}
	}
}

func TestVetoedLinesStayOut(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Reklam Alanı", true},
		{"<img src=x>", true},
		{"Bakanlık, reklam yasağının kapsamını genişleten yönetmeliği yayımladı.", false},
		{"Tasarruf çağrısı sürüyor", false},
	} {
		b := block{text: tt.text, runes: len([]rune(tt.text))}
		if got := vetoed(&b); got != tt.want {
			t.Errorf("vetoed(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
