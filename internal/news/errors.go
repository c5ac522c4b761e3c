// Package news holds Manşet's domain: articles, categories, sources, stories,
// users, reactions and comments, their validation, and the error codes every
// other package speaks. It imports only the standard library.
//
// It also holds the catalog of messages those errors carry, in Turkish and
// English, by key (message.go, messages_*.go): every producer of errors
// already imports news, and an error must be able to write itself in
// Turkish for logs and the CLI without news importing anything else.
package news

import (
	"errors"
	"fmt"
)

// Error codes. The HTTP edge maps each to a status; the CLI prints the message.
const (
	ECONFLICT     = "conflict"     // the thing already exists
	EINTERNAL     = "internal"     // our fault; the message is generic
	EINVALID      = "invalid"      // the input is wrong; the message says how
	ENOTFOUND     = "not_found"    // no such thing
	EUNAUTHORIZED = "unauthorized" // log in first
	EFORBIDDEN    = "forbidden"    // logged in but not allowed
	ERATELIMIT    = "rate_limited" // too many requests
	ETOOLARGE     = "too_large"    // input over a size limit
	EUNSUPPORTED  = "unsupported"  // a format or kind we do not handle
)

// Error is a domain error: a code for machines and a catalog message that
// is safe to show to a reader, in the reader's language. The internal
// cause, if any, is kept in Err for logs.
type Error struct {
	Code string
	Text // the message: a catalog key and its values
	Err  error
}

// Error is the Turkish text with the code and the cause: what logs and
// the CLI print.
func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %s: %v", e.Code, e.Message(LangTR), e.Err)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message(LangTR))
}

func (e *Error) Unwrap() error { return e.Err }

// Message returns the safe message in lang (LangTR or LangEN).
func (e *Error) Message(lang string) string { return e.Text.In(lang) }

// E returns an *Error with the given code and the catalog message key,
// whose placeholders args fill.
func E(code, key string, args ...any) *Error {
	return &Error{Code: code, Text: Text{Key: key, Args: args}}
}

// WrapError is E that keeps cause for logs; readers see only the message.
func WrapError(code, key string, cause error, args ...any) *Error {
	return &Error{Code: code, Text: Text{Key: key, Args: args}, Err: cause}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL
// for any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// Localize returns the safe message of err in lang; errors that are not
// domain errors get the generic one, since their text may leak internals.
func Localize(err error, lang string) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message(lang)
	}
	return T(KeyInternal).In(lang)
}

// ErrorMessage returns the safe message of err in Turkish (see Localize).
func ErrorMessage(err error) string { return Localize(err, LangTR) }

// IsNotFound reports whether err carries ENOTFOUND.
func IsNotFound(err error) bool { return ErrorCode(err) == ENOTFOUND }
