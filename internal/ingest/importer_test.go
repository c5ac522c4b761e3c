package ingest_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"manset/internal/ingest"
	"manset/internal/news"
	"manset/internal/store/sqlite"
)

func openStore(t *testing.T) *sqlite.DB {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func allArticles(t *testing.T, st *sqlite.DB) map[string]news.Article {
	t.Helper()
	items, _, err := st.ListArticles(context.Background(), news.ArticleFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]news.Article{}
	for _, a := range items {
		full, err := st.Article(context.Background(), a.ID)
		if err != nil {
			t.Fatal(err)
		}
		out[a.Title] = full
	}
	return out
}

func TestImportFolder(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	im := ingest.New(st, nil)
	sum, err := im.ImportPaths(ctx, []string{"testdata/import"}, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Imported != 4 {
		t.Errorf("imported %d, want 4 (dump, html, 2 jsonl records); summary:\n%s", sum.Imported, sum)
	}
	// The broken JSON line, the fake .gz and the binary garbage fail, each named.
	if len(sum.Failures) != 3 {
		t.Errorf("failures %d, want 3:\n%s", len(sum.Failures), sum)
	}
	for _, want := range []string{"articles.jsonl:3", "broken.txt.gz", "garbage.html"} {
		if !strings.Contains(sum.String(), want) {
			t.Errorf("summary does not name %q:\n%s", want, sum)
		}
	}

	got := allArticles(t, st)
	t.Run("DumpChromeGone", func(t *testing.T) {
		a, ok := got["Liman grevi üçüncü gününde: yüzlerce konteyner bekliyor"]
		if !ok {
			t.Fatalf("dump article missing; have %v", keys(got))
		}
		for _, chrome := range []string{"Paylaş", "Reklam Alanı", "Beğendim", "Yorum Yap", "Sohbet sistemi", "Tüm hakları saklıdır", "İlgili Haberler", "feribot"} {
			if strings.Contains(a.BodyText, chrome) {
				t.Errorf("body keeps chrome %q", chrome)
			}
		}
		for _, body := range []string{"Kuzey limanında ücret artışı", "ilaç sevkiyatını etkilediğini belirtti.", "Ertesi gün yapılacak toplantıda", "işe dönülmeyeceğini vurguladı."} {
			if !strings.Contains(a.BodyText, body) {
				t.Errorf("body lost %q", body)
			}
		}
		if !strings.Contains(a.BodyText, "belirtti.\n\nErtesi gün") {
			t.Errorf("glued paragraphs not repaired:\n%s", a.BodyText)
		}
		if a.Category == nil || a.Category.Path() != "Haberler › Dünya" {
			t.Errorf("category = %+v, want Haberler › Dünya", a.Category)
		}
		if a.PublishedAt == nil || a.PublishedAt.UTC().Format("2006-01-02T15:04") != "2026-11-20T06:15" {
			t.Errorf("published = %v", a.PublishedAt)
		}
		if a.ModifiedAt == nil || !a.Modified() {
			t.Errorf("modified = %v, want 11:40 +03", a.ModifiedAt)
		}
		if a.SourceURL != "https://www.egehaberhatti.example/dunya/liman-grevi-ucuncu-gununde-4411" {
			t.Errorf("source url = %q", a.SourceURL)
		}
	})
	t.Run("HTMLWindows1254", func(t *testing.T) {
		a, ok := got["Kuraklık alarmı: barajlarda doluluk yüzde 18'e düştü"]
		if !ok {
			t.Fatalf("html article missing; have %v", keys(got))
		}
		if !strings.Contains(a.BodyText, "Işık Mahallesi'nde") || strings.Contains(a.BodyText, "Reklam") {
			t.Errorf("body = %q", a.BodyText)
		}
		if a.SourceName != "Trakya Gazetesi" {
			t.Errorf("source = %q", a.SourceName)
		}
	})
	t.Run("JSONLUnknownDateStaysUnknown", func(t *testing.T) {
		a, ok := got["Tarihsiz bir haber"]
		if !ok {
			t.Fatalf("jsonl article missing")
		}
		if a.PublishedAt != nil {
			t.Errorf("published_at invented: %v", a.PublishedAt)
		}
		if a.ImportedAt.IsZero() {
			t.Error("import time not recorded")
		}
		if a.Category == nil || a.Category.Path() != "Haberler › Kültür-Sanat" {
			t.Errorf("category = %+v", a.Category)
		}
	})

	t.Run("ReimportDoesNotDuplicate", func(t *testing.T) {
		again, err := im.ImportPaths(ctx, []string{"testdata/import"}, ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if again.Imported != 0 || again.Skipped != 4 {
			t.Errorf("second run: %s", again)
		}
		if n := len(allArticles(t, st)); n != 4 {
			t.Errorf("%d articles after re-import, want 4", n)
		}
	})
}

func TestImportUpdatesChangedVersion(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	im := ingest.New(st, nil)
	dir := t.TempDir()
	path := filepath.Join(dir, "a.jsonl")
	write := func(body string) {
		line := `{"title":"Deprem tatbikatı yapıldı","body_text":"` + body + `","source_url":"https://example.org/tatbikat","published_at":"2026-11-22T10:00:00+03:00"}`
		if err := os.WriteFile(path, []byte(line+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("Okullarda tatbikat yapıldı.")
	if _, err := im.ImportPaths(ctx, []string{path}, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	write("Okullarda tatbikat yapıldı. 1.200 öğrenci katıldı.")
	sum, err := im.ImportPaths(ctx, []string{path}, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Updated != 1 {
		t.Fatalf("summary %s, want 1 updated", sum)
	}
	got := allArticles(t, st)
	if len(got) != 1 || !strings.Contains(got["Deprem tatbikatı yapıldı"].BodyText, "1.200 öğrenci") {
		t.Errorf("articles = %v", got)
	}
}

func TestImportForcedCategoryMustExist(t *testing.T) {
	st := openStore(t)
	sum, err := ingest.New(st, nil).ImportPaths(context.Background(), []string{"testdata/import/dunya-liman.txt"}, ingest.Options{Category: "yok-boyle"})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Failures) != 1 || !strings.Contains(sum.String(), "yok-boyle") {
		t.Errorf("summary = %s", sum)
	}
}

func TestImportMissingPath(t *testing.T) {
	st := openStore(t)
	sum, err := ingest.New(st, nil).ImportPaths(context.Background(), []string{"testdata/nope", "testdata/import/dunya-liman.txt"}, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Imported != 1 || len(sum.Failures) != 1 {
		t.Errorf("summary = %s", sum)
	}
}

func keys(m map[string]news.Article) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
