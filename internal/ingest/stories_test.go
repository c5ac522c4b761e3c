package ingest_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"manset/internal/ingest"
)

// An earlier report arriving after a later one renames the story after the
// earliest, so "who published first" stays true.
func TestStoryTakesTheEarliestReport(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	dir := t.TempDir()
	later := `{"title":"Mersin'de liman grevi dördüncü gününde: demirde bekleyen gemi sayısı 71'e çıktı","summary":"Doğu Akdeniz Konteyner Terminali'nde 1.850 işçinin katıldığı grev dördüncü gününü geride bıraktı.","body_text":"Mersin limanında grev sürüyor. Demirde bekleyen gemi sayısı 71'e çıktı.\n\nSendika ücret artışı istiyor.","source_url":"https://b.example/grev-4","published_at":"2026-11-21T18:00:00+03:00"}`
	earlier := `{"title":"Mersin Limanı'nda grev sürüyor, 62 gemi demirde bekliyor","summary":"Mersin'deki konteyner terminalinde toplu sözleşme anlaşmazlığı nedeniyle başlayan grev dördüncü gününe girdi.","body_text":"Mersin'de konteyner terminalindeki grev dördüncü gününde. Limanda 62 gemi demirde bekliyor.\n\nİşveren ve sendika uzlaşamadı.","source_url":"https://a.example/grev","published_at":"2026-11-21T12:00:00+03:00"}`
	// Unrelated news first, so that word weights mean something.
	var fillers string
	for i, f := range []string{
		"Ankara'da kar yağışı trafiği aksattı|Başkentte sabah saatlerinde başlayan kar yağışı ana arterlerde trafiği durdurdu.",
		"İzmir'de kitap fuarı kapılarını açtı|Körfez Kitap Fuarı'nda 320 yayınevi okurlarla buluşuyor.",
		"Merkez Bankası faizi sabit tuttu|Para Politikası Kurulu politika faizini yüzde 35'te bıraktı.",
		"Süper Lig'de derbi heyecanı|Haliç Spor sahasında rakibini 2-1 yendi ve liderliğe yükseldi.",
		"Yerli elektrikli otomobilin fiyatı açıklandı|Kuzey Motor ilk modelinin satış fiyatını duyurdu.",
		"Antalya'da film festivali sona erdi|Kaleiçi Film Festivali'nde büyük ödül Tuzlu Su filminin oldu.",
	} {
		title, lead, _ := strings.Cut(f, "|")
		fillers += `{"title":"` + title + `","summary":"` + lead + `","body_text":"` + lead + `","source_url":"https://f.example/` +
			strconv.Itoa(i) + `","published_at":"2026-11-20T09:00:00+03:00"}` + "\n"
	}
	if err := os.WriteFile(filepath.Join(dir, "0.jsonl"), []byte(fillers), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.New(st, nil).ImportPaths(ctx, []string{filepath.Join(dir, "0.jsonl")}, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	latest := `{"title":"Mersin liman grevinde gemi kuyruğu uzuyor","summary":"Mersin'deki konteyner terminalinde grev sürerken demirde bekleyen gemi sayısı artıyor.","body_text":"Mersin limanında grev beşinci gününe yaklaşırken gemi kuyruğu uzuyor.\n\nSendika geri adım atmıyor.","source_url":"https://c.example/grev-kuyruk","published_at":"2026-11-21T21:00:00+03:00"}`
	// Two later reports form the story first; the earliest arrives last.
	for i, line := range []string{later, latest, earlier} {
		path := filepath.Join(dir, strconv.Itoa(i+1)+".jsonl")
		if err := os.WriteFile(path, []byte(line+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if sum, err := ingest.New(st, nil).ImportPaths(ctx, []string{path}, ingest.Options{}); err != nil || sum.Imported != 1 {
			t.Fatalf("import %d: %v %s", i, err, sum)
		}
	}
	got := allArticles(t, st)
	a, b := got["Mersin Limanı'nda grev sürüyor, 62 gemi demirde bekliyor"], got["Mersin'de liman grevi dördüncü gününde: demirde bekleyen gemi sayısı 71'e çıktı"]
	c := got["Mersin liman grevinde gemi kuyruğu uzuyor"]
	if a.StoryID == 0 || a.StoryID != b.StoryID || c.StoryID != a.StoryID {
		t.Fatalf("not one story: %d, %d and %d", a.StoryID, b.StoryID, c.StoryID)
	}
	s, err := st.Story(ctx, a.StoryID)
	if err != nil {
		t.Fatal(err)
	}
	if s.Title != a.Title || !s.FirstSeen.Equal(*a.PublishedAt) {
		t.Errorf("story %q first seen %v, want the earlier report %q at %v", s.Title, s.FirstSeen, a.Title, a.PublishedAt)
	}
}
