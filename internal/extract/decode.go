package extract

import (
	"manset/internal/charset"
	"manset/internal/news"
)

// decode returns the page as valid UTF-8 (see charset.Decode), refusing
// a page larger than MaxPageSize.
func decode(body []byte, contentType string) (string, error) {
	if len(body) > MaxPageSize {
		return "", news.E(news.ETOOLARGE, "page.too_large")
	}
	return charset.Decode(body, contentType), nil
}
