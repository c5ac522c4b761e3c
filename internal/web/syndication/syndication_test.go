package syndication

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// istanbul is Türkiye's fixed +03:00 offset, the zone most article dates carry.
var istanbul = time.FixedZone("TRT", 3*60*60)

var (
	pubKar    = time.Date(2025, 3, 14, 9, 30, 0, 0, istanbul)
	pubBorsa  = time.Date(2025, 3, 13, 18, 5, 0, 0, istanbul)
	buildTime = time.Date(2025, 3, 14, 12, 0, 0, 0, istanbul)
)

const (
	titleKar    = "İstanbul'da kar yağışı: Şişli ve Göztepe'de ulaşım aksadı"
	titleScript = `<script>alert("x")</script> & "Ölçüm" sonuçları`
	titleBorsa  = "Borsa güne yükselişle başladı; ığdır, ÇĞİÖŞÜ"
)

func sampleChannel() Channel {
	return Channel{
		Title:       "Manşet",
		Link:        "https://manset.example/",
		FeedURL:     "https://manset.example/rss.xml",
		Description: "Türkiye ve dünyadan son haberler",
		Language:    "tr",
		Updated:     buildTime,
	}
}

// sampleItems covers a fully described article, an undated one whose fields
// hold markup and control characters, and one with invalid UTF-8.
func sampleItems() []Item {
	kar, borsa := pubKar, pubBorsa
	return []Item{{
		ID:          "https://manset.example/haber/istanbulda-kar-yagisi",
		Title:       titleKar,
		Link:        "https://manset.example/haber/istanbulda-kar-yagisi",
		Summary:     "Sabah saatlerinde başlayan kar yağışı trafiği durma noktasına getirdi.",
		ContentHTML: "<p>Kar <b>yağışı</b> sürüyor. ]]> sonrası</p>\r\n<p>İkinci paragraf.</p>",
		Author:      "Ayşe Çağlar",
		Category:    "Gündem",
		Image:       "https://manset.example/img/kar.jpg",
		Published:   &kar,
		Updated:     kar.Add(2 * time.Hour),
	}, {
		ID:      "42",
		Title:   titleScript,
		Link:    "https://manset.example/haber/olcum-sonuclari?kaynak=a&b=c",
		Summary: "Özet\x00\x07 metni\x1b",
	}, {
		ID:        "43",
		Title:     titleBorsa + "\uFFFE\xff",
		Link:      "https://manset.example/haber/borsa-gune-yukselisle-basladi",
		Summary:   "BIST 100 endeksi\v günü artıda açtı.",
		Author:    "Mehmet Öztürk",
		Category:  "Ekonomi",
		Image:     "https://manset.example/img/borsa.png?w=800",
		Published: &borsa,
	}}
}

// checkGolden compares got with testdata/name, rewriting it under -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run go test -update): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from golden file; got:\n%s", name, got)
	}
}

func TestClean(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"Turkish kept", "İĞÜŞÖÇ ığüşöç", "İĞÜŞÖÇ ığüşöç"},
		{"whitespace kept", "a\tb\nc\rd", "a\tb\nc\rd"},
		{"controls removed", "a\x00b\x01c\x1fd\x7fe\u0085f", "abcdef"},
		{"invalid UTF-8 removed", "ba\xffş\xc3", "baş"},
		{"non-characters removed", "x\uFFFEy\uFFFFz", "xyz"},
		{"astral kept", "haber 📰", "haber 📰"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := clean(tt.in)
			if got != tt.want {
				t.Errorf("clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if !utf8.ValidString(got) {
				t.Errorf("clean(%q) is not valid UTF-8", tt.in)
			}
		})
	}
}

func TestImageType(t *testing.T) {
	tests := map[string]string{
		"https://x/a.JPG":       "image/jpeg",
		"https://x/a.png?w=800": "image/png",
		"https://x/a.webp#f":    "image/webp",
		"https://x/gorsel":      "image/jpeg",
	}
	for in, want := range tests {
		if got := imageType(in); got != want {
			t.Errorf("imageType(%q) = %q, want %q", in, got, want)
		}
	}
}
