package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Class and id fragments that say what a container holds. They are matched
// as substrings of the lowercased class and id, so "haber-detay-icerik"
// matches both "haber-detay" and "icerik".
var (
	positiveHints = []string{
		"article", "content", "entry", "post", "story", "body", "text",
		"haber-detay", "haberdetay", "detay", "icerik", "makale", "metin",
		"main", "prose", "news-",
	}
	negativeHints = []string{
		"comment", "yorum", "share", "paylas", "social", "sidebar", "related",
		"ilgili", "footer", "nav", "menu", "advert", "reklam", "banner",
		"cookie", "newsletter", "popular", "son-dakika", "sondakika",
		"breadcrumb", "tags", "etiket", "widget", "promo", "sponsor",
		"subscribe", "signup", "login", "modal", "popup", "outbrain",
		"taboola", "toolbar", "pagination", "pager", "masthead", "recommend",
		"trending", "most-read", "mostread", "more-stories", "read-more",
		"readmore", "byline", "author", "dateline", "timestamp", "meta",
		"caption", "credit", "disclaimer", "copyright", "newsticker",
		"ticker", "manset", "gallery", "galeri", "slider", "carousel",
		"print", "tool", "rating", "reaction", "emoji", "follow", "teaser",
		"hidden", "skip", "header", "masthead", "signature", "bio",
		"newsletter", "donate", "paywall", "inline-ad", "adslot", "ad-slot",
		"adsbygoogle", "dfp", "gpt-ad", "sticky", "also-read", "see-also",
		"okunan", "diger-haber", "benzer", "video-list", "photo-list",
	}
	// Short fragments that mean advertising only as whole words.
	adWords = []string{"ad", "ads", "adv", "advert", "ad-container"}
)

// hintOf scores an element by its class, id and role: positive for
// article containers, negative for page chrome, 0 when unsure or both.
func hintOf(n *html.Node) int {
	switch n.DataAtom {
	case atom.Body, atom.Html:
		// Body classes describe the page template, not a region.
		return 0
	case atom.Article, atom.Main:
		return 1
	case atom.Nav, atom.Aside, atom.Footer, atom.Form:
		return -1
	}
	if ip := attr(n, "itemprop"); ip == "articleBody" || ip == "articlebody" {
		return 2
	}
	switch attr(n, "role") {
	case "navigation", "complementary", "contentinfo", "banner", "menu", "menubar", "dialog", "alert":
		return -1
	case "main", "article":
		return 1
	}
	s := attr(n, "class") + " " + attr(n, "id")
	if len(s) <= 1 {
		return 0
	}
	s = strings.ToLower(s)
	pos, neg := matchAny(s, positiveHints), matchAny(s, negativeHints) || adWord(s)
	switch {
	case pos && !neg:
		return 1
	case neg && !pos:
		return -1
	}
	return 0
}

func matchAny(s string, frags []string) bool {
	for _, f := range frags {
		if strings.Contains(s, f) {
			return true
		}
	}
	return false
}

// adWord reports whether one of the space, dash or underscore separated
// words of s is an advertising word such as "ad" or "ads".
func adWord(s string) bool {
	for f := range strings.FieldsFuncSeq(s, func(r rune) bool { return r == ' ' || r == '-' || r == '_' }) {
		for _, w := range adWords {
			if f == w {
				return true
			}
		}
	}
	return false
}
