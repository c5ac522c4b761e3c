package sqlite_test

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"manset/internal/news"
	"manset/internal/store"
	"manset/internal/store/sqlite"
	"manset/internal/store/storetest"
)

// crashEnv names the database a re-executed test binary writes to before
// its parent kills it.
const crashEnv = "MANSET_SQLITE_CRASH_DB"

func TestMain(m *testing.M) {
	if path := os.Getenv(crashEnv); path != "" {
		crashChild(path)
		return
	}
	os.Exit(m.Run())
}

// mustOpen opens the database file at path, closing it when t ends.
func mustOpen(t testing.TB, path string) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(t.Context(), path)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func tempPath(t testing.TB) string { return filepath.Join(t.TempDir(), "manset.db") }

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		db, err := sqlite.Open(t.Context(), tempPath(t))
		if err != nil {
			t.Fatal(err)
		}
		return db
	})
}

func createArticles(t testing.TB, db *sqlite.DB, n int) {
	t.Helper()
	for i := range n {
		a := news.Article{Title: fmt.Sprintf("Haber %d", i), BodyText: "Metin."}
		if err := db.CreateArticle(t.Context(), &a); err != nil {
			t.Fatal(err)
		}
	}
}

func slugs(t testing.TB, db *sqlite.DB) []string {
	t.Helper()
	list, _, err := db.ListArticles(t.Context(), news.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, a := range list {
		out = append(out, a.Slug)
	}
	return out
}

func TestReopenKeepsDataAndMigrationsRunOnce(t *testing.T) {
	path := tempPath(t)
	db := mustOpen(t, path)
	createArticles(t, db, 3)
	before := slugs(t, db)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		db = mustOpen(t, path)
		if got := slugs(t, db); strings.Join(got, ",") != strings.Join(before, ",") {
			t.Fatalf("after reopen: %q, want %q", got, before)
		}
		db.Close()
	}
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var applied, version int
	err = raw.QueryRow(`SELECT COUNT(*), MAX(version_id) FROM goose_db_version WHERE version_id > 0`).Scan(&applied, &version)
	if err != nil {
		t.Fatal(err)
	}
	migrations, _ := filepath.Glob("migrations/*.sql")
	if applied != len(migrations) || version != len(migrations) {
		t.Errorf("goose recorded %d migrations up to %d, want %d", applied, version, len(migrations))
	}
}

func TestBackup(t *testing.T) {
	db := mustOpen(t, tempPath(t))
	createArticles(t, db, 5)
	if err := db.SetSetting(t.Context(), "site.name", "Manşet"); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "yedek.db")
	if err := db.Backup(t.Context(), out); err != nil {
		t.Fatal(err)
	}
	copyDB := mustOpen(t, out)
	if got, want := slugs(t, copyDB), slugs(t, db); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("backup holds %q, want %q", got, want)
	}
	if v, _ := copyDB.Setting(t.Context(), "site.name"); v != "Manşet" {
		t.Errorf("backup setting = %q", v)
	}
	if code := news.ErrorCode(db.Backup(t.Context(), out)); code != news.ECONFLICT {
		t.Errorf("backup over an existing file: code %q, want %q", code, news.ECONFLICT)
	}
}

func TestOpenRejectsBadPath(t *testing.T) {
	for _, p := range []string{"", "x.db?mode=ro", "file:x.db"} {
		if _, err := sqlite.Open(context.Background(), p); news.ErrorCode(err) != news.EINVALID {
			t.Errorf("Open(%q) = %v, want EINVALID", p, err)
		}
	}
	if _, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "yok", "x.db")); err == nil {
		t.Error("Open in a missing directory succeeded")
	}
}

// TestTwoHandlesOneFile stands for `manset serve` and `manset fetch`
// writing the same file: every write lands, and each sees the other's
// content version move.
func TestTwoHandlesOneFile(t *testing.T) {
	path := tempPath(t)
	a, b := mustOpen(t, path), mustOpen(t, path)
	v0, err := b.ContentVersion(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 20 {
		db := a
		if i%2 == 1 {
			db = b
		}
		wg.Go(func() {
			art := news.Article{Title: "Aynı dosya", BodyText: fmt.Sprint(i)}
			if err := db.CreateArticle(t.Context(), &art); err != nil {
				t.Errorf("writer %d: %v", i, err)
			}
		})
	}
	wg.Wait()
	_, total, err := a.ListArticles(t.Context(), news.ArticleFilter{})
	if err != nil || total != 20 {
		t.Fatalf("total %d, %v; want 20", total, err)
	}
	if v, _ := b.ContentVersion(t.Context()); v != v0+20 {
		t.Errorf("other handle sees content version %d, want %d", v, v0+20)
	}
}

// TestKilledProcessKeepsAcknowledgedWrites re-runs this test binary as a
// child that writes, reports "ok", and waits; the parent kills it with
// SIGKILL and checks that every acknowledged write is there.
func TestKilledProcessKeepsAcknowledgedWrites(t *testing.T) {
	path := tempPath(t)
	mustOpen(t, path).Close() // create and migrate first
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashEnv+"="+path)
	stdin, err := cmd.StdinPipe() // held open: the child waits on it
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || line != "ok\n" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("child said %q, %v", line, err)
	}
	if err := cmd.Process.Kill(); err != nil { // SIGKILL on Unix
		t.Fatal(err)
	}
	cmd.Wait()
	db := mustOpen(t, path)
	_, total, err := db.ListArticles(t.Context(), news.ArticleFilter{})
	if err != nil || total != crashWrites {
		t.Fatalf("after kill -9: %d articles, %v; want %d", total, err, crashWrites)
	}
	if _, err := db.ArticleBySlug(t.Context(), fmt.Sprintf("kill-oncesi-%d", crashWrites-1)); err != nil {
		t.Errorf("last acknowledged write lost: %v", err)
	}
}

const crashWrites = 25

// crashChild writes crashWrites articles, says "ok" and blocks until killed.
func crashChild(path string) {
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	for i := range crashWrites {
		a := news.Article{Title: fmt.Sprintf("Kill öncesi %d", i), BodyText: "Metin."}
		if err := db.CreateArticle(context.Background(), &a); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	}
	fmt.Println("ok")
	io.Copy(io.Discard, os.Stdin) // never returns before the parent kills us
	os.Exit(3)
}

// A database migrated by a newer manset is refused with a message that says
// so, and Ready fails on it too, instead of running on tables this binary
// does not know.
func TestRefusesNewerSchema(t *testing.T) {
	path := tempPath(t)
	db := mustOpen(t, path)
	if err := db.Ready(t.Context()); err != nil {
		t.Fatalf("Ready on a fresh database: %v", err)
	}
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`INSERT INTO goose_db_version (version_id, is_applied) VALUES (999, 1)`); err != nil {
		t.Fatal(err)
	}
	if err := db.Ready(t.Context()); err == nil {
		t.Error("Ready passes on a schema newer than the binary")
	}
	db.Close()
	_, err = sqlite.Open(t.Context(), path)
	if news.ErrorCode(err) != news.EUNSUPPORTED || !strings.Contains(news.ErrorMessage(err), "999") {
		t.Fatalf("Open of a newer schema: %v", err)
	}
}
