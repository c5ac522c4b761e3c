package ingest

import (
	"sync"

	"github.com/microcosm-cc/bluemonday"
)

// bodyPolicy allows the formatting an article body needs and nothing that
// runs: no scripts, styles, event handlers or javascript: links.
var bodyPolicy = sync.OnceValue(func() *bluemonday.Policy {
	p := bluemonday.UGCPolicy()
	p.RequireNoFollowOnLinks(true)
	p.AllowElements("figure", "figcaption")
	return p
})

func sanitizeHTML(s string) string { return bodyPolicy().Sanitize(s) }
