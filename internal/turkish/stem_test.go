package turkish

import "testing"

func TestStemMeets(t *testing.T) {
	groups := [][]string{
		{"istanbul", "İSTANBUL", "İstanbul'da", "İstanbul’dan", "Istanbul"},
		{"ılık", "ILIK", "Ilık", "ilik"},
		{"isik", "IŞIK", "ışık", "Işık"},
		{"anlaşmanın", "anlaşma", "ANLAŞMA", "anlasma"},
		{"kitapları", "kitap", "Kitap'ta"},
		// loanwords whose endings break vowel harmony
		{"gol", "goller", "golle", "golde", "GOLLER"},
		{"saat", "saatler", "saatte", "saatlerde", "saatle"},
		{"kalp", "kalpler"},
		{"rol", "roller"},
		{"hal", "halde"},
	}
	for _, g := range groups {
		want := Stem(g[0])
		if want == "" {
			t.Fatalf("Stem(%q) is empty", g[0])
		}
		for _, w := range g[1:] {
			if got := Stem(w); got != want {
				t.Errorf("Stem(%q) = %q, want %q like Stem(%q)", w, got, want, g[0])
			}
		}
	}
}

func TestStemKeepsApart(t *testing.T) {
	pairs := [][2]string{{"kitap", "kalem"}, {"ankara", "antalya"}, {"2023", "2024"},
		{"kale", "kal"}, {"kanada", "kana"}}
	for _, p := range pairs {
		if Stem(p[0]) == Stem(p[1]) {
			t.Errorf("Stem(%q) == Stem(%q) == %q", p[0], p[1], Stem(p[0]))
		}
	}
}

func TestStemForms(t *testing.T) {
	for _, w := range []string{"anlaşmanın", "İstanbul'da", "1.250.000", "Gözlükçülük", ""} {
		stem, sb := StemForms(w)
		if stem != Stem(w) || sb != StemSnowball(w) {
			t.Errorf("StemForms(%q) = %q, %q; want %q, %q", w, stem, sb, Stem(w), StemSnowball(w))
		}
	}
	if got := StemPrefix("Gözlükçülük", 4); got != "gozl" {
		t.Errorf("StemPrefix = %q, want gozl", got)
	}
	if got := Stem("1.250.000"); got != "1.250.000" {
		t.Errorf("numbers must stay whole, got %q", got)
	}
}
