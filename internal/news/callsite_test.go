package news

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// keyUse is one place in the sources that names a message key.
type keyUse struct {
	key   string
	where string
	args  int // values passed; -1 when unknown (args...)
}

// keyArg says, for each function taking a message key, which argument is
// the key and where the values start.
var keyArg = map[string]struct{ key, values int }{
	"E": {1, 2}, "WrapError": {1, 3}, "T": {0, 1},
}

// repoRoot is the module's root, two levels above this package.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, _ := filepath.Abs(filepath.Join("..", ".."))
	if b, err := os.ReadFile(filepath.Join(root, "go.mod")); err != nil || !strings.HasPrefix(string(b), "module manset\n") {
		t.Fatalf("no manset go.mod at %s: %v", root, err)
	}
	return root
}

// parseDir parses the non-test Go files of one directory and collects its
// string constants, through which a key may be named.
func parseDir(fset *token.FileSet, dir string) ([]*ast.File, map[string]string, error) {
	names, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	var files []*ast.File
	consts := map[string]string{}
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, nil, err
		}
		files = append(files, f)
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.CONST {
				for _, s := range g.Specs {
					vs := s.(*ast.ValueSpec)
					for i, id := range vs.Names {
						if i < len(vs.Values) {
							if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
								consts[id.Name], _ = strconv.Unquote(lit.Value)
							}
						}
					}
				}
			}
		}
	}
	return files, consts, nil
}

// keyCallee returns the name of the news function call invokes when it
// takes a message key ("E", "WrapError", "T"), or "".
func keyCallee(call *ast.CallExpr, inNews bool) string {
	switch fn := call.Fun.(type) {
	case *ast.SelectorExpr:
		if x, ok := fn.X.(*ast.Ident); ok && x.Name == "news" {
			if _, ok := keyArg[fn.Sel.Name]; ok {
				return fn.Sel.Name
			}
		}
	case *ast.Ident:
		if _, ok := keyArg[fn.Name]; ok && inNews {
			return fn.Name
		}
	}
	return ""
}

// keyValue resolves a key expression: a string literal, a constant of the
// same package, or one of package news.
func keyValue(e ast.Expr, local, newsConsts map[string]string) (string, bool) {
	switch v := e.(type) {
	case *ast.BasicLit:
		s, err := strconv.Unquote(v.Value)
		return s, err == nil && v.Kind == token.STRING
	case *ast.Ident:
		s, ok := local[v.Name]
		return s, ok
	case *ast.SelectorExpr:
		if x, ok := v.X.(*ast.Ident); ok && x.Name == "news" {
			s, ok := newsConsts[v.Sel.Name]
			return s, ok
		}
	}
	return "", false
}

// keyUses finds every call of news.E, news.WrapError and news.T in the
// repository's non-test sources, and every news.Text{Key: ...} literal.
// A key that is not written where it is used (a variable, a parameter)
// is reported through bad, since nothing could check it.
func keyUses(t *testing.T, root string) (uses []keyUse, bad []string) {
	t.Helper()
	fset := token.NewFileSet()
	_, newsConsts, err := parseDir(fset, filepath.Join(root, "internal", "news"))
	if err != nil {
		t.Fatal(err)
	}
	err = filepath.WalkDir(root, func(dir string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if name := d.Name(); dir != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "node_modules") {
			return filepath.SkipDir
		}
		files, consts, err := parseDir(fset, dir)
		if err != nil {
			return err
		}
		inNews := dir == filepath.Join(root, "internal", "news")
		for _, f := range files {
			ast.Inspect(f, func(n ast.Node) bool {
				u, problem := keyUseAt(fset, n, inNews, consts, newsConsts)
				if problem != "" {
					bad = append(bad, problem)
				} else if u.key != "" {
					uses = append(uses, u)
				}
				return true
			})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return uses, bad
}

// keyUseAt reads the key node n names, if any.
func keyUseAt(fset *token.FileSet, n ast.Node, inNews bool, local, newsConsts map[string]string) (keyUse, string) {
	switch v := n.(type) {
	case *ast.CallExpr:
		name := keyCallee(v, inNews)
		if name == "" {
			return keyUse{}, ""
		}
		at := fset.Position(v.Pos()).String()
		pos := keyArg[name]
		if len(v.Args) <= pos.key {
			return keyUse{}, at + ": " + name + " without a key"
		}
		key, ok := keyValue(v.Args[pos.key], local, newsConsts)
		if !ok {
			return keyUse{}, at + ": the key of " + name + " is not a literal or constant"
		}
		args := len(v.Args) - pos.values
		if v.Ellipsis.IsValid() {
			args = -1
		}
		return keyUse{key, at, args}, ""
	case *ast.CompositeLit:
		sel, ok := v.Type.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Text" {
			return keyUse{}, ""
		}
		for _, el := range v.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok && isIdent(kv.Key, "Key") {
				at := fset.Position(kv.Pos()).String()
				key, ok := keyValue(kv.Value, local, newsConsts)
				if !ok {
					return keyUse{}, at + ": Text.Key is not a literal or constant"
				}
				return keyUse{key, at, -1}, ""
			}
		}
	}
	return keyUse{}, ""
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

// Every key the code uses is in the catalog, with as many values as its
// templates have placeholders; every catalog key is used somewhere.
func TestCallSiteKeys(t *testing.T) {
	uses, bad := keyUses(t, repoRoot(t))
	for _, b := range bad {
		t.Error(b)
	}
	if len(uses) < 150 {
		t.Fatalf("only %d uses of message keys found; is the scan stale?", len(uses))
	}
	used := map[string]bool{}
	for _, u := range uses {
		used[u.key] = true
		m, ok := catalog[u.key]
		if !ok {
			t.Errorf("%s: key %q is not in the catalog", u.where, u.key)
			continue
		}
		if _, n, _ := placeholders(m.tr); u.args >= 0 && u.args != n {
			t.Errorf("%s: %q takes %d values, given %d", u.where, u.key, n, u.args)
		}
	}
	for key := range catalog {
		if !used[key] {
			t.Errorf("catalog key %q is used nowhere", key)
		}
	}
}
