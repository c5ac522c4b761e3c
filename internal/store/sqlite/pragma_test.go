package sqlite

import (
	"database/sql"
	"path/filepath"
	"testing"
)

// TestPragmasOnEveryConnection checks the settings durability and
// correctness rest on, on several connections of each pool at once (a
// pragma run once after Open would reach only the first).
func TestPragmasOnEveryConnection(t *testing.T) {
	db, err := Open(t.Context(), filepath.Join(t.TempDir(), "manset.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	want := map[string]string{
		"journal_mode": "wal", "foreign_keys": "1", "synchronous": "1", "busy_timeout": "10000",
	}
	checkPool(t, "writer", db.write, 1, want, "0")
	checkPool(t, "reader", db.read, 3, want, "1")
}

func checkPool(t *testing.T, name string, pool *sql.DB, n int, want map[string]string, queryOnly string) {
	t.Helper()
	conns := make([]*sql.Conn, n)
	for i := range conns {
		c, err := pool.Conn(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		conns[i] = c
	}
	want["query_only"] = queryOnly
	for i, c := range conns {
		for pragma, w := range want {
			var got string
			if err := c.QueryRowContext(t.Context(), "PRAGMA "+pragma).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != w {
				t.Errorf("%s connection %d: %s = %s, want %s", name, i, pragma, got, w)
			}
		}
	}
}

func TestReaderCannotWrite(t *testing.T) {
	db, err := Open(t.Context(), filepath.Join(t.TempDir(), "manset.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.read.ExecContext(t.Context(), `INSERT INTO settings (key, value) VALUES ('a', 'b')`); err == nil {
		t.Error("a read-pool connection wrote to the database")
	}
}
