package sqlite

import (
	"database/sql"
	"errors"
	"fmt"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"manset/internal/news"
)

// Messages shown when a lookup finds nothing.
const (
	msgArticleNotFound  = "Haber bulunamadı."
	msgCategoryNotFound = "Kategori bulunamadı."
	msgSourceNotFound   = "Kaynak bulunamadı."
	msgStoryNotFound    = "Haber dizisi bulunamadı."
)

// errMessages are the user-safe messages for constraint failures of one
// kind of record.
type errMessages struct {
	op       string // for logs: "create article"
	notFound string
	conflict string // UNIQUE violated
	missing  string // FOREIGN KEY violated: a referenced record is gone
}

// mapErr turns driver errors into domain errors at the store's edge:
// no rows is ENOTFOUND, a UNIQUE violation ECONFLICT, a dangling reference
// EINVALID; anything else is wrapped with the operation for the logs.
// Domain errors pass through unchanged.
func mapErr(err error, m errMessages) error {
	if err == nil {
		return nil
	}
	var de *news.Error
	if errors.As(err, &de) {
		return err
	}
	if errors.Is(err, sql.ErrNoRows) && m.notFound != "" {
		return news.WrapError(news.ENOTFOUND, m.notFound, err)
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			if m.conflict != "" {
				return news.WrapError(news.ECONFLICT, m.conflict, err)
			}
		case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
			if m.missing != "" {
				return news.WrapError(news.EINVALID, m.missing, err)
			}
		}
	}
	return fmt.Errorf("sqlite: %s: %w", m.op, err)
}
