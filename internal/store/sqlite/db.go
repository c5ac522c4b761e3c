// Package sqlite implements Manşet's store contract on an embedded SQLite
// database (modernc.org/sqlite, pure Go). One connection writes, a pool
// reads; WAL lets readers run beside the writer.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/pressly/goose/v3"
	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"manset/internal/news"
	"manset/internal/store"
)

//go:embed migrations/*.sql
var migrations embed.FS

var _ store.Store = (*DB)(nil)

// busyTimeout is how long a statement waits for another process's write
// lock before failing with SQLITE_BUSY.
const busyTimeout = 10 * time.Second

// DB is a Manşet database in one SQLite file.
type DB struct {
	path  string
	write *sql.DB // exactly one connection: SQLite allows one writer
	read  *sql.DB // query-only pool

	// Now returns the current time; tests may replace it before use.
	Now func() time.Time
}

// Open opens (creating if needed) the database at path and applies any
// pending migrations.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" || strings.ContainsAny(path, "?#") || strings.HasPrefix(path, "file:") {
		return nil, news.E(news.EINVALID, "db.bad_path", path)
	}
	db := &DB{path: path, Now: time.Now}
	var err error
	if db.write, err = sql.Open("sqlite", dsn(path, connWrite)); err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	db.write.SetMaxOpenConns(1)
	db.write.SetMaxIdleConns(1)
	db.write.SetConnMaxLifetime(0)
	db.write.SetConnMaxIdleTime(0)
	if err := db.migrate(ctx); err != nil {
		db.write.Close()
		return nil, err
	}
	if err := db.backfillSearch(ctx); err != nil {
		db.write.Close()
		return nil, err
	}
	if db.read, err = sql.Open("sqlite", dsn(path, connRead)); err != nil {
		db.write.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	n := max(4, runtime.NumCPU())
	db.read.SetMaxOpenConns(n)
	db.read.SetMaxIdleConns(n)
	if err := db.read.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	return db, nil
}

// connKind says what a connection is for.
type connKind int

const (
	connWrite  connKind = iota // the one writer
	connRead                   // pooled, query-only
	connBackup                 // VACUUM INTO writes a new file, so not query-only
)

// dsn builds the connection string. Pragmas go in the DSN so that every
// pooled connection gets them, not only the first.
func dsn(path string, kind connKind) string {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds()))
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(1)")
	// NORMAL in WAL mode loses no committed transaction when the process
	// dies; only a power cut can roll back the last few.
	q.Add("_pragma", "synchronous(NORMAL)")
	switch kind {
	case connWrite:
		// Take the write lock at BEGIN, so a transaction never fails halfway
		// when another process writes; busy_timeout then queues it.
		q.Set("_txlock", "immediate")
	case connRead:
		q.Add("_pragma", "query_only(1)")
	}
	return path + "?" + q.Encode()
}

func (db *DB) migrate(ctx context.Context) error {
	fsys, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return fmt.Errorf("sqlite: migrations: %w", err)
	}
	p, err := goose.NewProvider(goose.DialectSQLite3, db.write, fsys)
	if err != nil {
		return fmt.Errorf("sqlite: migrations: %w", err)
	}
	if err := db.refuseNewerSchema(ctx, p); err != nil {
		return err
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("sqlite: migrate %s: %w", db.path, err)
	}
	return nil
}

// Close closes both connection pools, first letting SQLite refresh the
// statistics its query planner uses (cheap: it analyses only what changed).
func (db *DB) Close() error {
	var errs []error
	if db.read != nil {
		errs = append(errs, db.read.Close())
	}
	if db.write != nil {
		if _, err := db.write.Exec("PRAGMA optimize"); err != nil {
			errs = append(errs, fmt.Errorf("sqlite: optimize: %w", err))
		}
		errs = append(errs, db.write.Close())
	}
	return errors.Join(errs...)
}

