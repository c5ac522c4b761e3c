package turkish

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

func TestNormalizeTokens(t *testing.T) {
	tests := []struct{ in, like string }{
		{"İSTANBUL'DA IŞIK", "istanbul isik"},
		{"Ilık bir anlaşmanın", "ılık bir anlaşma"},
		{"  ", ""},
	}
	for _, tt := range tests {
		got, want := NormalizeTokens(tt.in), NormalizeTokens(tt.like)
		if !slices.Equal(got, want) {
			t.Errorf("NormalizeTokens(%q) = %q, want %q", tt.in, got, want)
		}
	}
	if got := NormalizeTokens("Işık"); len(got) != 1 || strings.ContainsAny(got[0], "ışIŞ") {
		t.Errorf("terms must be folded ASCII, got %q", got)
	}
}

func TestNormalizeContentTokens(t *testing.T) {
	got := NormalizeContentTokens("Bu anlaşma ve İstanbul için çok önemli")
	want := []string{Stem("anlaşma"), Stem("İstanbul"), Stem("önemli")}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestNormalizeText(t *testing.T) {
	doc := NormalizeText("Valilik, İstanbul'da ılık ve IŞIK dolu bir hafta bekleniyor dedi.")
	for _, query := range []string{"istanbul", "ILIK", "Ilık", "isik"} {
		for _, term := range NormalizeTokens(query) {
			if !slices.Contains(strings.Fields(doc), term) {
				t.Errorf("query %q term %q not in %q", query, term, doc)
			}
		}
	}
	if strings.Contains(doc, "  ") || strings.ContainsAny(doc, ",.'") {
		t.Errorf("NormalizeText must be single-spaced terms, got %q", doc)
	}
}

// FuzzNormalizeTokens checks that terms are non-empty, have no capitals,
// white space or apostrophes, and that NormalizeText joins them.
func FuzzNormalizeTokens(f *testing.F) {
	for _, s := range []string{"İstanbul'da IŞIK", "Ilık anlaşmanın", "I\u0307stanbul", "3.5 milyon ’ ' x'y", "\ufeffŞ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		terms := NormalizeTokens(s)
		for _, term := range terms {
			if term == "" || strings.ContainsAny(term, " \t\n'’") || strings.IndexFunc(term, hasLower) >= 0 {
				t.Fatalf("NormalizeTokens(%q) gave term %q", s, term)
			}
		}
		if got := NormalizeText(s); got != strings.Join(terms, " ") {
			t.Fatalf("NormalizeText(%q) = %q, want the joined terms", s, got)
		}
	})
}

// hasLower reports whether r is a capital with a lowercase form.
func hasLower(r rune) bool { return unicode.IsUpper(r) && unicode.ToLower(r) != r }
