package web

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// errorMessages returns the Turkish texts that news.Errorf and
// news.WrapError calls in dirs hand to readers, with the format verbs
// left in; string constants of the same package are resolved.
func errorMessages(t *testing.T, dirs ...string) map[string]string {
	t.Helper()
	out := map[string]string{} // message -> where
	for _, dir := range dirs {
		fset := token.NewFileSet()
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		consts := map[string]string{}
		var parsed []*ast.File
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, name, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			parsed = append(parsed, f)
			ast.Inspect(f, func(n ast.Node) bool {
				if vs, ok := n.(*ast.ValueSpec); ok {
					for i, id := range vs.Names {
						if i < len(vs.Values) {
							if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
								consts[id.Name], _ = strconv.Unquote(lit.Value)
							}
						}
					}
				}
				return true
			})
		}
		for _, f := range parsed {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || len(call.Args) < 2 {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok || (sel.Sel.Name != "Errorf" && sel.Sel.Name != "WrapError") {
					return true
				}
				if x, ok := sel.X.(*ast.Ident); !ok || x.Name != "news" {
					return true
				}
				var msg string
				switch a := call.Args[1].(type) {
				case *ast.BasicLit:
					msg, _ = strconv.Unquote(a.Value)
				case *ast.Ident:
					msg = consts[a.Name]
				}
				if msg == "%s" && len(call.Args) > 2 {
					if id, ok := call.Args[2].(*ast.Ident); ok {
						msg = consts[id.Name]
					}
				}
				if hasTurkishLetter(msg) {
					out[msg] = fset.Position(call.Pos()).String()
				}
				return true
			})
		}
	}
	return out
}

func hasTurkishLetter(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return r > unicode.MaxASCII && unicode.IsLetter(r) }) >= 0
}

// Every message the engine can show a reader has an English text, so the
// English site does not answer in Turkish when something goes wrong.
func TestCatalogCoversErrors(t *testing.T) {
	msgs := errorMessages(t, ".", "../auth", "../news", "../kai", "../search", "../store/sqlite")
	if len(msgs) < 40 {
		t.Fatalf("only %d messages found; is the scan stale?", len(msgs))
	}
	for msg, where := range msgs {
		if strings.Contains(msg, "%") {
			if _, ok := formatsEN[msg]; !ok {
				t.Errorf("%s: no English format for %q", where, msg)
			}
			continue
		}
		if _, ok := catalogEN[msg]; !ok {
			t.Errorf("%s: no English for %q", where, msg)
		}
	}
}

// Formatted messages translate with their values in place.
func TestTranslateFormattedMessages(t *testing.T) {
	tests := []struct{ tr, en string }{
		{fmt.Sprintf("Yorum en fazla %d karakter olabilir; sizinki %d karakter.", 2000, 2417),
			"A comment can be at most 2000 characters; yours is 2417."},
		{fmt.Sprintf("Geçersiz e-posta adresi: %q.", "ayse@"), `Invalid e-mail address: "ayse@".`},
		{fmt.Sprintf("Şifre %d ile %d karakter arasında olmalı.", 10, 128), "The password must be 10 to 128 characters long."},
	}
	for _, tt := range tests {
		if got := translate(localeEN, tt.tr); got != tt.en {
			t.Errorf("translate(%q) = %q, want %q", tt.tr, got, tt.en)
		}
		if got := translate(localeTR, tt.tr); got != tt.tr {
			t.Errorf("Turkish changed: %q", got)
		}
	}
}
