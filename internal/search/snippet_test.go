package search

import (
	"strings"
	"testing"
)

func TestSnippet(t *testing.T) {
	long := strings.Repeat("Önce başka konular konuşuldu. ", 20)
	tests := []struct {
		name, query, text, want string
	}{
		{"MarksOriginalForms", "istanbul", "İstanbul'da ve İSTANBUL dışında.",
			"<mark>İstanbul&#39;da</mark> ve <mark>İSTANBUL</mark> dışında."},
		{"Escapes", "uyarı", `Sayfada <script>alert(1)</script> uyarı & "not".`,
			"Sayfada &lt;script&gt;alert(1)&lt;/script&gt; <mark>uyarı</mark> &amp; &#34;not&#34;."},
		{"CutsAroundMatch", "anlaşma", long + "Sonunda anlaşmanın imzalandığı açıklandı, taraflar memnun. " + long,
			"… konuşuldu. Önce başka konular konuşuldu. Sonunda <mark>anlaşmanın</mark> imzalandığı açıklandı, taraflar memnun. Önce başka konular konuşuldu. Önce başka konular konuşuldu. Önce başka konular konuşuldu. Önce başka konular konuşuldu. Önce başka konular konuşuldu. Önce …"},
		{"NoMatchShowsStart", "zeytin", long, strings.TrimSpace(strings.Repeat("Önce başka konular konuşuldu. ", 8)) + " …"},
		{"CollapsesSpace", "ılık", "Hava\n\nILIK   ve güzel.", "Hava <mark>ILIK</mark> ve güzel."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := newMarker(ParseQuery(tt.query).Marks).Snippet(tt.text)
			if got != tt.want {
				t.Errorf("snippet =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestSnippetPrefersWindowWithAllTerms(t *testing.T) {
	text := "Ekonomi haberleri. " + strings.Repeat("dolgu ", 50) + "Faiz ve enflasyon birlikte ele alındı. " + strings.Repeat("dolgu ", 50)
	got := newMarker(ParseQuery("faiz enflasyon").Marks).Snippet(text)
	if !strings.Contains(got, "<mark>Faiz</mark> ve <mark>enflasyon</mark>") {
		t.Errorf("snippet %q misses the window with both terms", got)
	}
}
