package search

import (
	"reflect"
	"testing"
	"unicode/utf8"
)

func TestParseQuery(t *testing.T) {
	tests := []struct {
		in        string
		all, none [][]string
		words     []string
	}{
		{"", nil, nil, nil},
		{"   ", nil, nil, nil},
		{"İstanbul'da", [][]string{{"istan"}}, nil, []string{"İstanbul'da"}},
		{"ISIK isik", [][]string{{"isik"}, {"isik"}}, nil, []string{"ISIK", "isik"}},
		{`"merkez bankası" faiz`, [][]string{{"merke", "banka"}, {"faiz"}}, nil, []string{"faiz"}},
		{`faiz -enflasyon -"merkez bankası"`, [][]string{{"faiz"}}, [][]string{{"enfla"}, {"merke", "banka"}}, []string{"faiz"}},
		{"türkiye ve avrupa", [][]string{{"turki"}, {"avrup"}}, nil, []string{"türkiye", "avrupa"}},
		{"ve bir", [][]string{{"ve"}, {"bir"}}, nil, []string{"ve", "bir"}},
		{`"unclosed quote`, [][]string{{"unclo", "quote"}}, nil, nil},
		{"-yalnız", nil, [][]string{{"yalni"}}, nil},
		{"x - y", [][]string{{"x"}, {"y"}}, nil, []string{"x", "y"}},
		{"<script>", [][]string{{"scrip"}}, nil, []string{"script"}},
	}
	for _, tt := range tests {
		q := ParseQuery(tt.in)
		if !reflect.DeepEqual(q.All, tt.all) || !reflect.DeepEqual(q.None, tt.none) || !reflect.DeepEqual(q.Words, tt.words) {
			t.Errorf("ParseQuery(%q) = all %q none %q words %q, want %q %q %q", tt.in, q.All, q.None, q.Words, tt.all, tt.none, tt.words)
		}
	}
}

func TestParseQueryCaps(t *testing.T) {
	long := ""
	for range 100 {
		long += "kelime "
	}
	q := ParseQuery(long)
	if n := len(q.All); n != maxTerms {
		t.Errorf("terms = %d, want capped at %d", n, maxTerms)
	}
	q = ParseQuery(`"` + long + `"`)
	if len(q.All) != 1 || len(q.All[0]) != maxTerms {
		t.Errorf("long phrase = %d phrases, want one of %d terms", len(q.All), maxTerms)
	}
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{`"a b" -c d`, `-"`, `""`, `-`, "İ'", "\xff\"x", `"-a" - -"b`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := ParseQuery(s)
		if !utf8.ValidString(q.Text) || utf8.RuneCountInString(q.Text) > maxQueryRunes {
			t.Fatalf("Text %q", q.Text)
		}
		for _, p := range append(append([][]string{}, q.All...), q.None...) {
			if len(p) == 0 {
				t.Fatalf("empty phrase in %q", s)
			}
			for _, term := range p {
				if term == "" {
					t.Fatalf("empty term in %q", s)
				}
			}
		}
		for _, p := range q.All {
			for _, term := range p {
				if !q.Marks[term] {
					t.Fatalf("term %q not marked", term)
				}
			}
		}
	})
}