// Backup writes a consistent, compacted copy of the database to outPath
// with VACUUM INTO, while readers and writers carry on. outPath must not
// exist yet.
func (db *DB) Backup(ctx context.Context, outPath string) error {
	if outPath == "" {
		return news.E(news.EINVALID, "backup.path_required")
	}
	if _, err := os.Stat(outPath); err == nil {
		return news.E(news.ECONFLICT, "backup.exists", outPath)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("sqlite: backup: %w", err)
	}
	// A connection of its own: the read pool is query-only, and the writer
	// must stay free for writes while the copy runs.
	conn, err := sql.Open("sqlite", dsn(db.path, connBackup))
	if err != nil {
		return fmt.Errorf("sqlite: backup: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "VACUUM INTO ?", outPath); err != nil {
		return fmt.Errorf("sqlite: backup to %s: %w", outPath, err)
	}
	return conn.Close()
}

// inTx runs fn in one write transaction, committing when fn returns nil.
func (db *DB) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: begin: %w", err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: commit: %w", err)
	}
	return nil
}

// inRead runs fn in one read transaction, so that its queries see one
// snapshot of the database.
func (db *DB) inRead(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("sqlite: begin read: %w", err)
	}
	defer tx.Rollback()
	return fn(tx)
}

// now is the current time truncated to what the database keeps.
func (db *DB) now() time.Time {
	return db.Now().UTC().Truncate(time.Millisecond)
}

// changeLogKeep is how many content_changes rows are kept; a process whose
// cache is further behind than that drops everything.
const changeLogKeep = 10000

// bumpVersion increments the content version and logs which articles
// changed (none: site-wide) inside the writing
// transaction, so caches never see new content with an old version.
func bumpVersion(ctx context.Context, tx *sql.Tx, articleIDs ...int64) error {
	if _, err := tx.ExecContext(ctx, `UPDATE meta SET value = value + 1 WHERE key = 'content_version'`); err != nil {
		return fmt.Errorf("sqlite: bump content version: %w", err)
	}
	if len(articleIDs) == 0 {
		articleIDs = []int64{0}
	}
	for _, id := range articleIDs {
		if _, err := tx.ExecContext(ctx, `INSERT INTO content_changes (article_id) VALUES (?)`, id); err != nil {
			return fmt.Errorf("sqlite: log content change: %w", err)
		}
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM content_changes
		WHERE seq <= (SELECT max(seq) FROM content_changes) - ?`, changeLogKeep)
	if err != nil {
		return fmt.Errorf("sqlite: prune content changes: %w", err)
	}
	return nil
}

// ContentVersion returns a number that grows with every change to articles,
// categories, settings or sources, made by any process.
func (db *DB) ContentVersion(ctx context.Context) (int64, error) {
	var v int64
	err := db.read.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'content_version'`).Scan(&v)
	if err != nil {
		return 0, fmt.Errorf("sqlite: content version: %w", err)
	}
	return v, nil
}

// refuseNewerSchema stops a binary from running on a database that a newer
// manset has migrated: it would not know the new tables and could damage
// them.
func (db *DB) refuseNewerSchema(ctx context.Context, p *goose.Provider) error {
	current, err := p.GetDBVersion(ctx)
	if err != nil {
		return fmt.Errorf("sqlite: schema version: %w", err)
	}
	sources := p.ListSources()
	known := sources[len(sources)-1].Version
	if current > known {
		return news.E(news.EUNSUPPORTED, "db.schema_newer", current, known)
	}
	return nil
}

// Ready reports whether the database answers and holds every migration
// this binary knows.
func (db *DB) Ready(ctx context.Context) error {
	var current int64
	err := db.read.QueryRowContext(ctx, `SELECT coalesce(max(version_id), 0) FROM goose_db_version`).Scan(&current)
	if err != nil {
		return fmt.Errorf("sqlite: ready: %w", err)
	}
	entries, err := fs.ReadDir(migrations, "migrations")
	if err != nil {
		return fmt.Errorf("sqlite: ready: %w", err)
	}
	if known := int64(len(entries)); current != known {
		return fmt.Errorf("sqlite: ready: schema version %d, this binary knows %d", current, known)
	}
	return nil
}
