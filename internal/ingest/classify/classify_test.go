package classify

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"manset/internal/demo"
	"manset/internal/extract/textdump"
	"manset/internal/turkish"
)

// loadDemo returns the demo articles with their category name as a slug.
func loadDemo(t testing.TB) []Labeled {
	t.Helper()
	var out []Labeled
	for _, a := range demo.Articles() {
		out = append(out, Labeled{
			Text:     a.Title + "\n" + a.Summary + "\n" + a.Body,
			Category: turkish.Slugify(a.Category),
		})
	}
	if len(out) < 20 {
		t.Fatalf("only %d demo articles", len(out))
	}
	return out
}

// TestLeaveOneOut trains on all demo articles but one and predicts that
// one, for each article, and logs accuracy with and without the threshold.
func TestLeaveOneOut(t *testing.T) {
	docs := loadDemo(t)
	var correct, decided, decidedCorrect int
	var log strings.Builder
	for i, d := range docs {
		rest := append(append([]Labeled{}, docs[:i]...), docs[i+1:]...)
		m := Train(rest)
		got, conf := m.Predict(d.Text)
		if got == d.Category {
			correct++
		}
		if conf >= m.MinConfidence {
			decided++
			if got == d.Category {
				decidedCorrect++
			}
		}
		fmt.Fprintf(&log, "\n%-13s -> %-13s %.3f", d.Category, got, conf)
	}
	t.Log(log.String())
	acc := float64(correct) / float64(len(docs))
	t.Logf("leave-one-out on %d articles, %d categories: accuracy %.3f; at confidence >= %.2f: %d decided, %d right",
		len(docs), len(Train(docs).Categories()), acc, DefaultMinConfidence, decided, decidedCorrect)
	if acc < 0.7 {
		t.Errorf("leave-one-out accuracy %.3f, want >= 0.7", acc)
	}
}

// TestDemoDumps trains on the demo articles and classifies the page dumps
// of other outlets, whose breadcrumbs give the answer.
func TestDemoDumps(t *testing.T) {
	m := Train(loadDemo(t))
	files, _ := filepath.Glob("../../demo/content/dumps/*.txt")
	right := 0
	for _, name := range files {
		raw, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		x, err := textdump.Parse(string(raw), "")
		if err != nil {
			t.Fatal(err)
		}
		got, conf := m.Predict(x.Title + "\n" + x.Summary + "\n" + x.Text)
		want := turkish.Slugify(x.Category)
		t.Logf("%-28s %-13s -> %-13s %.3f", filepath.Base(name), want, got, conf)
		if got == want {
			right++
		}
	}
	t.Logf("dumps: %d of %d right", right, len(files))
	if right*2 < len(files) {
		t.Errorf("only %d of %d dumps classified right", right, len(files))
	}
}

var tiny = []Labeled{
	{"Maçta ev sahibi takım son dakikada attığı golle kazandı, taraftarlar sevindi.", "spor"},
	{"Lig maçında hakem penaltı verdi, teknik direktör kararı eleştirdi.", "spor"},
	{"Merkez Bankası faizi indirdi, borsa ve dolar kuru yükseldi.", "ekonomi"},
	{"Enflasyon beklentisi düştü, bankalar kredi faizlerini indirdi.", "ekonomi"},
}

func TestPredict(t *testing.T) {
	m := Train(tiny)
	tests := []struct {
		text, want string
	}{
		{"Takım son dakika golüyle maçı kazandı", "spor"},
		{"Faiz kararı sonrası dolar kuru düştü", "ekonomi"},
		{"", ""},
		{"xyzzy qwerty", ""}, // no known word
	}
	for _, tt := range tests {
		got, conf := m.Predict(tt.text)
		if got != tt.want || (got != "" && (conf <= 0.5 || conf > 1)) {
			t.Errorf("Predict(%q) = %q, %.3f; want %q", tt.text, got, conf, tt.want)
		}
	}
	if got, _ := (&Model{}).Predict("maç"); got != "" {
		t.Errorf("empty model predicted %q", got)
	}
	m.MinConfidence = 1.01
	if _, ok := m.Classify("Takım son dakika golüyle maçı kazandı"); ok {
		t.Error("Classify decided below MinConfidence")
	}
}

func TestModelJSONRoundTrip(t *testing.T) {
	m := Train(tiny)
	m.MinConfidence = 0.55
	data, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	var back Model
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if back.MinConfidence != 0.55 || strings.Join(back.Categories(), ",") != "ekonomi,spor" {
		t.Fatalf("restored model: min %.2f, categories %v", back.MinConfidence, back.Categories())
	}
	for _, d := range tiny {
		c1, p1 := m.Predict(d.Text)
		c2, p2 := back.Predict(d.Text)
		if c1 != c2 || p1 != p2 {
			t.Errorf("restored model predicts %q %.3f, original %q %.3f", c2, p2, c1, p1)
		}
	}
	for _, bad := range []string{`{`, `{"classes":{"x":{"docs":-1}}}`, `[]`} {
		if err := json.Unmarshal([]byte(bad), &back); err == nil {
			t.Errorf("Unmarshal(%s) accepted a bad model", bad)
		}
	}
}

func TestFromURL(t *testing.T) {
	known := map[string]string{
		"gundem": "gundem", "Dünya": "dunya", "ekonomi": "ekonomi", "spor": "spor",
		"teknoloji": "teknoloji", "Kültür-Sanat": "kultur-sanat", "magazin": "magazin",
	}
	tests := []struct {
		url, want string
	}{
		{"https://www.ornek.example/ekonomi/faiz-karari-1234", "ekonomi"},
		{"https://ornek.example/Ekonomi/faiz", "ekonomi"},
		{"https://ornek.example/spor/", "spor"},
		{"https://ornek.example/dunya/avrupa/valdoria-secim", "dunya"},
		{"https://ornek.example/d%C3%BCnya/haber", "dunya"},
		{"https://ornek.example/kultur-sanat/sergi-acildi", "kultur-sanat"},
		{"https://ornek.example/kultursanat/sergi", "kultur-sanat"},
		{"https://www.bosphoruspost.example/tr/ekonomi/mersin-liman", "ekonomi"},
		{"https://ornek.example/haberler/teknoloji/yeni-telefon", "teknoloji"},
		{"https://ornek.example/sports/match-report", "spor"},
		{"https://ornek.example/magazin", "magazin"},
		{"https://ornek.example/saglik/grip-asisi", ""}, // not a category of this site
		{"https://ornek.example/health/flu", ""},        // alias of an unknown slug
		{"https://ornek.example/2026/11/21/ekonomi-haberi", ""},
		{"https://ornek.example/", ""},
		{"::not a url", ""},
	}
	for _, tt := range tests {
		got, ok := FromURL(tt.url, known)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("FromURL(%q) = %q, %v; want %q", tt.url, got, ok, tt.want)
		}
	}
}
