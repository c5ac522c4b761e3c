package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// run executes a command line in-process with the given stdin and
// environment, and returns exit code, stdout and stderr.
func run(t *testing.T, stdin string, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return env[k] }}
	code := Run(context.Background(), e, args)
	return code, out.String(), errb.String()
}

const fixtures = "../../internal/ingest/testdata/import"

func TestExtractJSONLinesKeepsGoingAfterAFailure(t *testing.T) {
	code, out, errOut := run(t, "", nil, "extract", fixtures+"/dunya-liman.txt", fixtures+"/alt/garbage.html", fixtures+"/kuraklik.html")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("want 3 JSON lines, got %d:\n%s", len(lines), out)
	}
	var first, bad, third map[string]any
	for i, dst := range []*map[string]any{&first, &bad, &third} {
		if err := json.Unmarshal([]byte(lines[i]), dst); err != nil {
			t.Fatalf("line %d is not JSON: %v", i+1, err)
		}
	}
	if first["file"] != fixtures+"/dunya-liman.txt" || first["title"] != "Liman grevi üçüncü gününde: yüzlerce konteyner bekliyor" {
		t.Errorf("first = %v %v", first["file"], first["title"])
	}
	for _, k := range []string{"title", "url", "canonical_url", "site_name", "author", "published_at", "modified_at", "category", "lang", "summary", "image", "text", "html"} {
		if _, ok := first[k]; !ok {
			t.Errorf("extract output lacks %q", k)
		}
	}
	if bad["file"] != fixtures+"/alt/garbage.html" || bad["error"] == nil || bad["error"] == "" {
		t.Errorf("failed file line = %v", bad)
	}
	if !strings.Contains(third["text"].(string), "Işık Mahallesi") {
		t.Errorf("windows-1254 page text = %q", third["text"])
	}
}

func TestExtractSingleFromStdinText(t *testing.T) {
	page, err := os.ReadFile(fixtures + "/dunya-liman.txt")
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, string(page), nil, "extract", "--format", "text", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.HasPrefix(out, "Liman grevi üçüncü gününde") || strings.Contains(out, "Beğendim") {
		t.Errorf("text output:\n%s", out)
	}
}

func TestImportBackupAndEnvDB(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"MANSET_DB": filepath.Join(dir, "env.db")}
	code, out, errOut := run(t, "", env, "import", fixtures)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.HasPrefix(out, "imported 4, updated 0, skipped 0, failed 3") {
		t.Errorf("summary:\n%s", out)
	}
	if _, err := os.Stat(env["MANSET_DB"]); err != nil {
		t.Fatalf("MANSET_DB not used: %v", err)
	}
	code, out, _ = run(t, "", env, "import", fixtures)
	if code != 0 || !strings.HasPrefix(out, "imported 0, updated 0, skipped 4") {
		t.Errorf("re-import: exit %d\n%s", code, out)
	}
	backup := filepath.Join(dir, "copy.db")
	if code, _, errOut := run(t, "", env, "backup", backup); code != 0 {
		t.Fatalf("backup exit %d: %s", code, errOut)
	}
	code, out, _ = run(t, "", nil, "import", "--db", backup, fixtures)
	if code != 0 || !strings.HasPrefix(out, "imported 0, updated 0, skipped 4") {
		t.Errorf("backup does not hold the articles: exit %d\n%s", code, out)
	}
}

func TestImportNothingImportableFails(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	code, out, errOut := run(t, "", nil, "import", "--db", db, fixtures+"/alt/garbage.html")
	if code != 1 || !strings.Contains(out, "failed 1") || errOut == "" {
		t.Errorf("exit %d, out %q, err %q", code, out, errOut)
	}
}

func TestUserAdd(t *testing.T) {
	db := filepath.Join(t.TempDir(), "u.db")
	code, out, errOut := run(t, "uzun-bir-parola\n", nil, "user", "add", "--db", db, "--email", "Editor@Ornek.com", "--name", "Ayşe Editör", "--role", "editor")
	if code != 0 || !strings.Contains(out, "editor@ornek.com") || !strings.Contains(out, "role editor") {
		t.Fatalf("exit %d: %s %s", code, out, errOut)
	}
	if code, _, errOut := run(t, "uzun-bir-parola\n", nil, "user", "add", "--db", db, "--email", "editor@ornek.com", "--name", "İkinci", "--role", "editor"); code != 1 || errOut == "" {
		t.Errorf("duplicate e-mail: exit %d, %q", code, errOut)
	}
	if code, _, errOut := run(t, "", nil, "user", "add", "--db", db, "--email", "x@ornek.com", "--name", "X", "--role", "admin"); code != 1 || !strings.Contains(errOut, "password") {
		t.Errorf("no password: exit %d, %q", code, errOut)
	}
	if code, _, _ := run(t, "uzun-bir-parola\n", nil, "user", "add", "--db", db, "--email", "y@ornek.com", "--name", "Y", "--role", "patron"); code != 1 {
		t.Errorf("bad role accepted: exit %d", code)
	}
}

func TestUnknownCommand(t *testing.T) {
	if code, _, errOut := run(t, "", nil, "yayinla"); code != 2 || !strings.Contains(errOut, "unknown command") {
		t.Errorf("exit %d, %q", code, errOut)
	}
}
