package textdump

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"manset/internal/turkish"
)

// demoDumps are the text dumps the demo imports, read from the demo package
// (read-only here). Each row was written by hand from reading the file:
// the dates are those the page shows; spot is the lead line shown above the
// dates or share bar, which must be the summary and not be repeated in the
// text.
var demoDumps = []struct {
	file, title, category string
	published, modified   string // RFC 3339, "" when the page shows none
	spot                  string // prefix of the spot, "" when the page has none
	paras                 int
	last                  string // prefix of the last paragraph
}{
	{"anadolu-dijital-drone.txt", "Kocaeli'de dron ile ilaç teslimatı denemesi başarıyla tamamlandı", "Teknoloji",
		"2026-11-18T16:34:00+03:00", "", "Kocaeli'de bir hastaneden 14 kilometre", 4, "İl sağlık yetkilileri"},
	{"bosphorus-post-liman.txt", "Liman grevi ihracatçıyı yola düşürdü: yükler İskenderun ve İzmir'e kayıyor", "Ekonomi",
		"2026-11-21T16:05:00+03:00", "2026-11-21T19:30:00+03:00", "Mersin'deki konteyner terminalinde", 5, "Taraflar pazartesi"},
	{"bursa-kent-karagoz.txt", "Karagöz Festivali'nde 14 ülkeden gölge oyunu ustaları buluştu", "Kültür-Sanat",
		"", "", "", 5, "Festival kapsamında açılan"},
	{"ege-ekspres-zeytinyagi.txt", "Körfez'de zeytin hasadı sürüyor: rekolte geçen yılın yarısında kaldı", "Ekonomi",
		"2026-11-19T10:42:00+03:00", "2026-11-19T14:18:00+03:00", "", 5, "Zeytinyağı ihracatçıları"},
	{"karadeniz-postasi-dunya.txt", "Japonya'nın kuzeyinde 6,1 büyüklüğünde deprem: tsunami uyarısı kaldırıldı", "Dünya",
		"2026-11-20T06:12:00+03:00", "", "", 6, "Uzmanlar, önümüzdeki"},
	{"karadeniz-postasi-spor.txt", "Karadeniz Gücü, Ege Demirspor'u 3-1 yenerek zirvedeki yerini korudu", "Spor",
		"2026-11-21T21:48:00+03:00", "2026-11-21T23:05:00+03:00", "Ligin 13. haftasında", 6, "Karadeniz Gücü gelecek hafta"},
	{"porsuk-haber-tramvay.txt", "Tramvay hattı uzadı: 6 yeni durak hizmete girdi", "Gündem",
		"2026-11-17T12:20:00+03:00", "2026-11-17T12:55:00+03:00", "", 6, "Belediye, yoğun saatlerde"},
}

// demoCategories are the categories the demo site has.
var demoCategories = []string{"Gündem", "Dünya", "Ekonomi", "Spor", "Teknoloji", "Kültür-Sanat"}

// chromeWords may not appear as words in a title or an article text.
var chromeWords = []string{"Paylaş", "Share", "Reklam", "Advertisement", "Beğendim", "Yorum", "Giriş Yap",
	"Sohbet", "Lorem ipsum", "Tüm hakları saklıdır", "İlgili Haberler", "Related"}

func TestParseDemoDumps(t *testing.T) {
	files, err := filepath.Glob("../../demo/content/dumps/*.txt")
	if err != nil || len(files) != len(demoDumps) {
		t.Fatalf("demo dumps: %d files, table has %d (%v)", len(files), len(demoDumps), err)
	}
	for _, tt := range demoDumps {
		t.Run(strings.TrimSuffix(tt.file, ".txt"), func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("../../demo/content/dumps", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			got, err := Parse(string(raw), "")
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if got.Title != tt.title {
				t.Errorf("title = %q, want %q", got.Title, tt.title)
			}
			if got.Category != tt.category || !slices.Contains(demoCategories, got.Category) {
				t.Errorf("category = %q (breadcrumb %q), want %q", got.Category, got.Breadcrumb, tt.category)
			}
			for _, w := range chromeWords {
				for field, v := range map[string]string{"title": got.Title, "text": got.Text, "summary": got.Summary} {
					if hasWords(v, w) {
						t.Errorf("%s has chrome %q", field, w)
					}
				}
			}
			checkDate(t, "published_at", got.PublishedAt, optional(tt.published))
			checkDate(t, "modified_at", got.ModifiedAt, optional(tt.modified))
			checkDemoBody(t, got.Text, got.Summary, tt.spot, tt.paras, tt.last)
		})
	}
}

// checkDemoBody checks the paragraphs and where the summary comes from: a
// spot is the summary and is not repeated as the first paragraph; without
// one, the summary is the opening of the text.
func checkDemoBody(t *testing.T, text, summary, spot string, n int, last string) {
	t.Helper()
	paras := strings.Split(text, "\n\n")
	if len(paras) != n {
		t.Errorf("%d paragraphs, want %d: %q", len(paras), n, paras)
	}
	if !strings.HasPrefix(paras[len(paras)-1], last) {
		t.Errorf("last paragraph %q, want it to start with %q", paras[len(paras)-1], last)
	}
	switch {
	case spot != "" && !strings.HasPrefix(summary, spot):
		t.Errorf("summary = %q, want the spot %q...", summary, spot)
	case spot != "" && strings.Contains(text, summary):
		t.Errorf("spot %q repeated in the text", summary)
	case spot == "" && (summary == "" || !strings.HasPrefix(text, summary)):
		t.Errorf("summary = %q, want the opening of the text %q", summary, paras[0])
	}
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// hasWords reports whether the folded words of phrase occur in a row among
// the folded words of s: "Paylaş" is found in "Haberi Paylaş" but not in
// "paylaşıldı".
func hasWords(s, phrase string) bool {
	fold := func(x string) []string {
		var out []string
		for _, tok := range turkish.Tokenize(x) {
			out = append(out, turkish.Fold(tok))
		}
		return out
	}
	words, want := fold(s), fold(phrase)
	for i := 0; i+len(want) <= len(words); i++ {
		if slices.Equal(words[i:i+len(want)], want) {
			return true
		}
	}
	return false
}
