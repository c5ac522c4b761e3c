package demo

import (
	"bufio"
	"encoding/json"
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"time"
)

// demoArticle mirrors the JSON Lines shape the importer reads.
type demoArticle struct {
	Title       string                `json:"title"`
	Summary     string                `json:"summary"`
	BodyText    string                `json:"body_text"`
	Category    struct{ Path string } `json:"category"`
	Author      string                `json:"author"`
	PublishedAt string                `json:"published_at"`
	UpdatedAt   string                `json:"updated_at"`
	Featured    int                   `json:"featured"`
	Source      *struct {
		Name string `json:"name"`
		URL  string `json:"url"`
	} `json:"source"`
	SourceURL string `json:"source_url"`
	Image     string `json:"image"`
}

// categories are the six sections the demo must fill, all under Haberler.
var categories = []string{"Gündem", "Dünya", "Ekonomi", "Spor", "Teknoloji", "Kültür-Sanat"}

var (
	demoStart = time.Date(2026, 11, 16, 0, 0, 0, 0, time.FixedZone("TRT", 3*3600))
	demoToday = time.Date(2026, 11, 24, 0, 0, 0, 0, time.FixedZone("TRT", 3*3600))
)

func loadArticles(t *testing.T) []demoArticle {
	t.Helper()
	f, err := Files().Open("articles.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []demoArticle
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			t.Errorf("line %d: blank line in JSON Lines file", n)
			continue
		}
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		var a demoArticle
		if err := dec.Decode(&a); err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// category returns the last element of a "Haberler › X" path, or "" when the
// path is not under Haberler.
func category(path string) string {
	parts := strings.Split(path, " › ")
	if len(parts) != 2 || parts[0] != "Haberler" {
		return ""
	}
	return parts[1]
}

func validCategory(name string) bool {
	for _, c := range categories {
		if c == name {
			return true
		}
	}
	return false
}

func TestArticles(t *testing.T) {
	arts := loadArticles(t)
	if len(arts) < 26 {
		t.Errorf("got %d JSON Lines articles, want at least 26", len(arts))
	}
	titles := map[string]bool{}
	for i, a := range arts {
		t.Run(a.Title, func(t *testing.T) {
			checkArticle(t, a)
		})
		if titles[a.Title] {
			t.Errorf("article %d: duplicate title %q", i+1, a.Title)
		}
		titles[a.Title] = true
	}
}

func checkArticle(t *testing.T, a demoArticle) {
	for name, v := range map[string]string{"title": a.Title, "summary": a.Summary,
		"body_text": a.BodyText, "author": a.Author, "published_at": a.PublishedAt} {
		if strings.TrimSpace(v) == "" {
			t.Errorf("missing %s", name)
		}
	}
	if !validCategory(category(a.Category.Path)) {
		t.Errorf("category path %q is not Haberler › one of %v", a.Category.Path, categories)
	}
	pub, err := time.Parse(time.RFC3339, a.PublishedAt)
	if err != nil {
		t.Fatalf("published_at: %v", err)
	}
	if _, off := pub.Zone(); off != 3*3600 {
		t.Errorf("published_at %s is not Istanbul time (+03:00)", a.PublishedAt)
	}
	if pub.Before(demoStart) || !pub.Before(demoToday) {
		t.Errorf("published_at %s outside 2026-11-16..2026-11-23", a.PublishedAt)
	}
	if a.UpdatedAt != "" {
		upd, err := time.Parse(time.RFC3339, a.UpdatedAt)
		if err != nil {
			t.Fatalf("updated_at: %v", err)
		}
		if upd.Before(pub) || !upd.Before(demoToday) {
			t.Errorf("updated_at %s before published_at %s or in the future", a.UpdatedAt, a.PublishedAt)
		}
	}
	if a.Source != nil && (a.Source.Name == "" || !strings.HasPrefix(a.SourceURL, "https://")) {
		t.Errorf("aggregated article needs source name and an https source_url, got %+v %q", a.Source, a.SourceURL)
	}
	checkBody(t, a.BodyText)
}

// checkBody keeps bodies like real news: 4–8 paragraphs, 150–500 words.
func checkBody(t *testing.T, body string) {
	paras := strings.Split(body, "\n\n")
	if len(paras) < 4 || len(paras) > 8 {
		t.Errorf("body has %d paragraphs, want 4–8", len(paras))
	}
	for i, p := range paras {
		if strings.TrimSpace(p) != p || p == "" || strings.Contains(p, "\n") {
			t.Errorf("paragraph %d is empty, padded or broken by a single newline: %q", i+1, p)
		}
	}
	if n := len(strings.Fields(body)); n < 150 || n > 500 {
		t.Errorf("body has %d words, want 150–500", n)
	}
}

func TestArticleMix(t *testing.T) {
	arts := loadArticles(t)
	perCat := map[string]int{}
	featured := map[int]int{}
	var recent, updated, aggregated int
	for _, a := range arts {
		perCat[category(a.Category.Path)]++
		featured[a.Featured]++
		if strings.HasPrefix(a.PublishedAt, "2026-11-22") || strings.HasPrefix(a.PublishedAt, "2026-11-23") {
			recent++
		}
		if a.UpdatedAt != "" {
			updated++
		}
		if a.Source != nil {
			aggregated++
		}
	}
	for _, c := range categories {
		if perCat[c] < 4 {
			t.Errorf("category %s has %d articles, want at least 4", c, perCat[c])
		}
	}
	for slot := 1; slot <= 4; slot++ {
		if featured[slot] != 1 {
			t.Errorf("featured=%d used by %d articles, want exactly 1", slot, featured[slot])
		}
	}
	if recent < 3 {
		t.Errorf("%d articles dated 2026-11-22/23, want at least 3", recent)
	}
	if updated < 4 || aggregated < 5 {
		t.Errorf("updated=%d aggregated=%d, want about 5 and 6", updated, aggregated)
	}
}

// TestTrickyText makes sure the texts exercise the Turkish edge cases the
// tokenizer, sentence splitter and search must survive.
func TestTrickyText(t *testing.T) {
	var all strings.Builder
	for _, a := range loadArticles(t) {
		all.WriteString(a.Title + "\n" + a.Summary + "\n" + a.BodyText + "\n")
	}
	text := all.String()
	for _, want := range []string{"2. Dünya Savaşı", "Prof. Dr. Ayşe Kaya", "vb.", "www.ornek.gov.tr",
		"İstanbul'da", "Ankara'ya", "IŞIK", "çünkü", "nedeniyle", "ı", "İ", "ş", "ğ", "ç", "ö", "ü"} {
		if !strings.Contains(text, want) {
			t.Errorf("demo text never contains %q", want)
		}
	}
	for _, re := range []string{`\d+,\d+`, `%\d+,\d+`, `\d{1,3}(\.\d{3})+ TL`} {
		if !regexp.MustCompile(re).MatchString(text) {
			t.Errorf("demo text never matches %s", re)
		}
	}
}

func TestSettings(t *testing.T) {
	s := Settings()
	if s["site.name"] != "Manşet" {
		t.Errorf("site.name = %q, want Manşet", s["site.name"])
	}
	for _, k := range []string{"site.tagline", "site.disclaimer", "ad.sidebar"} {
		if strings.TrimSpace(s[k]) == "" {
			t.Errorf("setting %s is empty", k)
		}
	}
	if _, ok := s["ad.article_top"]; !ok {
		t.Error("ad.article_top missing; it must exist, even empty, so the admin can find it")
	}
	if !strings.HasPrefix(s["ad.sidebar"], `<div class="ad">`) {
		t.Errorf("ad.sidebar is not an ad box: %q", s["ad.sidebar"])
	}
}

func TestImportPaths(t *testing.T) {
	paths := ImportPaths()
	if len(paths) < 7 || paths[0] != "articles.jsonl" {
		t.Fatalf("ImportPaths() = %v, want articles.jsonl first and the dumps after", paths)
	}
	for _, p := range paths[1:] {
		if !strings.HasPrefix(p, "dumps/") || !strings.HasSuffix(p, ".txt") {
			t.Errorf("unexpected import path %q", p)
		}
		if _, err := fs.Stat(Files(), p); err != nil {
			t.Errorf("import path %q not in Files(): %v", p, err)
		}
	}
}

func TestArticlesParsesEveryLine(t *testing.T) {
	list := Articles()
	if len(list) < 26 {
		t.Fatalf("%d articles", len(list))
	}
	for _, a := range list {
		if a.Title == "" || a.Body == "" || a.Category == "" || a.Published.IsZero() {
			t.Errorf("incomplete article %+v", a.Title)
		}
	}
}
