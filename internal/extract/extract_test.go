package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"manset/internal/news"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/pages")

// pageCase is one handwritten page of an imaginary Turkish news site.
type pageCase struct {
	file, url, contentType string

	title, site, author, category, lang string
	canonical, image                    string
	breadcrumb                          []string
	published, modified                 string // RFC 3339 or ""
	paragraphs                          []string
	chrome                              []string // texts that must not be in the body
}

var pageCases = []pageCase{
	{
		file: "dogu-1254.html", url: "https://doguekspres.example/gundem/kar-yagisi-43-koy-yolunu-kapatti-1234",
		title: "Kar yağışı 43 köy yolunu kapattı", site: "Doğu Ekspres", author: "Kemal Doğan",
		category: "Gündem", lang: "tr", published: "2024-01-15T08:30:00+03:00",
		canonical: "https://doguekspres.example/gundem/kar-yagisi-43-koy-yolunu-kapatti-1234",
		paragraphs: []string{
			"Kuzeydoğu Anadolu'da gece boyunca", "İl Özel İdaresi'nden yapılan",
			"Meteoroloji Genel Müdürlüğü", "Okulların bir gün süreyle",
		},
		chrome: []string{"Paylaş", "Reklam Alanı", "Son Dakika", "Otoyolda", "İlgili Haberler", "Kayak merkezinde", "Yorum Yap", "Tüm hakları", "Ana Sayfa", "#KışTatili"},
	},
	{
		file: "ege-8859-9.html", url: "https://egesesi.example/kultur/eski-konserve-fabrikasi",
		title: "Eski konserve fabrikası kültür merkezi oluyor", site: "Ege Sesi", author: "Deniz Kaya",
		category: "Kültür-Sanat", lang: "tr", published: "2023-12-05T14:20:00+03:00",
		image: "https://egesesi.example/resim/fabrika.jpg",
		paragraphs: []string{
			"Ege kıyısındaki küçük balıkçı kasabası Çamlıkaya'da", "Belediye Başkanı Gülşen Öztürk",
			"Fabrikada yıllarca çalışmış olan 74 yaşındaki İsmail Şahin", "Projenin toplam maliyetinin",
		},
		chrome: []string{"çerez", "Devamı için tıklayın", "Beğendim", "Alkışlıyorum", "En Çok Okunanlar", "liman projesi", "Künye", "Haber: Deniz Kaya"},
	},
	{
		file: "bilim-graph.html", url: "https://bilimpostasi.example/haberler/cevre/marmara-salya",
		title: "Marmara'da salya uyarısı: oksijen hızla düşüyor", site: "Bilim Postası",
		author: "Selin Arslan, Murat Koç", category: "Çevre", lang: "tr",
		breadcrumb: []string{"Haberler", "Çevre"},
		published:  "2024-03-02T09:15:00+03:00", modified: "2024-03-02T11:40:00+03:00",
		image: "https://bilimpostasi.example/img/marmara.jpg",
		paragraphs: []string{
			"Bilim insanları, Marmara Denizi'nde", "Çalışmayı yürüten ekibin başındaki Doç. Dr. Ayşe Yıldırım",
			"Ekip, 42 ayrı noktadan", "Araştırmacılar, önümüzdeki yaz aylarında",
		},
		chrome: []string{"Giriş Yap", "Abone Ol", "Paylaş", "Tweetle", "Yorumlar", "okur34", "Balıkçılar olarak", "02.03.2024 09:15"},
	},
	{
		file: "spor-time.html", url: "https://sporhatti.example/futbol/yesilvadi-spor-deplasmanda-kazandi",
		title: "Yeşilvadi Spor deplasmanda kazandı", site: "Spor Hattı", category: "Futbol", lang: "tr",
		published: "2024-11-10T21:05:00+03:00",
		paragraphs: []string{
			"Anadolu Ligi'nin 12. haftasında", "İkinci yarının hemen başında",
			"Ev sahibi takım 78. dakikada", "Teknik direktör Cengiz Ulusoy",
		},
		chrome: []string{"Bunlar da ilginizi", "istifa etti", "Bültenimize", "e-posta kutunuzda", "Son Dakika", "Milli takımın", "Künye", "Basketbol", "Yayınlanma"},
	},
	{
		file: "carsi-glued.html", url: "https://kenthaber.example/yerel/tarihi-carsi",
		title: "Tarihi çarşı yeniden açılıyor", lang: "tr", category: "Yerel",
		published: "2024-11-01T10:02:00+03:00", modified: "2024-11-01T13:17:00+03:00",
		paragraphs: []string{
			"Büyükşehir Belediyesi, kent merkezindeki", "Restorasyon sürecinde 19. yüzyıldan",
			"Çarşıdaki 112 dükkânın esnafı", "Belediye, açılış günü çarşıda",
		},
		chrome: []string{"Beğendim", "Dikkatimi Çekti", "Yorum yazın", "Reklam", "Foto Galeri", "Güncelleme"},
	},
}

