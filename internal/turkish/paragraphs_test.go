package turkish

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRepairGlued(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"glued", "Coşkuyla karşılandı.Ertesi gün döndü.", "Coşkuyla karşılandı.\n\nErtesi gün döndü."},
		{"exclaim", "Harika!Sonra sustu?Belki", "Harika!\n\nSonra sustu?\n\nBelki"},
		{"turkish capital", "geldi.İstanbul'a gitti.Şimdi.Çok.Öyle.Ülke", "geldi.\n\nİstanbul'a gitti.\n\nŞimdi.\n\nÇok.\n\nÖyle.\n\nÜlke"},
		{"closing quote", "“Tamam”.Sonra gitti.", "“Tamam”.\n\nSonra gitti."},
		{"quote after stop", "“Geliyorum.”Ama gelmedi. «Tamam!»Sonra", "“Geliyorum.”\n\nAma gelmedi. «Tamam!»\n\nSonra"},
		{"year", "Yıl 2024.Ertesi yıl", "Yıl 2024.\n\nErtesi yıl"},
		{"www", "Adres www.Site.com yayında", "Adres www.Site.com yayında"},
		{"url path", "Bkz. https://x.com/A.B ve http://a.b/c.D", "Bkz. https://x.com/A.B ve http://a.b/c.D"},
		{"email", "Yazın: ali.Veli@Ornek.com", "Yazın: ali.Veli@Ornek.com"},
		{"domain", "Haber.Com ve sabah.COM.TR okunur", "Haber.Com ve sabah.COM.TR okunur"},
		{"titles", "Prof.Dr. Ahmet ve Doç.Dr.Ayşe", "Prof.Dr. Ahmet ve Doç.Dr.Ayşe"},
		{"initials", "A.B.D. ve T.C. ile", "A.B.D. ve T.C. ile"},
		{"decimal", "3.5 ve 1.250.000", "3.5 ve 1.250.000"},
		{"ordinal", "2.Dünya Savaşı ve 3.Köprü", "2.Dünya Savaşı ve 3.Köprü"},
		{"lowercase after", "ornek.com ve a.b.c", "ornek.com ve a.b.c"},
		{"space already", "Bitti. Sonra", "Bitti. Sonra"},
		{"upper before", "ABD.Rusya", "ABD.Rusya"},
		{"vb", "elma vb.Armut", "elma vb.Armut"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := RepairGlued(tt.in); got != tt.want {
				t.Errorf("RepairGlued(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSplitParagraphs(t *testing.T) {
	in := "  İlk paragraf.\n\n\nİkinci satır\r\nüçüncü satır karşılandı.Ertesi gün geldi.\n \n"
	want := []string{"İlk paragraf.", "İkinci satır", "üçüncü satır karşılandı.", "Ertesi gün geldi."}
	if got := SplitParagraphs(in); !reflect.DeepEqual(got, want) {
		t.Errorf("SplitParagraphs\n got %q\nwant %q", got, want)
	}
	if got := SplitParagraphs(" \n\n\t"); got != nil {
		t.Errorf("SplitParagraphs(blank) = %q, want nil", got)
	}
}

func FuzzRepairGlued(f *testing.F) {
	for _, s := range []string{"karşılandı.Ertesi", "www.Site.com", "https://x.com/A.B", "Prof.Dr.Ali",
		"a@b.Com", "2.Dünya", "x”.İ", "3.5", ".A", "a.", "\xffa.B", "ç!Ş?Ö"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := RepairGlued(s)
		// Only "\n\n" may be inserted, always between two non-newlines.
		if strings.ReplaceAll(got, "\n\n", "") != strings.ReplaceAll(s, "\n\n", "") {
			t.Fatalf("RepairGlued(%q) = %q changed more than line breaks", s, got)
		}
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("RepairGlued(%q) = %q is not valid UTF-8", s, got)
		}
		if again := RepairGlued(got); again != got {
			t.Fatalf("RepairGlued not idempotent: %q -> %q", got, again)
		}
	})
}
