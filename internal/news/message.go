package news

import (
	"errors"
	"fmt"
	"strings"
)

// The catalog lives in the domain package rather than in an i18n package
// of its own: a separate package would have to import news (for *Error)
// or be imported by it, and news imports no package of ours. Pages
// and the API pick the reader's language at the edge, with Localize or
// (*Error).Message; the UI texts of templates are web's own catalog.

// Languages of the catalog. Turkish is the site's language, and what any
// other tag gets.
const (
	LangTR = "tr"
	LangEN = "en"
)

// KeyInternal is the message of errors whose cause only the logs may see.
const KeyInternal = "error.internal"

// Text is a catalog message: its key and the values for its placeholders.
// Values are shown as given in every language (names, numbers and
// addresses are not translated); a value that is a Text, or an error
// carrying an *Error, is written in the same language as the message.
type Text struct {
	Key  string
	Args []any
}

// T returns the message key filled with args.
func T(key string, args ...any) Text { return Text{Key: key, Args: args} }

// In writes t in lang (LangTR or LangEN).
func (t Text) In(lang string) string {
	m, ok := catalog[t.Key]
	if !ok {
		// TestCallSiteKeys keeps this from happening; should it still,
		// the key and values name the problem better than nothing.
		return strings.TrimSuffix(fmt.Sprintln(append([]any{t.Key + ":"}, t.Args...)...), "\n")
	}
	tmpl := m.tr
	if lang == LangEN {
		tmpl = m.en
	}
	if len(t.Args) == 0 {
		return tmpl
	}
	return fmt.Sprintf(tmpl, localArgs(t.Args, lang)...)
}

// String is the Turkish text, so a Text printed with %s reads as Turkish
// like the rest of the logs.
func (t Text) String() string { return t.In(LangTR) }

// localArgs writes the nested messages among args in lang and leaves the
// other values alone.
func localArgs(args []any, lang string) []any {
	out := make([]any, len(args))
	for i, a := range args {
		var de *Error
		switch v := a.(type) {
		case Text:
			out[i] = v.In(lang)
		case error:
			if errors.As(v, &de) {
				out[i] = de.Message(lang)
			} else {
				out[i] = v
			}
		default:
			out[i] = a
		}
	}
	return out
}

// message is one catalog entry: the same message in each language, as fmt
// templates with the same verbs, so one set of values fills either; an
// English template may reorder them with %[n]d.
type message struct{ tr, en string }

// catalog holds every message, by key. Keys name the domain thing and what
// is wrong with it ("article.not_found"), so a message can be reworded in
// either language without touching the code that raises it.
var catalog = joinCatalogs(accountMessages, newsroomMessages, ingestMessages, siteMessages)

// joinCatalogs merges the per-area tables; a key in two tables is a bug.
func joinCatalogs(parts ...map[string]message) map[string]message {
	all := map[string]message{}
	for _, p := range parts {
		for k, m := range p {
			if _, dup := all[k]; dup {
				panic("news: message key defined twice: " + k)
			}
			all[k] = m
		}
	}
	return all
}
