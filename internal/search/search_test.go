package search_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"manset/internal/news"
	"manset/internal/search"
	"manset/internal/store/sqlite"
)

// now is the fixed clock of these tests.
var now = time.Date(2025, 5, 1, 12, 0, 0, 0, time.UTC)

type fixture struct {
	t   *testing.T
	db  *sqlite.DB
	svc *search.Service
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	db, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "manset.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return &fixture{t: t, db: db, svc: search.New(db, search.Options{Now: func() time.Time { return now }})}
}

// add stores a published article written hoursAgo before now.
func (f *fixture) add(title, body string, hoursAgo int, opts ...func(*news.Article)) news.Article {
	f.t.Helper()
	pub := now.Add(-time.Duration(hoursAgo) * time.Hour)
	a := news.Article{Title: title, BodyText: body, Status: news.StatusPublished, PublishedAt: &pub}
	for _, o := range opts {
		o(&a)
	}
	if err := f.db.CreateArticle(f.t.Context(), &a); err != nil {
		f.t.Fatal(err)
	}
	return a
}

func (f *fixture) search(q string) search.Result {
	f.t.Helper()
	res, err := f.svc.Search(f.t.Context(), search.Request{Query: q})
	if err != nil {
		f.t.Fatalf("Search(%q): %v", q, err)
	}
	return res
}

// titles returns the titles found for q, in rank order.
func (f *fixture) titles(q string) []string {
	f.t.Helper()
	var out []string
	for _, h := range f.search(q).Hits {
		out = append(out, h.Article.Title)
	}
	return out
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

func TestTurkishForms(t *testing.T) {
	f := newFixture(t)
	f.add("istanbul trafiği", "Sabah yoğunluk.", 1)
	f.add("İSTANBUL SEÇİMİ", "Sandıklar kuruldu.", 2)
	f.add("Kent haberi", "İstanbul'da yağmur bekleniyor.", 3)
	f.add("Hava ılık", "Bahar.", 4)
	f.add("ILIK RÜZGAR", "Kıyılar.", 5)
	f.add("Ilık bir gün", "Güneşli.", 6)
	f.add("IŞIK GÖSTERİSİ", "Akşam başladı.", 7)
	f.add("Ticaret", "Taraflar anlaşma metnini imzaladı.", 8)
	f.add("Derbi", "Maçta üç gol atıldı, goller ikinci yarıda geldi.", 9)
	f.add("Gece maçı", "Golde savunma hatası vardı.", 10)
	f.add("Deprem", "Sarsıntı saat 11.47'de hissedildi; saatler sonra artçılar geldi.", 11)
	istanbul := sorted([]string{"İSTANBUL SEÇİMİ", "Kent haberi", "istanbul trafiği"})
	ilik := sorted([]string{"Hava ılık", "ILIK RÜZGAR", "Ilık bir gün"})
	tests := []struct {
		query string
		want  []string
	}{
		{"istanbul", istanbul},
		{"İSTANBUL", istanbul},
		{"İstanbul'da", istanbul},
		{"ılık", ilik},
		{"ILIK", ilik},
		{"Ilık", ilik},
		{"isik", []string{"IŞIK GÖSTERİSİ"}},
		{"anlaşmanın", []string{"Ticaret"}},
		// loanwords whose endings break vowel harmony (gol → goller)
		{"gol", []string{"Derbi", "Gece maçı"}},
		{"goller", []string{"Derbi", "Gece maçı"}},
		{"saatte", []string{"Deprem"}},
		{"zeytin", nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			if got := sorted(f.titles(tt.query)); !slices.Equal(got, tt.want) {
				t.Errorf("%q found %q, want %q", tt.query, got, tt.want)
			}
		})
	}
}

