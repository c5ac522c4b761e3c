package main

import (
	"context"

	"manset/internal/store"
	"manset/internal/store/sqlite"
)

// openStore opens the storage engine named by --db. Every command goes
// through it, so the engine is chosen in one place.
func openStore(ctx context.Context, dsn string) (store.Store, error) {
	return sqlite.Open(ctx, dsn)
}
