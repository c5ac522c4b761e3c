package charset

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

const turkishSentence = "Şişli'de ığdır çiğköftesi yiyen İsmail, Güneşli'ye döndü. ÇĞİÖŞÜ çğıöşü"

func cp1254(s string) []byte {
	b, err := charmap.Windows1254.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

func TestDecode(t *testing.T) {
	utf16le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(turkishSentence))
	tests := []struct {
		name        string
		body        []byte
		contentType string
		want        string
	}{
		{"UTF8", []byte(turkishSentence), "", turkishSentence},
		{"UTF8BOM", append([]byte("\xef\xbb\xbf"), turkishSentence...), "text/html; charset=windows-1254", turkishSentence},
		{"UTF16BOM", utf16le, "", turkishSentence},
		{"HTTPCharset1254", cp1254(turkishSentence), "text/html; charset=windows-1254", turkishSentence},
		{"HTTPCharsetISO88599", cp1254(turkishSentence), "text/html; charset=ISO-8859-9", turkishSentence},
		{"Mislabelled1252IsTurkish", cp1254(turkishSentence), "text/html; charset=windows-1252", turkishSentence},
		{"Mislabelled88591IsTurkish", cp1254(turkishSentence), "text/html; charset=iso-8859-1", turkishSentence},
		{"Real1252StaysWestern", []byte("caf\xe9 cr\xe8me br\xfbl\xe9e na\xefve"), "text/html; charset=windows-1252", "café crème brûlée naïve"},
		{"MetaCharset", append([]byte(`<html><head><meta charset="windows-1254"></head><body>`), cp1254(turkishSentence)...), "", `<html><head><meta charset="windows-1254"></head><body>` + turkishSentence},
		{"MetaHTTPEquiv", append([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-9">`), cp1254(turkishSentence)...), "text/html", `<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-9">` + turkishSentence},
		{"UndeclaredFallsBackTo1254", cp1254(turkishSentence), "", turkishSentence},
		{"LyingUTF8LabelFallsBack", cp1254(turkishSentence), "text/html; charset=utf-8", turkishSentence},
		{"UnknownLabelIgnored", []byte(turkishSentence), "text/html; charset=x-klingon", turkishSentence},
		{"BrokenContentTypeIgnored", []byte(turkishSentence), "text/html; charset", turkishSentence},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Decode(tt.body, tt.contentType)
			if got != tt.want {
				t.Errorf("Decode = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDecodeInvalidUTF8(t *testing.T) {
	// Mostly UTF-8 with a few broken bytes: keep the UTF-8, replace the rest.
	body := []byte(strings.Repeat("Güzel günler görüyoruz. ", 10) + "\xff\xfe bozuk")
	got := Decode(body, "text/html; charset=utf-8")
	if !utf8.ValidString(got) {
		t.Fatalf("Decode returned invalid UTF-8: %q", got)
	}
	if !strings.HasPrefix(got, "Güzel günler") || !strings.Contains(got, "\uFFFD") {
		t.Errorf("Decode = %q, want the UTF-8 kept and the broken bytes replaced", got)
	}
}

func TestDecodeShortUTF8WithOneBadByte(t *testing.T) {
	// Too short for the 20-to-1 rule of undeclared pages, but declared
	// UTF-8: reading it as windows-1254 would garble every Turkish letter.
	text := "<p>Şişli'de ığdır çiğköftesi \xff yiyen İsmail</p>"
	want := "<p>Şişli'de ığdır çiğköftesi \uFFFD yiyen İsmail</p>"
	meta := `<meta charset="utf-8">`
	tests := []struct{ name, body, contentType, want string }{
		{"HTTPHeader", text, "text/html; charset=UTF-8", want},
		{"MetaCharset", meta + text, "text/html", meta + want},
		{"MetaHTTPEquiv", `<meta http-equiv="Content-Type" content="text/html; charset=utf-8">` + text, "",
			`<meta http-equiv="Content-Type" content="text/html; charset=utf-8">` + want},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Decode([]byte(tt.body), tt.contentType)
			if got != tt.want {
				t.Errorf("Decode = %q, want %q", got, tt.want)
			}
		})
	}
	// A windows-1254 page labelled UTF-8 has no valid sequence at all.
	if got := Decode(cp1254("Şişli ığdır"), "text/html; charset=utf-8"); got != "Şişli ığdır" {
		t.Errorf("windows-1254 labelled UTF-8 = %q, want it decoded as windows-1254", got)
	}
}

// FuzzDecode: whatever the bytes and the label, the output is UTF-8.
func FuzzDecode(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, ct := range []string{"", "text/html; charset=windows-1252", "text/html; charset=utf-8", "text/html; charset=utf-16"} {
			if got := Decode(body, ct); !utf8.ValidString(got) {
				t.Fatalf("Decode(%q, %q) is not UTF-8", body, ct)
			}
		}
	})
}
