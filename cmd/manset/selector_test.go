package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"manset/internal/news"
	"manset/internal/store/sqlite"
)

// A page source with --selector takes its body from the chosen elements.
func TestPageSourceWithSelector(t *testing.T) {
	page := `<html lang="tr"><head><title>Fuar açıldı</title>
<meta property="article:published_time" content="2026-11-20T10:00:00+03:00"></head><body>
<div class="kutu"><p>Kitap fuarı bugün 320 yayınevini ağırlamaya başladı ve ziyaretçilerini bekliyor.</p>
<p>Fuar 1 Aralık'a kadar her gün 10.00 ile 20.00 arasında açık kalacak, giriş ücretsiz.</p></div>
<div class="kutu2"><p>Bu kutu başka bir haberin uzun özeti; seçiciyle alınmamalı, çünkü bu sayfanın haberi değil.</p>
<p>İkinci uzun paragraf da başka habere ait ve hiçbir şekilde metne girmemeli, seçici bunu dışarıda bırakır.</p>
<p>Üçüncü paragraf da aynı şekilde, genel çıkarıcı bu kutuyu seçebilirdi çünkü en uzun metin burada.</p></div>
</body></html>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(page))
	}))
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "manset.db")
	env := map[string]string{"MANSET_FETCH_ALLOW_PRIVATE": "1", "MANSET_FETCH_DELAY": "1ms", "MANSET_DB": db}
	if code, _, errOut := run(t, "", env, "source", "add", "--kind", "page", "--name", "Kent Postası", "--selector", "div.kutu", srv.URL+"/kultur/fuar-1"); code != 0 {
		t.Fatalf("source add: %s", errOut)
	}
	if code, out, errOut := run(t, "", env, "fetch", "--once"); code != 0 {
		t.Fatalf("fetch: %s %s", out, errOut)
	}
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	list, _, err := st.ListArticles(context.Background(), news.ArticleFilter{})
	if err != nil || len(list) != 1 {
		t.Fatalf("articles: %d %v", len(list), err)
	}
	want := "Kitap fuarı bugün 320 yayınevini ağırlamaya başladı ve ziyaretçilerini bekliyor.\n\nFuar 1 Aralık'a kadar her gün 10.00 ile 20.00 arasında açık kalacak, giriş ücretsiz."
	if list[0].BodyText != want {
		t.Errorf("body = %q", list[0].BodyText)
	}
}
