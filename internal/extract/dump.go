package extract

import (
	"manset/internal/extract/textdump"
	"manset/internal/news"
)

// parseDump hands a plain-text page dump to package textdump.
func parseDump(text, pageURL string) (news.Extracted, error) {
	return textdump.Parse(text, pageURL)
}
