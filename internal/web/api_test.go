package web

import (
	"encoding/json"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"manset/internal/news"
)

// getJSON fetches path, checks the status and decodes the body.
func (s *testSite) getJSON(t *testing.T, path string, want int, v any) {
	t.Helper()
	resp, body := s.get(t, path)
	if resp.StatusCode != want {
		t.Fatalf("GET %s: status %d, want %d: %s", path, resp.StatusCode, want, body)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("GET %s: Content-Type %q", path, ct)
	}
	if err := json.Unmarshal([]byte(body), v); err != nil {
		t.Fatalf("GET %s: %v\n%s", path, err, body)
	}
}

// fieldKinds asserts that m has every field with the JSON kind given:
// "string", "number", "object", "array", "null", or "string|null"...
func fieldKinds(t *testing.T, what string, m map[string]any, kinds map[string]string) {
	t.Helper()
	for k, want := range kinds {
		v, ok := m[k]
		if !ok {
			t.Errorf("%s: missing field %q", what, k)
			continue
		}
		got := "null"
		switch v.(type) {
		case string:
			got = "string"
		case float64:
			got = "number"
		case map[string]any:
			got = "object"
		case []any:
			got = "array"
		case bool:
			got = "bool"
		}
		if !slices.Contains(strings.Split(want, "|"), got) {
			t.Errorf("%s: %s is %s (%v), want %s", what, k, got, v, want)
		}
	}
}

func TestAPIArticle(t *testing.T) {
	s := newTestSite(t, 0)
	src := &news.Source{Name: "Örnek Ajans", Kind: news.SourceFeed, URL: "https://ajans.example/rss", HomeURL: "https://ajans.example/"}
	if err := s.db.CreateSource(t.Context(), src); err != nil {
		t.Fatal(err)
	}
	a := s.add(t, "API haberi", "dunya", 10, func(a *news.Article) {
		a.SourceID, a.SourceURL, a.BodyHTML = src.ID, "https://ajans.example/1", "<p>Gövde</p>"
	})
	rel := s.add(t, "Yakın haber", "dunya", 20)
	undated := s.add(t, "Tarihsiz", "spor", 0, func(a *news.Article) { a.PublishedAt = nil })

	var m map[string]any
	s.getJSON(t, "/api/v1/articles/"+itoa(a.ID), 200, &m)
	fieldKinds(t, "article", m, map[string]string{
		"id": "number", "slug": "string", "url": "string", "title": "string", "summary": "string",
		"body_text": "string", "body_html": "string", "category": "object", "author": "string",
		"source": "object", "source_url": "string", "published_at": "string", "updated_at": "string",
		"image": "string", "reactions": "object", "comment_count": "number", "story_id": "number",
		"related": "array",
	})
	if m["url"] != testBaseURL+"/haber/"+a.Slug || m["title"] != "API haberi" || m["body_html"] != "<p>Gövde</p>" {
		t.Errorf("article = %v", m)
	}
	if pub, _ := time.Parse(time.RFC3339, m["published_at"].(string)); !pub.Equal(*a.PublishedAt) {
		t.Errorf("published_at = %v, want %v", m["published_at"], a.PublishedAt)
	}
	cat := m["category"].(map[string]any)
	fieldKinds(t, "category", cat, map[string]string{"slug": "string", "name": "string", "path": "string"})
	if cat["slug"] != "dunya" || cat["path"] != "Haberler › Dünya" {
		t.Errorf("category = %v", cat)
	}
	if src := m["source"].(map[string]any); src["name"] != "Örnek Ajans" || src["url"] != "https://ajans.example/" {
		t.Errorf("source = %v", src)
	}
	reactions := m["reactions"].(map[string]any)
	for _, r := range news.Reactions {
		if reactions[string(r.Kind)] != float64(0) {
			t.Errorf("reactions[%s] = %v", r.Kind, reactions[string(r.Kind)])
		}
	}
	related := m["related"].([]any)
	if len(related) != 1 || related[0].(map[string]any)["id"] != float64(rel.ID) {
		t.Errorf("related = %v", related)
	}
	fieldKinds(t, "related", related[0].(map[string]any), map[string]string{"id": "number", "title": "string", "url": "string"})

	s.getJSON(t, "/api/v1/articles/"+itoa(undated.ID), 200, &m)
	if m["published_at"] != nil {
		t.Errorf("undated published_at = %v, want null", m["published_at"])
	}
}

func TestAPIErrors(t *testing.T) {
	s := newTestSite(t, 0)
	tests := []struct {
		path   string
		status int
		code   string
	}{
		{"/api/v1/articles/999", 404, news.ENOTFOUND},
		{"/api/v1/articles/abc", 400, news.EINVALID},
		{"/api/v1/articles?limit=x", 400, news.EINVALID},
		{"/api/v1/articles?cursor=%21%21", 400, news.EINVALID},
		{"/api/v1/articles?category=yok", 404, news.ENOTFOUND},
		{"/api/v1/yok", 404, news.ENOTFOUND},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			var m struct {
				Error struct{ Code, Message string }
			}
			s.getJSON(t, tt.path, tt.status, &m)
			if m.Error.Code != tt.code || m.Error.Message == "" {
				t.Errorf("error = %+v, want code %s", m.Error, tt.code)
			}
		})
	}
}