func TestPhrasesAndExclusions(t *testing.T) {
	f := newFixture(t)
	f.add("Faiz kararı", "Merkez Bankası faizi sabit tuttu.", 1)
	f.add("İlçe toplantısı", "Bankası olan merkez ilçe faizi konuştu.", 2)
	f.add("Enflasyon", "Faiz ve enflasyon birlikte ele alındı.", 3)
	tests := []struct {
		query string
		want  []string
	}{
		{`"merkez bankası"`, []string{"Faiz kararı"}},
		{`"bankası merkez"`, nil},
		{"merkez bankası", []string{"Faiz kararı", "İlçe toplantısı"}},
		{"faiz -ilçe", []string{"Enflasyon", "Faiz kararı"}},
		{`faiz -"merkez bankası"`, []string{"Enflasyon", "İlçe toplantısı"}},
		{"faiz -enflasyon -ilçe", []string{"Faiz kararı"}},
	}
	for _, tt := range tests {
		if got := sorted(f.titles(tt.query)); !slices.Equal(got, sorted(tt.want)) {
			t.Errorf("%s found %q, want %q", tt.query, got, tt.want)
		}
	}
}

func TestRanking(t *testing.T) {
	t.Run("TitleAboveBody", func(t *testing.T) {
		f := newFixture(t)
		f.add("Hava durumu", "Yarın deprem tatbikatı yapılacak.", 1)
		f.add("Deprem tatbikatı", "Yarın okullarda tatbikat yapılacak.", 2) // older, still first
		if got := f.titles("deprem"); !slices.Equal(got, []string{"Deprem tatbikatı", "Hava durumu"}) {
			t.Errorf("order %q, want the title match first", got)
		}
	})
	t.Run("NewerFirstForEqualText", func(t *testing.T) {
		f := newFixture(t)
		f.add("Kar yağışı A", "Kar yağışı bekleniyor.", 48)
		f.add("Kar yağışı B", "Kar yağışı bekleniyor.", 2)
		f.add("Kar yağışı C", "Kar yağışı bekleniyor.", 24*400)
		if got := f.titles("kar"); !slices.Equal(got, []string{"Kar yağışı B", "Kar yağışı A", "Kar yağışı C"}) {
			t.Errorf("order %q, want newest first", got)
		}
	})
}

func TestSnippetsFromOriginalText(t *testing.T) {
	f := newFixture(t)
	f.add("Güvenlik <uyarısı>", "Sayfada <script>alert(1)</script> bulunan bir güvenlik açığı kapatıldı.", 1)
	res := f.search("güvenlik")
	if len(res.Hits) != 1 {
		t.Fatalf("hits = %d, want 1", len(res.Hits))
	}
	h := res.Hits[0]
	wantSnippet := "Sayfada &lt;script&gt;alert(1)&lt;/script&gt; bulunan bir <mark>güvenlik</mark> açığı kapatıldı."
	if h.Snippet != wantSnippet {
		t.Errorf("snippet = %q, want %q", h.Snippet, wantSnippet)
	}
	if h.TitleHTML != "<mark>Güvenlik</mark> &lt;uyarısı&gt;" {
		t.Errorf("title = %q", h.TitleHTML)
	}
}

func TestOnlyVisibleArticles(t *testing.T) {
	f := newFixture(t)
	f.add("Yayında maç", "Maç.", 1)
	f.add("Taslak maç", "Maç.", 1, func(a *news.Article) { a.Status = news.StatusDraft })
	f.add("İncelemede maç", "Maç.", 1, func(a *news.Article) { a.Status = news.StatusReview })
	f.add("Zamanlanmış maç", "Maç.", -3, func(a *news.Article) { a.Status = news.StatusScheduled })
	f.add("Zamanı gelmiş maç", "Maç.", 3, func(a *news.Article) { a.Status = news.StatusScheduled })
	if got := sorted(f.titles("maç")); !slices.Equal(got, []string{"Yayında maç", "Zamanı gelmiş maç"}) {
		t.Errorf("found %q, want only published and due", got)
	}
}

