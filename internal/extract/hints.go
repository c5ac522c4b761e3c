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
	// strongHints mark chrome even when the same class also says
	// "content" or "body" ("comment-body", "related-content").
	strongHints = []string{
		"comment", "yorum", "share", "paylas", "social", "related", "ilgili",
		"breadcrumb", "cookie", "newsletter", "disqus",
		"respond", "reply", "sharing", "outbrain", "taboola", "most-read",
		"mostread", "recommend", "popular", "also-read", "see-also",
		"more-stories", "benzer", "diger-haber", "okunan",
	}
	negativeHints = []string{
		"sidebar", "footer", "nav", "menu", "banner", "son-dakika", "reklam", "advert",
		"sondakika", "tags", "etiket", "promo", "sponsor", "subscribe",
		"signup", "login", "modal", "popup", "toolbar", "pagination", "pager",
		"masthead", "trending", "read-more", "readmore", "byline", "author",
		"dateline", "timestamp", "meta", "caption", "credit", "disclaimer",
		"copyright", "newsticker", "ticker", "manset", "gallery", "galeri",
		"slider", "carousel", "print", "tool", "rating", "reaction", "emoji",
		"follow", "teaser", "hidden", "skip", "header", "signature", "bio",
		"donate", "adslot", "ad-slot", "adsbygoogle", "dfp",
		"gpt-ad", "sticky", "video-list", "photo-list",
	}
	// Short fragments that mean advertising only as whole words.
	adWords = []string{"ad", "ads", "adv", "advert", "ad-container"}
)

// hintOf scores an element by its tag, class, id and role: 2 for a
// declared article body, 1 for article containers, -1 for page chrome, -2
// for chrome that holds sentences (comments, related stories), 0 when
// unsure.
func hintOf(n *html.Node, cache map[string]int) int {
	switch n.DataAtom {
	case atom.Body, atom.Html:
		// Body classes describe the page template, not a region.
		return 0
	case atom.Nav, atom.Aside, atom.Footer:
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
	h := cachedClassHint(n, cache)
	if h >= 0 && (n.DataAtom == atom.Article || n.DataAtom == atom.Main) {
		return 1
	}
	return h
}

// cachedClassHint is classHint remembered per class and id string: pages
// repeat the same few class names on thousands of elements.
func cachedClassHint(n *html.Node, cache map[string]int) int {
	if cache == nil {
		return classHint(n)
	}
	key := attr(n, "class") + "\x00" + attr(n, "id")
	if len(key) == 1 {
		return 0
	}
	if h, ok := cache[key]; ok {
		return h
	}
	h := classHint(n)
	cache[key] = h
	return h
}

// classHint reads the class and id words. A word naming chrome that holds
// sentences wins over "content" in the same word ("comment-content"); when
// words disagree ("article-body url-breadcrumb") the first one decides.
func classHint(n *html.Node) int {
	s := attr(n, "class") + " " + attr(n, "id")
	if len(s) <= 1 {
		return 0
	}
	s = strings.ToLower(s)
	first, pos, neg, strong := 0, false, false, false
	for w := range strings.FieldsSeq(s) {
		h := wordHint(w)
		switch h {
		case 1:
			pos = true
		case -1:
			neg = true
		case -2:
			strong = true
		}
		if first == 0 && h != -1 {
			first = h
		}
	}
	switch {
	case strong && pos:
		return first
	case strong:
		return -2
	case pos && !neg:
		return 1
	case neg && !pos:
		return -1
	}
	return 0
}

func wordHint(w string) int {
	if matchAny(w, strongHints) {
		return -2
	}
	pos, neg := matchAny(w, positiveHints), matchAny(w, negativeHints) || adWord(w)
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