func TestAPIArticlesPagination(t *testing.T) {
	s := newTestSite(t, 0)
	want := map[int64]bool{}
	for i := range 45 {
		cat := "dunya"
		if i%3 == 0 {
			cat = "spor"
		}
		// Pairs share a publish minute so the cursor must break ties by id.
		a := s.add(t, "Haber "+itoa(int64(i)), cat, i/2)
		want[a.ID] = true
	}
	undated := s.add(t, "Tarihsiz", "dunya", 0, func(a *news.Article) { a.PublishedAt = nil })
	want[undated.ID] = true

	seen := map[int64]int{}
	path := "/api/v1/articles?limit=7"
	for pages := 0; path != ""; pages++ {
		if pages > 10 {
			t.Fatal("cursor does not end")
		}
		var m map[string]any
		s.getJSON(t, path, 200, &m)
		fieldKinds(t, "list", m, map[string]string{"items": "array", "next_cursor": "string|null"})
		for _, it := range m["items"].([]any) {
			item := it.(map[string]any)
			fieldKinds(t, "summary", item, map[string]string{"id": "number", "slug": "string", "url": "string",
				"title": "string", "summary": "string", "category": "object", "author": "string",
				"published_at": "string|null", "image": "string", "comment_count": "number"})
			seen[int64(item["id"].(float64))]++
		}
		path = ""
		if c, ok := m["next_cursor"].(string); ok {
			path = "/api/v1/articles?limit=7&cursor=" + url.QueryEscape(c)
		}
	}
	if len(seen) != len(want) {
		t.Errorf("saw %d articles, want %d", len(seen), len(want))
	}
	for id, n := range seen {
		if n != 1 || !want[id] {
			t.Errorf("article %d seen %d times (known: %v)", id, n, want[id])
		}
	}

	var list struct {
		Items []struct{ Category struct{ Slug string } }
	}
	s.getJSON(t, "/api/v1/articles?category=spor&limit=100", 200, &list)
	if len(list.Items) != 15 {
		t.Errorf("spor has %d items, want 15", len(list.Items))
	}
	s.getJSON(t, "/api/v1/articles?category=haberler&limit=1000", 200, &list)
	if len(list.Items) != 46 {
		t.Errorf("haberler (with children) has %d items, want 46", len(list.Items))
	}
	s.getJSON(t, "/api/v1/articles", 200, &list)
	if len(list.Items) != 20 {
		t.Errorf("default limit gave %d items, want 20", len(list.Items))
	}
}

func TestAPICategories(t *testing.T) {
	s := newTestSite(t, 0)
	var list []map[string]any
	s.getJSON(t, "/api/v1/categories", 200, &list)
	bySlug := map[string]map[string]any{}
	for _, c := range list {
		fieldKinds(t, "category", c, map[string]string{"slug": "string", "name": "string", "parent": "string|null", "path": "string"})
		bySlug[c["slug"].(string)] = c
	}
	if c := bySlug["haberler"]; c == nil || c["parent"] != nil || c["path"] != "Haberler" {
		t.Errorf("haberler = %v", c)
	}
	if c := bySlug["dunya"]; c == nil || c["parent"] != "haberler" || c["path"] != "Haberler › Dünya" {
		t.Errorf("dunya = %v", c)
	}
	if len(list) != 4 {
		t.Errorf("%d categories, want 4", len(list))
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// Related news: another report on the same subject comes before the newest
// of the category, wherever it is filed; one shared word is not enough.
func TestRelatedByContent(t *testing.T) {
	s := newTestSite(t, 0)
	spot := func(text string) func(*news.Article) {
		return func(a *news.Article) { a.Summary = text }
	}
	a := s.add(t, "Mersin Limanı'nda grev sürüyor", "dunya", 10, spot("İşçiler dördüncü gündür iş bırakıyor."))
	other := s.add(t, "Mersin'de liman grevi uzadı", "ekonomi", 600, spot("İhracatçılar yükleri başka limanlara kaydırıyor."))
	s.add(t, "Mersin'de yağmur bekleniyor", "ekonomi", 5, spot("Meteoroloji uyardı."))
	newest := s.add(t, "Ankara'da kar yağışı", "dunya", 1, spot("Okullar tatil edildi."))
	var m map[string]any
	s.getJSON(t, "/api/v1/articles/"+itoa(a.ID), 200, &m)
	var ids []float64
	for _, r := range m["related"].([]any) {
		ids = append(ids, r.(map[string]any)["id"].(float64))
	}
	want := []float64{float64(other.ID), float64(newest.ID)}
	if !slices.Equal(ids, want) {
		t.Errorf("related ids %v, want %v (the other strike report, then the category's newest)", ids, want)
	}
}