func TestIndexFollowsWrites(t *testing.T) {
	f := newFixture(t)
	a := f.add("Eski başlık zeytin", "Gövde.", 1)
	a.Title = "Yeni başlık portakal"
	if err := f.db.UpdateArticle(t.Context(), &a); err != nil {
		t.Fatal(err)
	}
	if got := f.titles("zeytin"); len(got) != 0 {
		t.Errorf("old title word still finds %q", got)
	}
	if got := f.titles("portakal"); !slices.Equal(got, []string{"Yeni başlık portakal"}) {
		t.Errorf("new title word finds %q", got)
	}
	if err := f.db.DeleteArticle(t.Context(), a.ID); err != nil {
		t.Fatal(err)
	}
	if got := f.titles("portakal"); len(got) != 0 {
		t.Errorf("deleted article still found: %q", got)
	}
}

func TestCategoryAndPagination(t *testing.T) {
	f := newFixture(t)
	ekonomi, err := f.db.EnsureCategoryPath(t.Context(), "Ekonomi", "Piyasalar")
	if err != nil {
		t.Fatal(err)
	}
	for i := range 23 {
		f.add("Borsa günü", "Borsa güne yükselişle başladı.", i, func(a *news.Article) { a.CategoryID = ekonomi.ID })
	}
	f.add("Borsa dışarıda", "Borsa.", 1)
	res, err := f.svc.Search(t.Context(), search.Request{Query: "borsa", CategoryID: &ekonomi.Ancestors[0].ID, Page: 3})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 23 || res.Pages != 3 || len(res.Hits) != 3 || res.Estimated {
		t.Errorf("total %d pages %d hits %d estimated %v, want 23, 3, 3, false", res.Total, res.Pages, len(res.Hits), res.Estimated)
	}
	res, err = f.svc.Search(t.Context(), search.Request{Query: "borsa", Page: 9})
	if err != nil || len(res.Hits) != 0 || res.Total != 24 {
		t.Errorf("page past the end: %d hits, total %d, err %v", len(res.Hits), res.Total, err)
	}
}

func TestEmptyQuery(t *testing.T) {
	f := newFixture(t)
	f.add("Haber", "Metin.", 1)
	for _, q := range []string{"", "  ", `""`, "-haber", "!!!"} {
		res := f.search(q)
		if len(res.Hits) != 0 || res.Total != 0 || !res.Query.Empty() {
			t.Errorf("%q: %d hits, total %d", q, len(res.Hits), res.Total)
		}
	}
}

func TestDidYouMean(t *testing.T) {
	f := newFixture(t)
	f.add("Işık festivali", "Şehirde ışık gösterisi. Işık her yerde, ışık çok güzel.", 1)
	f.add("Gece", "Işığın altında konser verildi, ışığın rengi maviydi.", 2)
	f.add("Seçim", "Seçim sonuçları açıklandı, sonuçları herkes bekliyordu. Secim kelimesi bir kez böyle yazıldı.", 3)
	f.add("Seçim 2", "Seçim takvimi. Seçimde sandık. Seçim günü.", 4)
	tests := []struct{ query, want string }{
		{"isik", "ışık"},
		{"Isik festivali", "ışık festivali"},
		{"secim sonuclari", "seçim sonuçları"},
		{"ışık", ""},   // already Turkish
		{"konser", ""}, // nothing to change
		{"zzqx", ""},   // unknown word
		{"isigin", "ışığın"},
	}
	for _, tt := range tests {
		if got := f.search(tt.query).Suggestion; got != tt.want {
			t.Errorf("%q suggests %q, want %q", tt.query, got, tt.want)
		}
	}
}

func TestNoSuggestionWhenASCIIFormIsCommon(t *testing.T) {
	f := newFixture(t)
	f.add("Ankara", "Ankara ankara Ankara. Ankâra bir kez.", 1)
	if got := f.search("ankara").Suggestion; got != "" {
		t.Errorf("suggested %q for a word usually written in ASCII", got)
	}
	if !strings.Contains(f.search("ankara").Hits[0].Snippet, "<mark>") {
		t.Error("snippet without a mark")
	}
}
