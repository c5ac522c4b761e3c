package turkish

import (
	"strings"
	"testing"
)

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Yoldaş Putin'den …", "yoldas-putinden"},
		{"Yoldaş Putin'den Erdoğan'a mesaj", "yoldas-putinden-erdogana-mesaj"},
		{"İSTANBUL'DA ILIK HAVA", "istanbulda-ilik-hava"},
		{"Ankara’ya 2.5 milyon TL", "ankaraya-2-5-milyon-tl"},
		{"  --Çiğdem  &  Şükrü!!  ", "cigdem-sukru"},
		{"Hâkim kâğıdı", "hakim-kagidi"},
		{"Москва", ""},
		{"!!!", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Slugify(tt.in); got != tt.want {
			t.Errorf("Slugify(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSlugifyLong(t *testing.T) {
	title := strings.Repeat("Çok uzun başlık ", 20)
	got := Slugify(title)
	if len(got) > MaxSlugLen {
		t.Fatalf("len = %d > %d: %q", len(got), MaxSlugLen, got)
	}
	if !strings.HasPrefix(got, "cok-uzun-baslik-cok") || strings.HasSuffix(got, "-") {
		t.Errorf("Slugify(long) = %q", got)
	}
	// The cut falls between words, never inside one.
	for _, w := range strings.Split(got, "-") {
		if w != "cok" && w != "uzun" && w != "baslik" {
			t.Errorf("word %q cut in %q", w, got)
		}
	}
}

func FuzzSlugify(f *testing.F) {
	for _, s := range []string{"Yoldaş Putin'den …", "İSTANBUL", "a--b", "'-'", strings.Repeat("ab ", 40),
		strings.Repeat("x", 100), "I\u0307\u0307", "ﬁ²"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Slugify(s)
		if len(got) > MaxSlugLen {
			t.Fatalf("Slugify(%q) too long: %d", s, len(got))
		}
		if strings.HasPrefix(got, "-") || strings.HasSuffix(got, "-") || strings.Contains(got, "--") {
			t.Fatalf("Slugify(%q) = %q has stray dashes", s, got)
		}
		for _, c := range []byte(got) {
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
				t.Fatalf("Slugify(%q) = %q contains %q", s, got, c)
			}
		}
		if Slugify(got) != got {
			t.Fatalf("Slugify not idempotent on %q", got)
		}
	})
}
