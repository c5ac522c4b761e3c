package textdump

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

const (
	headline = "Kentte sağanak yağış hayatı olumsuz etkiledi"
	spotLine = "Gece boyunca süren yağış nedeniyle 40 ayrı ihbara müdahale edildi, okullarda dersler öğleden sonra başlayacak."
)

// TestParseHeaderZone: the dates of the article are found wherever they sit
// in its header, among whatever short lines the page puts there, and labels
// decide their role; dates of the site's top bar or of comments are not the
// article's.
func TestParseHeaderZone(t *testing.T) {
	at := func(s string) *time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return &v
	}
	tests := []struct {
		name                 string
		above, header, below []string
		pub, mod             *time.Time
	}{
		{"SpotThenDates", nil, []string{spotLine, "21.11.2026", "2026-11-21T16:05:00+03:00", "2026-11-21T19:30:00+03:00"}, nil,
			at("2026-11-21T16:05:00+03:00"), at("2026-11-21T19:30:00+03:00")},
		{"BylineAndShareBarBetweenDates", nil, []string{spotLine, "Muhabir: Ayşe Demir", "Yayınlanma: 21.11.2026 16:05",
			"Paylaş", "Facebook", "Güncelleme: 21.11.2026 19:30"}, nil,
			at("2026-11-21T16:05:00+03:00"), at("2026-11-21T19:30:00+03:00")},
		{"UnlabelledThenUpdated", nil, []string{spotLine, "By Ece Varol", "2026-11-21T16:05:00+03:00",
			"Updated: 2026-11-21T19:30:00+03:00", "Share", "Copy link"}, nil,
			at("2026-11-21T16:05:00+03:00"), at("2026-11-21T19:30:00+03:00")},
		{"UpdatedBeforeUnlabelled", nil, []string{"Updated: 21.11.2026 19:30", "21.11.2026 16:05"}, nil,
			at("2026-11-21T16:05:00+03:00"), at("2026-11-21T19:30:00+03:00")},
		{"CategoryLabelAndTurkishMonth", nil, []string{"Dış Haberler", "1 Kasım 2024 13:04", spotLine, "Paylaş",
			"Son güncelleme: 01.11.2024 15:00"}, nil,
			at("2024-11-01T13:04:00+03:00"), at("2024-11-01T15:00:00+03:00")},
		{"EklenmeDuzenleme", nil, []string{"Düzenleme: 22.11.2026 09:00", "Eklenme: 21.11.2026 08:00"}, nil,
			at("2026-11-21T08:00:00+03:00"), at("2026-11-22T09:00:00+03:00")},
		{"YayinTarihiOlusturulma", nil, []string{"Yayın tarihi: 21.11.2026 10:00", "Oluşturulma: 20.11.2026 18:00"}, nil,
			at("2026-11-21T10:00:00+03:00"), nil},
		{"UnlabelledEarlierSecondIsNoUpdate", nil, []string{"21.11.2026 16:05", "20.11.2026 09:00"}, nil,
			at("2026-11-21T16:05:00+03:00"), nil},
		{"DateAboveTitle", []string{"05.11.2024 10:00"}, []string{spotLine}, nil, at("2024-11-05T10:00:00+03:00"), nil},
		{"TopBarDateIsNotTheArticles", []string{"22 Kasım 2026 Pazar", "Gündem", "Ekonomi", "Spor", "1. Haberler", "2. Gündem"},
			nil, nil, nil, nil},
		{"CommentDateIsNotTheArticles", nil, nil, []string{"Yorumlar (1)", "Okur", "Tarih: 22.11.2026 10:00"}, nil, nil},
		{"LabelledUpdateBelowTheBody", nil, []string{"21.11.2026 16:05"},
			[]string{"Son güncelleme: 22.11.2026 10:00", "Yorumlar (0)", "Eklenme: 23.11.2026 10:00"},
			at("2026-11-21T16:05:00+03:00"), at("2026-11-22T10:00:00+03:00")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := append(append(append([]string{"Örnek Haber"}, tt.above...), headline), tt.header...)
			lines = append(append(lines, body...), tt.below...)
			got, err := Parse(page(lines...), "")
			if err != nil {
				t.Fatal(err)
			}
			checkTime(t, "published", got.PublishedAt, tt.pub)
			checkTime(t, "modified", got.ModifiedAt, tt.mod)
		})
	}
}