func TestHTMLPages(t *testing.T) {
	for _, tc := range pageCases {
		t.Run(tc.file, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("testdata", "pages", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			got, err := Page(raw, tc.url, tc.contentType)
			if err != nil {
				t.Fatalf("Page: %v", err)
			}
			checkBody(t, tc, got)
			checkMeta(t, tc, got)
			checkGolden(t, strings.TrimSuffix(tc.file, ".html")+".golden.json", got)
		})
	}
}

// checkBody asserts that every paragraph is there, whole and in order, one
// per paragraph, and that no chrome leaked in.
func checkBody(t *testing.T, tc pageCase, got news.Extracted) {
	t.Helper()
	paras := strings.Split(got.Text, "\n\n")
	if len(paras) != len(tc.paragraphs) {
		t.Errorf("got %d paragraphs, want %d:\n%s", len(paras), len(tc.paragraphs), got.Text)
	}
	for i, want := range tc.paragraphs {
		if i < len(paras) && !strings.HasPrefix(paras[i], want) {
			t.Errorf("paragraph %d = %q, want it to start with %q", i, paras[i], want)
		}
		if i < len(paras) && !endsSentence(paras[i]) {
			t.Errorf("paragraph %d is cut short: %q", i, paras[i])
		}
	}
	for _, c := range tc.chrome {
		if strings.Contains(got.Text, c) || strings.Contains(got.HTML, c) {
			t.Errorf("page chrome %q leaked into the body:\n%s", c, got.Text)
		}
	}
	if !strings.Contains(got.HTML, "<p>"+tc.paragraphs[0][:10]) {
		t.Errorf("HTML does not start its paragraphs with <p>: %s", got.HTML)
	}
}

func checkMeta(t *testing.T, tc pageCase, got news.Extracted) {
	t.Helper()
	eq := func(field, got, want string) {
		if got != want {
			t.Errorf("%s = %q, want %q", field, got, want)
		}
	}
	eq("title", got.Title, tc.title)
	eq("site_name", got.SiteName, tc.site)
	eq("author", got.Author, tc.author)
	eq("category", got.Category, tc.category)
	eq("lang", got.Lang, tc.lang)
	eq("published_at", timeString(got.PublishedAt), tc.published)
	eq("modified_at", timeString(got.ModifiedAt), tc.modified)
	eq("url", got.URL, tc.url)
	if tc.canonical != "" {
		eq("canonical_url", got.CanonicalURL, tc.canonical)
	}
	if tc.image != "" {
		eq("image", got.Image, tc.image)
	}
	if tc.breadcrumb != nil {
		eq("breadcrumb", strings.Join(got.Breadcrumb, " › "), strings.Join(tc.breadcrumb, " › "))
	}
}

func timeString(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format(time.RFC3339)
}

// checkGolden compares the whole extraction with a golden file, so that a
// change in any field shows up in review; -update rewrites it.
func checkGolden(t *testing.T, name string, got news.Extracted) {
	t.Helper()
	path := filepath.Join("testdata", "pages", name)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(got); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	if *update {
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != string(b) {
		t.Errorf("%s differs from the extraction; got:\n%s", path, b)
	}
}
