package extract

import "manset/internal/news"

// ParseText parses a plain-text page dump. cmd/ sets it to textdump.Parse;
// it is a variable so this package builds while textdump is written.
var ParseText func(text, pageURL string) (news.Extracted, error)

func parseDump(text, pageURL string) (news.Extracted, error) {
	if ParseText == nil {
		return news.Extracted{}, news.Errorf(news.EUNSUPPORTED, "Düz metin sayfa dökümleri desteklenmiyor.")
	}
	return ParseText(text, pageURL)
}
