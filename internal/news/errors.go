// Package news holds Manşet's domain: articles, categories, sources, stories,
// users, reactions and comments, their validation, and the error codes every
// other package speaks. It imports only the standard library.
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

// Error is a domain error: a code for machines and a message that is safe to
// show to a reader. The internal cause, if any, is kept in Err for logs.
type Error struct {
	Code    string
	Message string
	Err     error
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %s: %v", e.Code, e.Message, e.Err)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the given code and a formatted, user-safe message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// WrapError returns an *Error that keeps cause for logs but shows only message.
func WrapError(code, message string, cause error) *Error {
	return &Error{Code: code, Message: message, Err: cause}
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

// ErrorMessage returns the safe message of err; internal errors get a generic one.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "Beklenmeyen bir hata oluştu."
}

// IsNotFound reports whether err carries ENOTFOUND.
func IsNotFound(err error) bool { return ErrorCode(err) == ENOTFOUND }
