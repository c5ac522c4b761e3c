package feed

import (
	"reflect"
	"testing"
)

func TestDiscoverLinks(t *testing.T) {
	const page = `<!doctype html><html><head><title>Gündem</title></head><body>
<nav><a href="/">Ana Sayfa</a> <a href="/gundem">Gündem</a> <a href="/giris">Giriş</a> <a href="mailto:ihbar@haber.example">İhbar</a></nav>
<a href="/gundem/istanbulda-yagmur-bekleniyor">İstanbul'da yağmur</a>
<a href="/haber-987654">Kısa yol</a>
<a href="/son-dakika-deprem-mi-oldu">Deprem mi oldu?</a>
<a href="/gundem/istanbulda-yagmur-bekleniyor#yorumlar">Yorumlar</a>
<a href="https://www.haber.example/ekonomi/dolar-rekor?utm=x">Dolar</a>
<a href="/etiket/secim">#seçim</a> <a href="/kategori/spor/futbol">Futbol</a>
<a href="/yazar/ayse-yilmaz/yazilar">Ayşe Yılmaz</a> <a href="/gundem/page/2">Sonraki</a>
<a href="/gundem?page=3">3</a> <a href="#top">Yukarı</a> <a href="javascript:void(0)">x</a>
<a href="https://baska.example/dunya/haber-1">Başka site</a>
<a href="/uploads/2024/foto.jpg">Foto</a>
<a href="/hakkinda">Hakkında</a>
<a HREF=" /dunya/abd-secimleri-2024 ">ABD</a>
</body></html>`
	got := DiscoverLinks([]byte(page), "https://haber.example/gundem")
	want := []string{
		"https://haber.example/gundem/istanbulda-yagmur-bekleniyor",
		"https://haber.example/haber-987654",
		"https://haber.example/son-dakika-deprem-mi-oldu",
		"https://www.haber.example/ekonomi/dolar-rekor?utm=x",
		"https://haber.example/dunya/abd-secimleri-2024",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestDiscoverLinksBaseTag(t *testing.T) {
	page := `<html><head><base href="https://haber.example/arsiv/"></head><body><a href="2024/haber-basligi">x</a></body></html>`
	got := DiscoverLinks([]byte(page), "https://haber.example/")
	want := []string{"https://haber.example/arsiv/2024/haber-basligi"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestDiscoverLinksBadPageURL(t *testing.T) {
	if got := DiscoverLinks([]byte(`<a href="/a/b">x</a>`), "not a url"); got != nil {
		t.Errorf("got %q for a page without a host", got)
	}
}
