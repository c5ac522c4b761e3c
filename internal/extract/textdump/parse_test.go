package textdump

import (
	"strings"
	"testing"
	"time"

	"manset/internal/news"
	"manset/internal/turkish"
)

// page builds a dump from lines.
func page(lines ...string) string { return strings.Join(lines, "\n") + "\n" }

// body is three paragraphs any page can reuse.
var body = []string{
	"Kentte gece boyunca etkili olan sağanak yağış, bazı mahallelerde su baskınlarına neden oldu.",
	"İtfaiye ekipleri sabaha kadar 40 ayrı ihbara müdahale ederek bodrum katlardaki suyu tahliye etti.",
	"Meteoroloji, yağışın hafta sonuna kadar aralıklarla süreceğini ve vatandaşların dikkatli olması gerektiğini duyurdu.",
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, text string
	}{
		{"Empty", ""},
		{"OnlyWhitespace", " \n\t\n\r\n"},
		{"OnlyHeader", " date 2024-11 https://ornek.com/a\n"},
		{"OnlyChrome", page("Ana Sayfa", "Paylaş", "Reklam", "Beğendim", "0", "Yorum Yap", "© 2024 Örnek")},
		{"TitleWithoutText", page("Ana Sayfa", "Belediyeden yeni ulaşım kararı", "Paylaş", "Yorum Yap")},
		{"LoremOnly", page("Deneme haberi başlığı burada", strings.Repeat("Lorem ipsum dolor sit amet, consectetur adipiscing elit. ", 5))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.text, "https://ornek.com/x")
			if news.ErrorCode(err) != news.EINVALID {
				t.Fatalf("err = %v, want code %q", err, news.EINVALID)
			}
			if msg := news.ErrorMessage(err); !strings.Contains(msg, "metin dökümü") {
				t.Errorf("message %q does not name the problem", msg)
			}
		})
	}
}

func TestParseURL(t *testing.T) {
	tests := []struct {
		name, header, pageURL, want string
	}{
		{"OK/Header", " date 2024-11 https://a.com/h", "https://b.com/p", "https://a.com/h"},
		{"OK/HeaderWithoutSpace", "date 2024-11 https://a.com/h", "", "https://a.com/h"},
		{"OK/NoHeader", "", "https://b.com/p", "https://b.com/p"},
		{"OK/HeaderWithoutURL", " date 2024-11", "https://b.com/p", "https://b.com/p"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := append([]string{tt.header, "Kentte sağanak yağış hayatı olumsuz etkiledi"}, body...)
			got, err := Parse(page(lines...), tt.pageURL)
			if err != nil {
				t.Fatal(err)
			}
			if got.URL != tt.want || got.CanonicalURL != tt.want {
				t.Errorf("url = %q, canonical %q, want %q", got.URL, got.CanonicalURL, tt.want)
			}
			if strings.Contains(got.Text, "date 2024") {
				t.Errorf("header line leaked into the text")
			}
		})
	}
}

func TestParseDates(t *testing.T) {
	at := func(s string) *time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return &v
	}
	tests := []struct {
		name     string
		dates    []string
		pub, mod *time.Time
	}{
		{"None", nil, nil, nil},
		{"RelativeIsNotADate", []string{"2 saat önce"}, nil, nil},
		{"BareDayIsMidnightIstanbul", []string{"01.11.2024"}, at("2024-11-01T00:00:00+03:00"), nil},
		{"BareDayThenISO", []string{"01.11.2024", "2024-11-01T13:04:00+03:00", "2024-11-01T13:17:00+03:00"},
			at("2024-11-01T13:04:00+03:00"), at("2024-11-01T13:17:00+03:00")},
		{"TurkishMonth", []string{"1 Kasım 2024 13:04", "Güncelleme: 01.11.2024 13:17"},
			at("2024-11-01T13:04:00+03:00"), at("2024-11-01T13:17:00+03:00")},
		{"ModifiedBeforePublishedIsDropped", []string{"Yayınlanma: 05.11.2024 10:00", "Güncelleme: 04.11.2024 09:00"},
			at("2024-11-05T10:00:00+03:00"), nil},
		{"LabelsWinOverOrder", []string{"Güncelleme: 06.11.2024 12:00", "Yayınlanma: 05.11.2024 10:00"},
			at("2024-11-05T10:00:00+03:00"), at("2024-11-06T12:00:00+03:00")},
		{"SameTimeTwiceIsNoUpdate", []string{"2024-11-01T13:04:00+03:00", "01.11.2024 13:04"},
			at("2024-11-01T13:04:00+03:00"), nil},
		{"UpdateOnly", []string{"Son Güncelleme: 07.11.2024 08:30"}, at("2024-11-07T08:30:00+03:00"), nil},
		{"TwoOnOneLine", []string{"Yayınlanma: 01.11.2024 13:04 | Güncelleme: 02.11.2024 09:00"},
			at("2024-11-01T13:04:00+03:00"), at("2024-11-02T09:00:00+03:00")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := append([]string{"Kentte sağanak yağış hayatı olumsuz etkiledi"}, tt.dates...)
			lines = append(append(lines, body...), "İlgili Haberler", "Okullarda tatil kararı", "03.11.2024")
			got, err := Parse(page(lines...), "")
			if err != nil {
				t.Fatal(err)
			}
			checkTime(t, "published", got.PublishedAt, tt.pub)
			checkTime(t, "modified", got.ModifiedAt, tt.mod)
		})
	}
}

