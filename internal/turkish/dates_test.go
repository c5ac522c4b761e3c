package turkish

import (
	"strings"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	ist := func(y int, m time.Month, d, h, min, s int) time.Time {
		return time.Date(y, m, d, h, min, s, 0, Istanbul)
	}
	nov1 := ist(2024, time.November, 1, 0, 0, 0)
	nov1at := ist(2024, time.November, 1, 13, 4, 0)
	tests := []struct {
		in   string
		want time.Time
	}{
		{"1 Kasım 2024", nov1},
		{"01 Kasım 2024 13:04", nov1at},
		{"1 Kasım 2024 Cuma 13:04", nov1at},
		{"1 Kasım 2024, Cuma, 13:04", nov1at},
		{"Cuma, 1 Kasım 2024 13:04", nov1at},
		{"1 Kasım 2024 saat 13:04", nov1at},
		{"Kasım 1, 2024", nov1},
		{"1 KASIM 2024", nov1},
		{"1 kasım 2024", nov1},
		{"1 Kasim 2024", nov1},
		{"1 KASIM 2024 - 13:04", nov1at},
		{"1 Kas 2024", nov1},
		{"1 Kas. 2024", nov1},
		{"3 Oca 2024", ist(2024, time.January, 3, 0, 0, 0)},
		{"3 Şub 2024", ist(2024, time.February, 3, 0, 0, 0)},
		{"3 Subat 2024", ist(2024, time.February, 3, 0, 0, 0)},
		{"3 ŞUBAT 2024", ist(2024, time.February, 3, 0, 0, 0)},
		{"3 Mar 2024", ist(2024, time.March, 3, 0, 0, 0)},
		{"3 Nis 2024", ist(2024, time.April, 3, 0, 0, 0)},
		{"3 May 2024", ist(2024, time.May, 3, 0, 0, 0)},
		{"3 MAYIS 2024", ist(2024, time.May, 3, 0, 0, 0)},
		{"3 Haz 2024", ist(2024, time.June, 3, 0, 0, 0)},
		{"3 Tem 2024", ist(2024, time.July, 3, 0, 0, 0)},
		{"3 Ağu 2024", ist(2024, time.August, 3, 0, 0, 0)},
		{"3 Agustos 2024", ist(2024, time.August, 3, 0, 0, 0)},
		{"3 AĞUSTOS 2024", ist(2024, time.August, 3, 0, 0, 0)},
		{"3 Eyl 2024", ist(2024, time.September, 3, 0, 0, 0)},
		{"3 Eylül 2024", ist(2024, time.September, 3, 0, 0, 0)},
		{"3 Eki 2024", ist(2024, time.October, 3, 0, 0, 0)},
		{"3 Ara 2024", ist(2024, time.December, 3, 0, 0, 0)},
		{"3 Aralik 2024", ist(2024, time.December, 3, 0, 0, 0)},
		{"3 ARALIK 2024", ist(2024, time.December, 3, 0, 0, 0)},
		{"01.11.2024", nov1},
		{"1.11.2024", nov1},
		{"01.11.2024 13:04", nov1at},
		{"01/11/2024 - 13:04", nov1at},
		{"01-11-2024 13:04", nov1at},
		{"1.11.2024 13:04:05", ist(2024, time.November, 1, 13, 4, 5)},
		{"05.01.2024", ist(2024, time.January, 5, 0, 0, 0)}, // day first
		{"2024-11-01T13:04:00Z", time.Date(2024, 11, 1, 13, 4, 0, 0, time.UTC)},
		{"2024-11-01T13:04:00.123Z", time.Date(2024, 11, 1, 13, 4, 0, 0, time.UTC)},
		{"2024-11-01T13:04:00+03:00", nov1at},
		{"2024-11-01T13:04:00+0300", nov1at},
		{"2024-11-01T10:04:00-00:00", time.Date(2024, 11, 1, 10, 4, 0, 0, time.UTC)},
		{"2024-11-01T08:04:00-02:00", time.Date(2024, 11, 1, 10, 4, 0, 0, time.UTC)},
		{"2024-11-01 13:04", nov1at},
		{"2024-11-01", nov1},
		{"2024/11/01 13:04", nov1at},
		{"Fri, 01 Nov 2024 10:04:00 GMT", nov1at},
		{"Fri, 01 Nov 2024 13:04:00 +0300", nov1at},
		{"Fri, 1 Nov 2024 05:04:00 EST", nov1at},
		{"01 Nov 24 13:04 +0300", nov1at},
		{"November 1, 2024", nov1},
		{"Nov 1, 2024 1:04 PM", nov1at},
		{"November 1st, 2024", nov1},
		{"1 November 2024", nov1},
		{"  Yayınlanma: 01.11.2024 13:04 ", nov1at},
		{"Güncelleme: 01.11.2024 13:04", nov1at},
		{"Son Güncelleme 1 Kasım 2024 - 13:04", nov1at},
		{"Tarih: 1\u00a0Kasım\u00a02024", nov1},
		{"29.02.2024", ist(2024, time.February, 29, 0, 0, 0)},
		{"01.01.1990", ist(1990, time.January, 1, 0, 0, 0)},
		{"31.12.2100", ist(2100, time.December, 31, 0, 0, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := ParseDate(tt.in)
			if !ok || !got.Equal(tt.want) {
				t.Errorf("ParseDate(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
			}
		})
	}
}

func TestParseDateRejects(t *testing.T) {
	for _, in := range []string{
		"", "yarın", "31.02.2024", "29.02.2023", "32.01.2024", "01.13.2024", "00.01.2024",
		"01.01.1989", "01.01.2101", "1 Kasım 1980", "01.11.2024 25:00", "01.11.2024 13:60",
		"2024-02-30", "1.250.000", "3.5", "1 Kasım", "Kasım 2024", "1 Kasım 24",
		"1 Kasım 2024 ve sonra", "saat 13:04", "12/31/2024", "1 Şubatt 2024", "1 Ekimm 2024",
		"Nov 1, 2024 13:04 PM", "2024-11-01T13:04:00+1900",
	} {
		if got, ok := ParseDate(in); ok {
			t.Errorf("ParseDate(%q) = %v, want rejection", in, got)
		}
	}
}

func TestFindDates(t *testing.T) {
	type want struct {
		text    string
		day     string
		hasTime bool
	}
	tests := []struct {
		in   string
		want []want
	}{
		{"Yayınlanma: 01.11.2024 13:04 Güncelleme: 01.11.2024 13:17",
			[]want{{"01.11.2024 13:04", "1 Kasım 2024 13:04", true}, {"01.11.2024 13:17", "1 Kasım 2024 13:17", true}}},
		{"Son Güncelleme 1 Kasım 2024 - 13:17 itibarıyla",
			[]want{{"1 Kasım 2024 - 13:17", "1 Kasım 2024 13:17", true}}},
		{"İstanbul'da 3 Ocak 2025'te 1.250.000 kişi 3.5 puan için toplandı.",
			[]want{{"3 Ocak 2025", "3 Ocak 2025 00:00", false}}},
		{"Sayı 101.11.2024 ve 31.02.2024 ile 2024-11-01T13:04:00Z.",
			[]want{{"2024-11-01T13:04:00Z", "1 Kasım 2024 16:04", true}}},
		{"Kasım 1, 2024 ve 2 Aralık 2024 arası",
			[]want{{"Kasım 1, 2024", "1 Kasım 2024 00:00", false}, {"2 Aralık 2024", "2 Aralık 2024 00:00", false}}},
		{"Olay Cumartesi, 2 Kasım 2024 günü oldu",
			[]want{{"Cumartesi, 2 Kasım 2024", "2 Kasım 2024 00:00", false}}},
		{"12 kere 24 Kasım 2024 tarihinde",
			[]want{{"24 Kasım 2024", "24 Kasım 2024 00:00", false}}},
		{"Haber 13:04 ve RFC: Fri, 01 Nov 24 10:04:00 GMT.",
			[]want{{"Fri, 01 Nov 24 10:04:00 GMT", "1 Kasım 2024 13:04", true}}},
		{"tarih yok", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := FindDates(tt.in)
			if len(got) != len(tt.want) {
				t.Fatalf("FindDates(%q) = %v, want %d matches", tt.in, got, len(tt.want))
			}
			for i, w := range tt.want {
				m := got[i]
				if tt.in[m.Start:m.End] != w.text || FormatDate(m.Time) != w.day || m.HasTime != w.hasTime {
					t.Errorf("match %d = %q %q %v; want %q %q %v", i, tt.in[m.Start:m.End],
						FormatDate(m.Time), m.HasTime, w.text, w.day, w.hasTime)
				}
			}
		})
	}
}