// TestParseSpot: a lead line that header furniture (dates, byline, share
// bar) separates from the body is the summary only; a first paragraph
// followed by chrome that also sits inside bodies stays in the text.
func TestParseSpot(t *testing.T) {
	long := strings.Repeat("Yağış nedeniyle kentte birçok caddede trafik durma noktasına geldi ve ekipler sabaha kadar çalıştı. ", 5)
	tests := []struct {
		name   string
		header []string // between the title and body
		spot   string   // the expected summary when it is a spot, kept out of the text
	}{
		{"AboveDates", []string{spotLine, "21.11.2026 16:05"}, spotLine},
		{"AboveBylineAndDates", []string{spotLine, "Muhabir: Ayşe Demir", "21.11.2026 16:05"}, spotLine},
		{"BelowDatesAboveShareBar", []string{"21.11.2026 16:05", spotLine, "Paylaş", "Facebook", "X"}, spotLine},
		{"AboveReadingTime", []string{spotLine, "Okunma süresi: 3 dk"}, spotLine},
		{"FirstParagraphThenAd", []string{"21.11.2026 16:05", spotLine, "Reklam Alanı", "Advertisement"}, ""},
		{"FirstParagraphThenPhotoCredit", []string{"21.11.2026 16:05", spotLine, "Fotoğraf: DHA"}, ""},
		{"FirstParagraphThenInlineLink", []string{"21.11.2026 16:05", spotLine, "İLGİLİ HABER", "Okullarda tatil kararı açıklandı"}, ""},
		{"TooLongForASummary", []string{long, "21.11.2026 16:05", "Paylaş"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := append(append([]string{headline}, tt.header...), body...)
			got, err := Parse(page(lines...), "")
			if err != nil {
				t.Fatal(err)
			}
			first := strings.Split(got.Text, "\n\n")[0]
			if tt.spot != "" {
				if got.Summary != tt.spot || got.Text != strings.Join(body, "\n\n") {
					t.Errorf("summary = %q, text starts %q; want the spot as summary only", got.Summary, first)
				}
				return
			}
			if lead := strings.TrimSpace(firstProse(tt.header)); first != lead {
				t.Errorf("first paragraph = %q, want %q", first, lead)
			}
		})
	}
}

// TestParseSpotAlone: a spot with no paragraph after it is the text.
func TestParseSpotAlone(t *testing.T) {
	got, err := Parse(page(headline, "21.11.2026 16:05", spotLine, "Paylaş", "Yorum Yap"), "")
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != spotLine || got.Summary != spotLine {
		t.Errorf("text = %q, summary %q; want the one paragraph in both", got.Text, got.Summary)
	}
}

func firstProse(lines []string) string {
	for _, l := range lines {
		if newLine(l).prose() {
			return l
		}
	}
	return ""
}

// BenchmarkParseCrumbCandidates parses a head of many numbered lists that
// are not breadcrumbs, which once rescanned the page for each.
func BenchmarkParseCrumbCandidates(b *testing.B) {
	var s strings.Builder
	s.WriteString(headline + "\n")
	for i := range 20000 {
		fmt.Fprintf(&s, "1. bir iki üç dört beş altı\n2. kısa başlık u%d\n", i)
	}
	s.WriteString(strings.Join(body, "\n"))
	text := s.String()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := Parse(text, ""); err != nil {
			b.Fatal(err)
		}
	}
}
