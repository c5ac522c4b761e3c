package turkish

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestLowerUpper(t *testing.T) {
	tests := []struct{ in, lower, upper string }{
		{"İSTANBUL", "istanbul", "İSTANBUL"},
		{"ILIK", "ılık", "ILIK"},
		{"Işık", "ışık", "IŞIK"},
		{"istanbul", "istanbul", "İSTANBUL"},
		{"ığdır", "ığdır", "IĞDIR"},
		{"ÇİĞDEM ÖZÜ", "çiğdem özü", "ÇİĞDEM ÖZÜ"},
		{"I\u0307stanbul", "istanbul", "İSTANBUL"}, // NFD "İ"
		{"i\u0307stanbul", "istanbul", "İSTANBUL"}, // strings.ToLower("İstanbul")
		{"", "", ""},
		{"NATO 2024", "nato 2024", "NATO 2024"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Lower(tt.in); got != tt.lower {
				t.Errorf("Lower(%q) = %q, want %q", tt.in, got, tt.lower)
			}
			if got := Upper(tt.in); got != tt.upper {
				t.Errorf("Upper(%q) = %q, want %q", tt.in, got, tt.upper)
			}
		})
	}
}

func TestLowerUpperRoundTrip(t *testing.T) {
	for _, w := range []string{"ılık", "istanbul", "şişli", "ağrı", "ıspanak", "iğne", "öğütülmüş"} {
		if got := Lower(Upper(w)); got != w {
			t.Errorf("Lower(Upper(%q)) = %q", w, got)
		}
	}
	for _, w := range []string{"ILIK", "İSTANBUL", "ŞİŞLİ", "AĞRI", "IĞDIR"} {
		if got := Upper(Lower(w)); got != w {
			t.Errorf("Upper(Lower(%q)) = %q", w, got)
		}
	}
}

func TestFold(t *testing.T) {
	same := []string{"isik", "IŞIK", "Işık", "ışık", "ISIK", "işik", "I\u0307şık",
		strings.ToLower("IŞIK"), norm.NFD.String("Işık"), "i\u0307s\u0327ik"}
	for _, s := range same {
		if got := Fold(s); got != "isik" {
			t.Errorf("Fold(%q) = %q, want %q", s, got, "isik")
		}
	}
	tests := []struct{ in, want string }{
		{"İstanbul'da ÇOK GÜZEL", "istanbul'da cok guzel"},
		{"Ağustos Öğle", "agustos ogle"},
		{norm.NFD.String("Şükrü Gönül Çağ"), "sukru gonul cag"},
		{"Hâkim kâğıt", "hakim kagit"},
		{"Mañana Straße", "manana strasse"},
		{"ﬁnal Łódź", "final lodz"},
		{"Москва", "москва"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTitle(t *testing.T) {
	tests := []struct{ in, want string }{
		{"istanbul'da ılık", "İstanbul'da Ilık"},
		{"İSTANBUL'DA ILIK HAVA", "İstanbul'da Ilık Hava"},
		{"ankara’ya gitti", "Ankara’ya Gitti"},
		{"hatay-antakya yolu", "Hatay-Antakya Yolu"},
		{"ışık (ikinci) çağ", "Işık (İkinci) Çağ"},
		{"2. dünya savaşı", "2. Dünya Savaşı"},
		{"15inci yıl", "15inci Yıl"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Title(tt.in); got != tt.want {
			t.Errorf("Title(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