func TestFormat(t *testing.T) {
	utc := time.Date(2024, 10, 31, 22, 4, 0, 0, time.UTC) // 01:04 next day in Istanbul
	if got := FormatDate(utc); got != "1 Kasım 2024 01:04" {
		t.Errorf("FormatDate = %q", got)
	}
	if got := FormatDay(utc); got != "1 Kasım 2024" {
		t.Errorf("FormatDay = %q", got)
	}
	names := ""
	for m := time.January; m <= time.December; m++ {
		names += MonthName(m) + " "
	}
	if want := "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık "; names != want {
		t.Errorf("month names = %q", names)
	}
	if MonthName(0) != "" || MonthName(13) != "" {
		t.Error("MonthName out of range should be empty")
	}
}

func TestFormatParseRoundTrip(t *testing.T) {
	for ts := time.Date(1995, 1, 1, 0, 0, 0, 0, Istanbul); ts.Year() < 2031; ts = ts.Add(1234567 * time.Minute) {
		for _, s := range []string{FormatDate(ts), FormatDay(ts) + " " + ts.In(Istanbul).Format("15:04"),
			ts.Format(time.RFC3339), ts.Format(time.RFC1123Z), ts.UTC().Format(time.RFC1123),
			ts.In(Istanbul).Format("02.01.2006 15:04")} {
			got, ok := ParseDate(s)
			if !ok || !got.Equal(ts) {
				t.Fatalf("ParseDate(%q) = %v, %v; want %v", s, got, ok, ts)
			}
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"1 Kasım 2024", "01.11.2024 13:04", "2024-11-01T13:04:00+0300",
		"Fri, 01 Nov 2024 13:04:00 GMT", "Kasım 1, 2024", "31.02.2024", "Yayınlanma: 01.11.2024",
		"01 Nov 24 13:04 +0300", "1 KASIM 2024 Cuma 13:04", "12:60", "2024-11-01T13:04:00-14:59"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := ParseDate(s)
		if ok && (got.Year() < 1989 || got.Year() > 2101) {
			t.Fatalf("ParseDate(%q) = %v out of range", s, got)
		}
		if y := got.In(Istanbul).Year(); ok && y >= 1990 && y <= 2100 {
			again, ok2 := ParseDate(FormatDate(got))
			if !ok2 || !again.Equal(got.Truncate(time.Minute)) {
				t.Fatalf("round trip of %q via %q = %v, %v", s, FormatDate(got), again, ok2)
			}
		}
		for _, m := range FindDates(s) {
			if m.Start < 0 || m.End > len(s) || m.Start >= m.End {
				t.Fatalf("FindDates(%q) bad offsets %d..%d", s, m.Start, m.End)
			}
		}
	})
}

func BenchmarkFindDates(b *testing.B) {
	text := strings.Repeat("Ankara'da 3.5 milyon kişi 1.250.000 oy verdi ve seçim sonuçlandı. ", 40) +
		"Yayınlanma: 01.11.2024 13:04 Güncelleme: 1 Kasım 2024 - 13:17"
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		FindDates(text)
	}
}
