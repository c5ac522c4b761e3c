package turkish

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"simple", "Hava güzel. Yarın yağmur var! Ne dersin? Evet.",
			[]string{"Hava güzel.", "Yarın yağmur var!", "Ne dersin?", "Evet."}},
		{"ordinal", "2. Dünya Savaşı 1945'te bitti. Sonra barış geldi.",
			[]string{"2. Dünya Savaşı 1945'te bitti.", "Sonra barış geldi."}},
		{"titles", "Prof. Dr. Ahmet Yılmaz konuştu. Doç. Dr. Ayşe katıldı.",
			[]string{"Prof. Dr. Ahmet Yılmaz konuştu.", "Doç. Dr. Ayşe katıldı."}},
		{"vb vs", "Elma, armut vb. meyveler. Kalem, defter vs. Kitaplar da var.",
			[]string{"Elma, armut vb. meyveler.", "Kalem, defter vs. Kitaplar da var."}},
		{"number sign", "Kanun No. 5237 yürürlükte. Madde açık.",
			[]string{"Kanun No. 5237 yürürlükte.", "Madde açık."}},
		{"decimals", "Enflasyon 3.5 puan arttı. Nüfus 1.250.000 oldu.",
			[]string{"Enflasyon 3.5 puan arttı.", "Nüfus 1.250.000 oldu."}},
		{"url", "Ayrıntılar https://www.haber.com.tr/A.B/x.html adresinde. Okuyun.",
			[]string{"Ayrıntılar https://www.haber.com.tr/A.B/x.html adresinde.", "Okuyun."}},
		{"domain", "Site www.Haber.com yayında. Açıldı.",
			[]string{"Site www.Haber.com yayında.", "Açıldı."}},
		{"domain at end", "Detaylar www.haber.com. Sonra bitti.",
			[]string{"Detaylar www.haber.com.", "Sonra bitti."}},
		{"email", "Bize ahmet.yilmaz@ornek.com.tr adresinden yazın. Teşekkürler.",
			[]string{"Bize ahmet.yilmaz@ornek.com.tr adresinden yazın.", "Teşekkürler."}},
		{"initial", "Açıklamayı A. Yılmaz yaptı. M. K. Atatürk anıldı.",
			[]string{"Açıklamayı A. Yılmaz yaptı.", "M. K. Atatürk anıldı."}},
		{"ordinal day", "Grevin 1. gününde sessizlik vardı. 3. Köprü açıldı.",
			[]string{"Grevin 1. gününde sessizlik vardı.", "3. Köprü açıldı."}},
		{"glued", "Astronom ve bilgin.Tam adı Musa'dır.İlk eğitimini Musul).Sonra gitti.",
			[]string{"Astronom ve bilgin.", "Tam adı Musa'dır.", "İlk eğitimini Musul).", "Sonra gitti."}},
		{"glued look-alikes", "Hz.Muhammed'i M.Sc.Dr. unvanı ve Haber.Com'da www.Site.com ile a@b.Com anlattı.",
			[]string{"Hz.Muhammed'i M.Sc.Dr. unvanı ve Haber.Com'da www.Site.com ile a@b.Com anlattı."}},
		{"year ends sentence", "Karar 2024. Ertesi yıl değişti.",
			[]string{"Karar 2024.", "Ertesi yıl değişti."}},
		{"quotes", `"Geldim." dedi. "Gidiyorum." Sonra kapı kapandı.`,
			[]string{`"Geldim." dedi.`, `"Gidiyorum."`, "Sonra kapı kapandı."}},
		{"quoted exclamation", `"Dur!" dedi polis. "Kimsin?" Yanıt gelmedi.`,
			[]string{`"Dur!" dedi polis.`, `"Kimsin?"`, "Yanıt gelmedi."}},
		{"typographic quotes", "“Bitti.” Herkes sustu.", []string{"“Bitti.”", "Herkes sustu."}},
		{"ellipsis", "Bekledik… Sonra geldi... Ve gitti.", []string{"Bekledik…", "Sonra geldi...", "Ve gitti."}},
		{"lowercase after dot", "Saat 10. sırada bekledi. Sonra çıktı.",
			[]string{"Saat 10. sırada bekledi.", "Sonra çıktı."}},
		{"abbreviated company", "Acme A.Ş. Genel Müdürü konuştu. Şti. kuruldu.",
			[]string{"Acme A.Ş. Genel Müdürü konuştu.", "Şti. kuruldu."}},
		{"newline", "Başlık\nMetin burada. Son", []string{"Başlık", "Metin burada.", "Son"}},
		{"questions", "Ne?! Gerçekten mi?", []string{"Ne?!", "Gerçekten mi?"}},
		{"no terminator", "bitmemiş cümle", []string{"bitmemiş cümle"}},
		{"empty", "  \n ", nil},
		{"dotted date", "Toplantı 01.11.2024 tarihinde yapıldı. Katılım yüksekti.",
			[]string{"Toplantı 01.11.2024 tarihinde yapıldı.", "Katılım yüksekti."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SplitSentences(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("SplitSentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// withoutSpace drops white space, the only thing splitting may remove. It
// keeps invalid bytes as they are, so that pieces of a broken rune joined
// again compare equal to the original.
func withoutSpace(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func FuzzSplitSentences(f *testing.F) {
	for _, s := range []string{"Hava güzel. Yarın yağmur var!", "Prof. Dr. Ahmet", "2. Dünya Savaşı",
		"3.5 ve 1.250.000", "www.Site.com. A", "“Bitti.” Herkes", "a.\n\nB", "…", "A. B. C.", "x.\u00a0Y",
		"\xff. A", ". . .", "?!?! A"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := SplitSentences(s)
		for _, sent := range got {
			if sent == "" || strings.TrimSpace(sent) != sent {
				t.Fatalf("untrimmed or empty sentence %q", sent)
			}
			if utf8.ValidString(s) && !utf8.ValidString(sent) {
				t.Fatalf("invalid UTF-8 in %q", sent)
			}
		}
		if joined, want := withoutSpace(strings.Join(got, "")), withoutSpace(s); joined != want {
			t.Fatalf("SplitSentences(%q) lost or added text: %q", s, got)
		}
	})
}

func BenchmarkSplitSentences(b *testing.B) {
	text := strings.Repeat("2. Dünya Savaşı'nda Prof. Dr. Ahmet Yılmaz 3.5 milyon kişiyi anlattı. "+
		"Ayrıntılar www.haber.com.tr adresinde! Ne dersiniz? A. Yılmaz vb. isimler de konuştu. ", 50)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		SplitSentences(text)
	}
}
