package kai

import (
	"strings"
	"testing"
)

// An article written for this test: the gist is in the lead and the
// second paragraph; the rest is colour, a caption and a repeat.
const stadiumText = `Trabzon'da yapımı süren yeni spor salonu, 3 Haziran 2025 tarihinde düzenlenen törenle açıldı.

Foto: AA

Valilik açıklamasına göre 8 bin kişilik salonun yapımı iki yıl sürdü ve 750 milyon liraya mal oldu. Salon, basketbol ve voleybol maçlarının yanı sıra konserlere de ev sahipliği yapacak.

Törene katılan vatandaşlar, yağmura rağmen saatlerce bekledi. Bazı seyirciler ellerinde bayraklarla geldi.

Yeni spor salonu 3 Haziran'da düzenlenen törenle açıldı ve ilk maç ay sonunda oynanacak.

Salonun otoparkı mı yetersiz?`

func TestSummarize(t *testing.T) {
	got := Summarize(stadiumText, 3)
	if len(got) != 3 {
		t.Fatalf("got %d sentences: %q", len(got), got)
	}
	if !strings.HasPrefix(got[0], "Trabzon'da yapımı süren") {
		t.Errorf("the lead must open the summary: %q", got)
	}
	joined := strings.Join(got, " ")
	if !strings.Contains(joined, "750 milyon") {
		t.Errorf("the cost and size sentence is part of the gist: %q", got)
	}
	for _, bad := range []string{"Foto", "otoparkı", "Yeni spor salonu 3 Haziran'da"} {
		if strings.Contains(joined, bad) {
			t.Errorf("summary has %q (caption, question or repeat of the lead): %q", bad, got)
		}
	}
	// original order
	if strings.Index(stadiumText, got[1]) > strings.Index(stadiumText, got[2]) {
		t.Errorf("sentences out of order: %q", got)
	}
}

func TestSummarizeEdges(t *testing.T) {
	if got := Summarize("", 3); len(got) != 0 {
		t.Errorf("empty text: %q", got)
	}
	if got := Summarize(stadiumText, 0); len(got) != 0 {
		t.Errorf("n=0: %q", got)
	}
	short := "Belediye yeni parkı bugün törenle halka açtı."
	if got := Summarize(short, 3); len(got) != 1 || got[0] != short {
		t.Errorf("one-sentence text: %q", got)
	}
}
