package textdump

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"manset/internal/news"
)

// golden is the expected result for testdata/NAME.txt, kept in
// testdata/NAME.golden.json and written by hand from reading the page.
type golden struct {
	PageURL     string   `json:"page_url"`
	Title       string   `json:"title"`
	SiteName    string   `json:"site_name"`
	URL         string   `json:"url"`
	Breadcrumb  []string `json:"breadcrumb"`
	Category    string   `json:"category"`
	PublishedAt *string  `json:"published_at"`
	ModifiedAt  *string  `json:"modified_at"`
	Author      string   `json:"author"`
	Lang        string   `json:"lang"`
	Summary     string   `json:"summary"`
	Paragraphs  []string `json:"paragraphs"`
}

func loadGolden(t *testing.T, path string) golden {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var g golden
	if err := json.Unmarshal(raw, &g); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return g
}

func TestParseGolden(t *testing.T) {
	dumps, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(dumps) < 8 {
		t.Fatalf("want at least 8 fixtures, got %d (%v)", len(dumps), err)
	}
	for _, path := range dumps {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			want := loadGolden(t, strings.TrimSuffix(path, ".txt")+".golden.json")
			got, err := Parse(string(raw), want.PageURL)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			checkMeta(t, got, want)
			checkDate(t, "published_at", got.PublishedAt, want.PublishedAt)
			checkDate(t, "modified_at", got.ModifiedAt, want.ModifiedAt)
			checkBody(t, got, want)
			checkNoChrome(t, string(raw), got, want)
		})
	}
}

func checkMeta(t *testing.T, got news.Extracted, want golden) {
	t.Helper()
	if got.Title != want.Title {
		t.Errorf("title = %q, want %q", got.Title, want.Title)
	}
	if got.URL != want.URL || got.CanonicalURL != want.URL {
		t.Errorf("url = %q, canonical %q, want %q", got.URL, got.CanonicalURL, want.URL)
	}
	if !slices.Equal(got.Breadcrumb, want.Breadcrumb) {
		t.Errorf("breadcrumb = %q, want %q", got.Breadcrumb, want.Breadcrumb)
	}
	if got.SiteName != want.SiteName {
		t.Errorf("site_name = %q, want %q", got.SiteName, want.SiteName)
	}
	if got.Category != want.Category {
		t.Errorf("category = %q, want %q", got.Category, want.Category)
	}
	if got.Author != want.Author {
		t.Errorf("author = %q, want %q", got.Author, want.Author)
	}
	if got.Lang != want.Lang {
		t.Errorf("lang = %q, want %q", got.Lang, want.Lang)
	}
	if got.Summary != want.Summary {
		t.Errorf("summary = %q\nwant %q", got.Summary, want.Summary)
	}
}

func checkDate(t *testing.T, field string, got *time.Time, want *string) {
	t.Helper()
	switch {
	case want == nil && got != nil:
		t.Errorf("%s = %s, want null (the page shows no such date)", field, got.Format(time.RFC3339))
	case want != nil && got == nil:
		t.Errorf("%s = null, want %s", field, *want)
	case want != nil:
		w, err := time.Parse(time.RFC3339, *want)
		if err != nil {
			t.Fatal(err)
		}
		if !got.Equal(w) {
			t.Errorf("%s = %s, want %s", field, got.Format(time.RFC3339), *want)
		}
	}
}

func checkBody(t *testing.T, got news.Extracted, want golden) {
	t.Helper()
	paras := strings.Split(got.Text, "\n\n")
	for _, p := range want.Paragraphs {
		if !slices.Contains(paras, p) {
			t.Errorf("paragraph missing or not whole: %q", p)
		}
	}
	if got.Text != strings.Join(want.Paragraphs, "\n\n") {
		t.Errorf("text paragraphs:\n%q\nwant:\n%q", paras, want.Paragraphs)
	}
	if strings.Contains(got.Text, got.Title) {
		t.Errorf("title %q repeated in the text", got.Title)
	}
	if n := strings.Count(got.HTML, "<p>"); n != len(want.Paragraphs) {
		t.Errorf("html has %d <p>, want %d", n, len(want.Paragraphs))
	}
}

// checkNoChrome asserts that no input line outside the article reached the
// text: longer lines may not occur anywhere in it, short ones (labels such
// as "Paylaş" or "0") may not be a paragraph of their own.
func checkNoChrome(t *testing.T, raw string, got news.Extracted, want golden) {
	t.Helper()
	article := strings.Join(want.Paragraphs, "\n") + "\n" + want.Title
	paras := strings.Split(got.Text, "\n\n")
	for line := range strings.SplitSeq(raw, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.Contains(article, line) {
			continue
		}
		if len(strings.Fields(line)) >= 3 && strings.Contains(got.Text, line) {
			t.Errorf("chrome line in text: %q", line)
		} else if slices.Contains(paras, line) {
			t.Errorf("chrome line kept as a paragraph: %q", line)
		}
	}
}