func checkTime(t *testing.T, field string, got, want *time.Time) {
	t.Helper()
	switch {
	case got == nil && want == nil:
	case got == nil || want == nil || !got.Equal(*want):
		t.Errorf("%s = %v, want %v", field, got, want)
	case got.Location().String() != want.Location().String() && want.Location() != time.UTC:
		if _, off := got.Zone(); off != 3*3600 {
			t.Errorf("%s zone offset %d, want Istanbul +03:00", field, off)
		}
	}
}

// TestParseUnseenSite uses chrome no lexicon lists: invented menu words,
// a widget of labels and values, repeated navigation, a headline list
// without a heading. The article must still come out whole and alone.
func TestParseUnseenSite(t *testing.T) {
	lines := []string{
		"Kuzey Ekspres", "Şehrin nabzı burada", "Keşif", "Panorama", "Mercek", "Vitrin", "Panorama", "Mercek",
		"Kentte sağanak yağış hayatı olumsuz etkiledi",
		"Mercek",
		body[0], "Tepki ver", body[1], body[2],
		"Kuzey Ekspres uygulamasını indirin",
		"Günün özeti", "Sahil yolunda yeni düzenleme başladı", "Stadyum inşaatında sona gelindi",
		"Ekspres kartı ile ulaşım yüzde 20 daha ucuz", "Kuzey Ekspres", "Şehrin nabzı burada", "Panorama",
	}
	got, err := Parse(page(lines...), "https://kuzeyekspres.example/haber/1")
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != lines[8] {
		t.Errorf("title = %q, want %q", got.Title, lines[8])
	}
	if want := strings.Join(body, "\n\n"); got.Text != want {
		t.Errorf("text = %q\nwant %q", got.Text, want)
	}
	if got.PublishedAt != nil || got.ModifiedAt != nil {
		t.Errorf("dates invented: %v %v", got.PublishedAt, got.ModifiedAt)
	}
}

func TestParseNumberedBody(t *testing.T) {
	// "2. Dünya Savaşı" opening a paragraph is not breadcrumb item 2, and a
	// breadcrumb needs an item 1.
	lines := []string{
		"1. Haberler", "2. Tarih", "Savaş yıllarının mektupları sergileniyor",
		"2. Dünya Savaşı sırasında cepheden yazılan 300 mektup, ilk kez müzede ziyaretçilerle buluşuyor.",
		"Serginin küratörü Prof. Dr. Nil Ata, mektupların ailelerden bağış yoluyla toplandığını söyledi.",
	}
	got, err := Parse(page(lines...), "")
	if err != nil {
		t.Fatal(err)
	}
	if got.Category != "Tarih" || len(got.Breadcrumb) != 2 {
		t.Errorf("breadcrumb = %q, category %q", got.Breadcrumb, got.Category)
	}
	if want := lines[3] + "\n\n" + lines[4]; got.Text != want {
		t.Errorf("text = %q\nwant %q", got.Text, want)
	}
	if got.Summary != lines[3] {
		t.Errorf("summary = %q, want the first paragraph", got.Summary)
	}
	_ = turkish.Istanbul
}

// TestParseShortArticleBeforeRichList: a two-paragraph story followed by a
// longer list of other stories with descriptions, and by long comments. The
// body is the first block after the title, not the richest one.
func TestParseShortArticleBeforeRichList(t *testing.T) {
	lines := []string{
		"Kentte sağanak yağış hayatı olumsuz etkiledi", "05.11.2024",
		body[0], body[1],
		"Diğer Haberler",
		"Sahil yolu trafiğe kapatıldı",
		"Sahil yolunda başlayan asfalt çalışması nedeniyle yol iki gün boyunca trafiğe kapalı olacak ve araçlar alternatif güzergahlara yönlendirilecek.",
		"Kütüphane yeniden açıldı",
		"Tadilat nedeniyle bir yıldır kapalı olan merkez kütüphane, genişletilmiş okuma salonları ve yeni çocuk bölümüyle okurlarını yeniden ağırlamaya başladı.",
		"Yorumlar (1)",
		"Okur",
		"Bizim sokakta da bodrum katları su bastı, belediye ekipleri ancak sabaha karşı gelebildi ve pompalar yetersiz kaldı, önlem alınmalı.",
	}
	got, err := Parse(page(lines...), "")
	if err != nil {
		t.Fatal(err)
	}
	if want := body[0] + "\n\n" + body[1]; got.Text != want {
		t.Errorf("text = %q\nwant %q", got.Text, want)
	}
}
