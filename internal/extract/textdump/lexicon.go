package textdump

import "strings"

// The lexicons below are written in folded form (turkish.Fold: lowercase,
// no diacritics) and matched against a line's folded words. A phrase matches
// at the start of a word and may end inside one, so "paylas" also finds
// "Paylaşın" and "yorum yap" finds "Yorum Yapın".

// hardAnywhere marks a line as chrome at any length: these phrases do not
// occur in news prose but do in disclaimers, cookie notices, comment forms,
// chat widgets and filler text.
var hardAnywhere = []string{
	"haberlerin sorumlulugu", "yazarina aittir", "muhabire aittir", "sorumlu tutulamaz",
	"haklari saklidir", "all rights reserved", "izinsiz kullan", "izinsiz kopyala",
	"kaynak gosterilmeden", "alinti yapilamaz", "5846 sayili",
	"lorem ipsum", "dolor sit amet", "consectetur adipiscing", "sed do eiusmod",
	"duis aute", "excepteur sint", "ut enim ad minim",
	"cerez politika", "cerezler", "cerez kullan", "cerezleri kabul", "cerez tercih",
	"cookie", "cookies", "kvkk", "aydinlatma metni", "gizlilik politika", "privacy policy",
	"kullanim kosul", "terms of use", "terms of service",
	"sohbet sistemi", "haber hakkinda sohbet", "e posta adresiniz", "email address",
	"gerekli alanlar", "yorum yapabilmek", "henuz yorum", "ilk yorumu", "yorumunuz",
	"leave a comment", "post a comment", "logged in", "abone ol", "bultenimize",
	"bultene kaydol", "sign up for", "newsletter", "habere tepki", "tepkiniz",
	"haberi begendiniz", "bunlar da ilginizi", "ilginizi cekebilir", "you may also like",
	"daha fazla yorum", "skip to content", "google news",
}

// hardShort marks a short line as chrome that ends the article: comment and
// login prompts, reactions, tags, related-headline and most-read headings.
var hardShort = []string{
	"yorum", "comment", "yanitla", "reply", "giris yap", "uye girisi", "login", "log in",
	"sign in", "kayit ol", "uye ol", "register", "abone", "subscribe", "etiket", "tags",
	"begendim", "dikkatimi cekti", "dogru bilgi", "essiz bilgi", "alkisliyorum", "sevdim",
	"ilgili haberler", "benzer haber", "diger haber", "onerilen", "related", "cok okunan",
	"en cok yorum", "most read", "most popular", "popular", "son dakika", "bu kategoride",
	"one cikan", "editorun sec", "gundemden", "more stories", "read more", "devamini oku",
	"sohbet", "copyright", "kunye", "iletisim", "hakkimizda", "contact", "about us",
	"follow us", "bizi takip", "reklam ver", "sign up",
}

// linkLabels introduce a link to another story inside the article ("İLGİLİ
// HABER", "Read more:"); the label and the headline after it are soft
// chrome, as the article goes on below them.
var linkLabels = []string{
	"ilgili haber$", "ilginizi cekebilir", "bunu da okuyun", "bunlari da okuyun",
	"ayrica okuyun", "haberin devami", "devami icin", "tiklayin", "read more", "also read",
	"read also", "see also", "related$", "related story", "related article",
}

// softShort marks a short line as chrome the article may continue past:
// share bars, ad slots, text-size and print buttons, menus.
var softShort = []string{
	"paylas", "share", "tweet", "whatsapp", "facebook", "twitter", "telegram", "linkedin",
	"pinterest", "instagram", "youtube", "e posta", "email", "mail", "kopyala", "copy link",
	"link", "yazdir", "print", "reklam", "advertisement", "advert", "sponsor", "ilan",
	"yazi boyut", "font", "okuma suresi", "okunma suresi", "dk okuma", "min read", "menu", "ana sayfa",
	"anasayfa", "home$", "skip$", "kabul et", "accept", "tamam$", "evet$", "hayir$", "gonder$",
	"send$", "submit", "adiniz", "isim$", "name$", "ara$", "search", "takip et", "follow",
	"kapat$", "close$", "galeri", "gallery", "video", "foto", "dinle", "listen", "geri don",
}

// headerWords mark soft chrome that belongs to an article's header (share
// bar, reading time, text size, print) rather than to its body, where ad
// slots, photo credits and inline links also sit.
var headerWords = []string{
	"paylas", "share", "tweet", "whatsapp", "facebook", "twitter", "telegram", "linkedin",
	"pinterest", "e posta", "email", "mail", "kopyala", "copy link", "yazdir", "print",
	"yazi boyut", "font", "okuma suresi", "okunma suresi", "dk okuma", "min read",
	"dinle", "listen", "takip et", "google news",
}

// sectionWords are common section and menu names; a short line made only of
// them is site navigation.
var sectionWords = map[string]bool{
	"gundem": true, "ekonomi": true, "dunya": true, "spor": true, "politika": true,
	"siyaset": true, "magazin": true, "saglik": true, "teknoloji": true, "bilim": true,
	"kultur": true, "sanat": true, "yasam": true, "egitim": true, "asayis": true,
	"yerel": true, "yazarlar": true, "haberler": true, "haber": true, "turkiye": true,
	"otomobil": true, "emlak": true, "seyahat": true, "kadin": true, "cevre": true,
	"futbol": true, "basketbol": true, "voleybol": true, "transfer": true, "piyasalar": true,
	"doviz": true, "altin": true, "borsa": true, "kripto": true, "canli": true, "skor": true,
	"puan": true, "durumu": true, "arkeoloji": true, "soylesi": true, "roportaj": true,
	"news": true, "world": true, "business": true, "culture": true, "travel": true,
	"opinion": true, "sports": true, "health": true, "politics": true, "tech": true,
	"science": true, "city": true, "ve": true, "and": true, "resmi": true, "ilanlar": true,
}

// homeWords are breadcrumb roots that name the site, not a category.
var homeWords = map[string]bool{"ana sayfa": true, "anasayfa": true, "home": true, "giris": true}

// hasPhrase reports whether the folded key contains one of phrases at the
// start of a word; a phrase ending in '$' must also end at a word end.
func hasPhrase(key string, phrases []string) bool {
	k := " " + key + " "
	for _, p := range phrases {
		if whole, ok := strings.CutSuffix(p, "$"); ok {
			p = whole + " "
		}
		if strings.Contains(k, " "+p) {
			return true
		}
	}
	return false
}

// allSectionWords reports whether every word of the folded key is a section name.
func allSectionWords(key string) bool {
	words := strings.Fields(key)
	for _, w := range words {
		if !sectionWords[w] {
			return false
		}
	}
	return len(words) > 0
}

// englishStop and turkishMarkers tell the language of the body apart; the
// Turkish list is small on purpose, as Turkish letters also count.
var englishStop = map[string]bool{
	"the": true, "and": true, "of": true, "to": true, "in": true, "is": true, "was": true,
	"that": true, "for": true, "with": true, "on": true, "as": true, "are": true, "at": true,
	"by": true, "from": true, "it": true, "has": true, "have": true, "said": true,
	"were": true, "be": true, "this": true, "an": true, "after": true, "will": true,
	"which": true, "who": true, "their": true, "been": true, "would": true,
}

var turkishMarkers = map[string]bool{
	"ve": true, "bir": true, "bu": true, "da": true, "de": true, "ile": true, "icin": true,
	"olarak": true, "gibi": true, "daha": true, "cok": true, "ise": true, "olan": true,
	"ki": true, "sonra": true, "kadar": true, "ama": true, "ancak": true,
}
