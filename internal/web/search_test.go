package web

import (
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"manset/internal/news"
)

func searchBody(body string) func(*news.Article) {
	return func(a *news.Article) { a.BodyText = body }
}

func TestSearchPage(t *testing.T) {
	s := newTestSite(t, 0)
	s.add(t, "İstanbul'da trafik", "dunya", 10, searchBody("Sabah saatlerinde İSTANBUL genelinde yoğunluk yaşandı."))
	s.add(t, "IŞIK gösterisi", "spor", 20, searchBody("Stadyumda ışık gösterisi yapıldı. Işık herkesi büyüledi, ışık sönünce maç başladı."))
	s.add(t, "Taslak istanbul", "dunya", 5, func(a *news.Article) { a.Status = news.StatusDraft })
	body := s.mustGet(t, "/ara?q=istanbul", 200)
	mustContain(t, body, "1 sonuç bulundu", `<mark>İstanbul&#39;da</mark> trafik`,
		"<mark>İSTANBUL</mark> genelinde", `href="/haber/`, `name="robots" content="noindex`)
	mustNotContain(t, body, "Taslak", "Arama yakında")

	body = s.mustGet(t, "/ara?q=isik", 200)
	mustContain(t, body, "<mark>IŞIK</mark> gösterisi", "Bunu mu demek istediniz:",
		`href="/ara?q=%C4%B1%C5%9F%C4%B1k">ışık</a>`)

	body = s.mustGet(t, "/ara?q=istanbul&kategori=spor", 200)
	mustContain(t, body, "ile ilgili haber bulunamadı", `<option value="spor" selected>`)
	body = s.mustGet(t, "/ara?q=istanbul&kategori=haberler", 200)
	mustContain(t, body, "1 sonuç bulundu")
}

func TestSearchPageStates(t *testing.T) {
	s := newTestSite(t, 0)
	body := s.mustGet(t, "/ara", 200)
	mustContain(t, body, "Haberlerde aramak için")
	mustNotContain(t, body, "sonuç bulundu", "bulunamadı")
	body = s.mustGet(t, "/ara?q=%3Cb%3Ese%C3%A7im", 200)
	mustContain(t, body, "“&lt;b&gt;seçim” ile ilgili haber bulunamadı")
	mustNotContain(t, body, "<b>seçim")
	s.mustGet(t, "/ara?q=x&sayfa=abc", 400)
}

func TestSearchPagination(t *testing.T) {
	s := newTestSite(t, 0)
	for i := range 23 {
		s.add(t, "Borsa haberi", "ekonomi", i)
	}
	body := s.mustGet(t, "/ara?q=borsa&kategori=ekonomi", 200)
	mustContain(t, body, "23 sonuç bulundu", "Sayfa 1 / 3", `rel="next" href="/ara?kategori=ekonomi&amp;q=borsa&amp;sayfa=2"`)
	mustNotContain(t, body, `rel="prev"`)
	body = s.mustGet(t, "/ara?q=borsa&kategori=ekonomi&sayfa=3", 200)
	mustContain(t, body, "Sayfa 3 / 3", `rel="prev"`)
	if n := strings.Count(body, `class="search-result"`); n != 3 {
		t.Errorf("last page shows %d results, want 3", n)
	}
}

func TestSearchAPI(t *testing.T) {
	s := newTestSite(t, 0)
	a := s.add(t, "Seçim sonuçları", "dunya", 10, searchBody("Seçim <script>alert(1)</script> sonuçları açıklandı."))
	for i := range 4 {
		s.add(t, "Seçim takvimi", "dunya", 20+i)
	}
	var got struct {
		Items []map[string]any `json:"items"`
		Total *int             `json:"total"`
	}
	s.getJSON(t, "/api/v1/search?q="+url.QueryEscape("secim sonuçları")+"&limit=3", 200, &got)
	if got.Total == nil || *got.Total != 1 || len(got.Items) != 1 {
		t.Fatalf("got %+v", got)
	}
	it := got.Items[0]
	fieldKinds(t, "item", it, map[string]string{"id": "number", "title": "string", "url": "string", "snippet": "string"})
	if it["id"] != float64(a.ID) || it["url"] != testBaseURL+"/haber/"+a.Slug || it["title"] != "Seçim sonuçları" {
		t.Errorf("item = %v", it)
	}
	if sn := it["snippet"].(string); !strings.Contains(sn, "<mark>sonuçları</mark>") || strings.Contains(sn, "<script>") {
		t.Errorf("snippet = %q", sn)
	}
	s.getJSON(t, "/api/v1/search?q=se%C3%A7im&limit=2", 200, &got)
	if *got.Total != 5 || len(got.Items) != 2 {
		t.Errorf("limit 2: total %d items %d", *got.Total, len(got.Items))
	}
	var e map[string]map[string]string
	s.getJSON(t, "/api/v1/search?q=", 400, &e)
	if e["error"]["code"] != news.EINVALID || e["error"]["message"] == "" {
		t.Errorf("empty q error = %v", e)
	}
	s.getJSON(t, "/api/v1/search?q=x&limit=0", 400, &e)
}

func TestSearchAPIEmptyResultIsAnArray(t *testing.T) {
	s := newTestSite(t, 0)
	_, body := s.get(t, "/api/v1/search?q=yok")
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(body), &raw); err != nil {
		t.Fatal(err)
	}
	if string(raw["items"]) != "[]" || string(raw["total"]) != "0" {
		t.Errorf("body = %s", body)
	}
}

// A store without a search index keeps the "Arama yakında" page.
func TestSearchStubWithoutIndex(t *testing.T) {
	s := newTestSite(t, 0)
	srv := New(Config{BaseURL: testBaseURL}, Deps{Reader: s.db})
	rec := httptest.NewRecorder()
	srv.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/ara?q=%3Cb%3Ese%C3%A7im", nil))
	body := rec.Body.String()
	mustContain(t, body, "Arama yakında", "&lt;b&gt;seçim")
	mustNotContain(t, body, "<b>seçim")
}
