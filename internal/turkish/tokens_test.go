package turkish

import (
	"reflect"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"İstanbul'da ILIK hava!", []string{"İstanbul'da", "ILIK", "hava"}},
		{"Ankara’ya gitti, 'tamam' dedi.", []string{"Ankara’ya", "gitti", "tamam", "dedi"}},
		{"Enflasyon %3.5 oldu; 1.250.000 kişi, 2,5 milyar", []string{"Enflasyon", "3.5", "oldu", "1.250.000", "kişi", "2,5", "milyar"}},
		{"Hatay-Antakya yolu", []string{"Hatay", "Antakya", "yolu"}},
		{"son. Cümle", []string{"son", "Cümle"}},
		{"x'", []string{"x"}},
		{norm.NFD.String("Şükrü"), []string{norm.NFD.String("Şükrü")}},
		{"COVID-19 aşısı", []string{"COVID", "19", "aşısı"}},
		{"   ", nil},
	}
	for _, tt := range tests {
		if got := Tokenize(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIsStopWord(t *testing.T) {
	for _, w := range []string{"ve", "bir", "bu", "da", "de", "ile", "için", "ama", "gibi", "the", "and", "of"} {
		if !IsStopWord(w) {
			t.Errorf("IsStopWord(%q) = false", w)
		}
	}
	for _, w := range []string{"istanbul", "deprem", "seçim", "on", "news", "", "Ve"} {
		if IsStopWord(w) {
			t.Errorf("IsStopWord(%q) = true", w)
		}
	}
}
