package news

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// keyPattern is the shape of a message key: dotted lowercase words.
var keyPattern = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$`)

// fmtVerb matches one verb of a template, with an optional explicit
// argument index ("%[2]d"), flags, width and precision.
var fmtVerb = regexp.MustCompile(`%(?:\[(\d+)\])?[-+# 0]*\d*(?:\.\d*)?([a-zA-Z%])`)

// placeholders returns the verbs of tmpl as "argument:verb", sorted and
// without repeats, and how many arguments they use; ok is false when the
// arguments used are not exactly 1..n.
func placeholders(tmpl string) (verbs []string, n int, ok bool) {
	used := map[int]bool{}
	next := 0
	for _, m := range fmtVerb.FindAllStringSubmatch(tmpl, -1) {
		if m[2] == "%" {
			continue
		}
		arg := next
		if m[1] != "" {
			fmt.Sscan(m[1], &arg)
			arg--
		}
		used[arg] = true
		next = arg + 1
		if v := fmt.Sprintf("%d:%s", arg+1, m[2]); !slices.Contains(verbs, v) {
			verbs = append(verbs, v)
		}
	}
	slices.Sort(verbs)
	for i := range len(used) {
		if !used[i] {
			return verbs, len(used), false
		}
	}
	return verbs, len(used), true
}

// Every key has a Turkish and an English text, and the two take the same
// values with the same verbs, so one call fills either language.
func TestCatalogComplete(t *testing.T) {
	if len(catalog) < 150 {
		t.Fatalf("only %d messages; are tables missing from joinCatalogs?", len(catalog))
	}
	for key, m := range catalog {
		if !keyPattern.MatchString(key) {
			t.Errorf("key %q is not dotted lowercase words", key)
		}
		if strings.TrimSpace(m.tr) == "" || strings.TrimSpace(m.en) == "" {
			t.Errorf("%s: missing a translation: tr %q, en %q", key, m.tr, m.en)
			continue
		}
		trVerbs, _, trOK := placeholders(m.tr)
		enVerbs, _, enOK := placeholders(m.en)
		if !trOK || !enOK {
			t.Errorf("%s: a placeholder skips an argument: %q / %q", key, m.tr, m.en)
		}
		if !slices.Equal(trVerbs, enVerbs) {
			t.Errorf("%s: placeholders differ: tr %v %q, en %v %q", key, trVerbs, m.tr, enVerbs, m.en)
		}
	}
}

func TestPlaceholders(t *testing.T) {
	tests := []struct {
		tmpl  string
		verbs []string
		n     int
		ok    bool
	}{
		{"Yorum boş olamaz.", nil, 0, true},
		{"%d bayt yerine %d bayt", []string{"1:d", "2:d"}, 2, true},
		{"%[2]d bytes instead of %[1]d", []string{"1:d", "2:d"}, 2, true},
		{"adres: %.200q, %%", []string{"1:q"}, 1, true},
		{"%[2]s only", []string{"2:s"}, 1, false},
	}
	for _, tt := range tests {
		verbs, n, ok := placeholders(tt.tmpl)
		if !slices.Equal(verbs, tt.verbs) || n != tt.n || ok != tt.ok {
			t.Errorf("placeholders(%q) = %v %d %v, want %v %d %v", tt.tmpl, verbs, n, ok, tt.verbs, tt.n, tt.ok)
		}
	}
}

func TestMessageInEachLanguage(t *testing.T) {
	tests := []struct {
		name   string
		err    *Error
		tr, en string
	}{
		{"Plain", E(ENOTFOUND, "article.not_found"), "Haber bulunamadı.", "Article not found."},
		{"Values", E(EINVALID, "comment.too_long_yours", 2000, 2417),
			"Yorum en fazla 2000 karakter olabilir; sizinki 2417 karakter.",
			"A comment can be at most 2000 characters; yours is 2417."},
		// a value is never translated, even when it is a Turkish word
		{"Quoted", E(EINVALID, "reaction.unknown_kind", "sevdim"), `Bilinmeyen tepki: "sevdim".`, `Unknown reaction: "sevdim".`},
		{"Reordered", E(EINVALID, "warc.record_short", 100, 40),
			"kayıt yarıda kesilmiş: 100 bayt yerine 40 bayt var", "record cut short: 40 bytes instead of 100"},
		{"Nested", E(EINVALID, "warc.record", 7, E(EINVALID, "warc.http_header")),
			"WARC: 7. bayttaki kayıt: HTTP başlığı bozuk.", "WARC: the record at byte 7: broken HTTP header."},
		{"NestedText", E(EINTERNAL, "fetch.http_status", T("fetch.server_error"), 503, "https://a.example/"),
			"sunucu hata verdi (HTTP 503): https://a.example/", "the server answered with an error (HTTP 503): https://a.example/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Message(LangTR); got != tt.tr {
				t.Errorf("tr = %q, want %q", got, tt.tr)
			}
			if got := tt.err.Message(LangEN); got != tt.en {
				t.Errorf("en = %q, want %q", got, tt.en)
			}
			if got := tt.err.Message("de"); got != tt.tr {
				t.Errorf("other language = %q, want Turkish", got)
			}
		})
	}
}

// Error() stays Turkish, with the code and the cause, for logs and the CLI.
func TestErrorTextIsTurkish(t *testing.T) {
	if got := E(EINVALID, "article.title_required").Error(); got != "invalid: Başlık gerekli." {
		t.Errorf("Error() = %q", got)
	}
	w := WrapError(EINVALID, "file.bad_gzip", io.ErrUnexpectedEOF)
	if got := w.Error(); got != "invalid: bozuk gzip dosyası: unexpected EOF" {
		t.Errorf("wrapped Error() = %q", got)
	}
	if !errors.Is(w, io.ErrUnexpectedEOF) || ErrorCode(fmt.Errorf("ctx: %w", w)) != EINVALID {
		t.Error("the cause or the code is lost")
	}
	//lint:ignore S1025 this checks that fmt's %s prints a Text in Turkish
	if got := fmt.Sprintf("%s", T("user.not_found")); got != "Kullanıcı bulunamadı." {
		t.Errorf("Text printed = %q", got)
	}
}

func TestLocalize(t *testing.T) {
	if got := Localize(io.EOF, LangEN); got != "An unexpected error occurred." {
		t.Errorf("non-domain error in English = %q", got)
	}
	if got := ErrorMessage(io.EOF); got != "Beklenmeyen bir hata oluştu." {
		t.Errorf("non-domain error = %q", got)
	}
	if got := Localize(fmt.Errorf("store: %w", E(ENOTFOUND, "user.not_found")), LangEN); got != "User not found." {
		t.Errorf("wrapped domain error = %q", got)
	}
	if Localize(nil, LangEN) != "" {
		t.Error("nil error has a message")
	}
	// a key the catalog lacks still says something rather than nothing
	missing := Text{Key: strings.Join([]string{"no", "such", "key"}, "."), Args: []any{3}}
	if got := missing.In(LangEN); got != "no.such.key: 3" {
		t.Errorf("unknown key = %q", got)
	}
}
