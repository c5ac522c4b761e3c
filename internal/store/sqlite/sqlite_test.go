package sqlite_test

import (
	"path/filepath"
	"testing"

	"manset/internal/store"
	"manset/internal/store/sqlite"
	"manset/internal/store/storetest"
)

// mustOpen opens a database file in a fresh temporary directory.
func mustOpen(t testing.TB, path string) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(t.Context(), path)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	return db
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		return mustOpen(t, filepath.Join(t.TempDir(), "manset.db"))
	})
}
