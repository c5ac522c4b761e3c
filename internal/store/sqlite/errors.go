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
var (
	msgArticleNotFound  = news.T("article.not_found")
	msgCategoryNotFound = news.T("category.not_found")
	msgSourceNotFound   = news.T("source.not_found")
	msgStoryNotFound    = news.T("story.not_found")
)

// notFoundErr is ENOTFOUND with one of the messages above.
func notFoundErr(t news.Text) error { return &news.Error{Code: news.ENOTFOUND, Text: t} }

// errMessages are the user-safe messages for constraint failures of one
// kind of record.
type errMessages struct {
	op       string // for logs: "create article"
	notFound news.Text
	conflict news.Text // UNIQUE violated
	missing  news.Text // FOREIGN KEY violated: a referenced record is gone
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
	if errors.Is(err, sql.ErrNoRows) && m.notFound.Key != "" {
		return &news.Error{Code: news.ENOTFOUND, Text: m.notFound, Err: err}
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			if m.conflict.Key != "" {
				return &news.Error{Code: news.ECONFLICT, Text: m.conflict, Err: err}
			}
		case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
			if m.missing.Key != "" {
				return &news.Error{Code: news.EINVALID, Text: m.missing, Err: err}
			}
		}
	}
	return fmt.Errorf("sqlite: %s: %w", m.op, err)
}
