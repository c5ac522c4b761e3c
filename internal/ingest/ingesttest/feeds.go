package ingesttest

import (
	"encoding/json"
	"fmt"
	"html"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

func (w *Web) rss() string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Anadolu Postası</title><link>` + w.A.URL + `/</link>`)
	item := func(title, path string, at time.Time) {
		fmt.Fprintf(&b, "<item><title>%s</title><link>%s%s</link><guid>%s%s</guid><pubDate>%s</pubDate><description>%s</description></item>\n",
			html.EscapeString(title), w.A.URL, path, w.A.URL, path, at.Format(time.RFC1123Z), html.EscapeString(title))
	}
	for _, s := range []story{aTram, aMatch, aBroken, aForbidden} {
		item(s.Title, s.Path, w.at(s))
	}
	item("Sıkıştırma bombası", "/bomba", w.Base.Add(-90*time.Minute))
	item("Dev sayfa", "/dev-sayfa", w.Base.Add(-80*time.Minute))
	b.WriteString("</channel></rss>")
	return b.String()
}

func (w *Web) atom() string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Karadeniz Gazetesi</title><id>` + w.B.URL + `/</id><updated>` + w.Base.Format(time.RFC3339) + `</updated>`)
	for _, s := range []story{bTram, bSlide} {
		fmt.Fprintf(&b, `<entry><title>%s</title><link href="%s%s"/><id>%s%s</id><published>%s</published><updated>%s</updated><summary>%s</summary></entry>`,
			html.EscapeString(s.Title), w.B.URL, s.Path, w.B.URL, s.Path, w.at(s).Format(time.RFC3339), w.at(s).Format(time.RFC3339), html.EscapeString(s.Title))
	}
	b.WriteString("</feed>")
	return b.String()
}

func (w *Web) jsonFeed() string {
	var items []map[string]any
	for _, s := range []story{cSlide, cFootball} {
		items = append(items, map[string]any{"id": w.C.URL + s.Path, "url": w.C.URL + s.Path, "title": s.Title,
			"summary": s.Title, "date_published": w.at(s).Format(time.RFC3339)})
	}
	b, _ := json.Marshal(map[string]any{"version": "https://jsonfeed.org/version/1.1", "title": "Ege Haber",
		"home_page_url": w.C.URL + "/", "items": items})
	return string(b)
}

// outletF lists BigFeedItems bulletins; each page is a distinct text.
func (w *Web) outletF() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /rss.xml", func(rw http.ResponseWriter, _ *http.Request) {
		rw.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		var b strings.Builder
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bülten</title><link>` + w.F.URL + `/</link>`)
		for i := 0; i < BigFeedItems; i++ {
			fmt.Fprintf(&b, "<item><title>Bülten %d</title><link>%s/bulten/%d</link><pubDate>%s</pubDate></item>\n",
				i, w.F.URL, i, w.Base.Add(-time.Duration(i)*time.Minute).Format(time.RFC1123Z))
		}
		b.WriteString("</channel></rss>")
		fmt.Fprint(rw, b.String())
	})
	mux.HandleFunc("GET /bulten/{n}", func(rw http.ResponseWriter, r *http.Request) {
		n, err := strconv.Atoi(r.PathValue("n"))
		if err != nil {
			http.NotFound(rw, r)
			return
		}
		rw.Header().Set("Content-Type", "text/html; charset=utf-8")
		s := story{Path: r.URL.Path, Title: fmt.Sprintf("Bülten %d: %s", n, bulletinWords(n, 6)), Paras: bulletinParas(n)}
		fmt.Fprint(rw, w.pageC(s))
	})
	return mux
}

var bulletinVocab = strings.Fields(`belediye meclis vali kaymakam öğrenci öğretmen hastane doktor hemşire çiftçi
hasat buğday fındık zeytin liman gemi tır otoyol köprü tünel baraj yağmur kar rüzgâr fırtına müze sergi konser tiyatro
kitap fuar festival pazar esnaf ihracat ithalat fabrika işçi sendika maaş zam kira konut arsa imar park bahçe orman yangın
itfaiye polis jandarma mahkeme dava tanık karar ceza seçim aday anket oy sandık kongre başkan üye toplantı rapor bütçe`)

func bulletinWords(n, k int) string {
	r := rand.New(rand.NewPCG(uint64(n), 7))
	words := make([]string, k)
	for i := range words {
		words[i] = bulletinVocab[r.IntN(len(bulletinVocab))]
	}
	return strings.Join(words, " ")
}

func bulletinParas(n int) []string {
	var out []string
	for p := 0; p < 3; p++ {
		var sents []string
		for s := 0; s < 3; s++ {
			sents = append(sents, bulletinWords(n*100+p*10+s, 14)+".")
		}
		out = append(out, strings.Join(sents, " "))
	}
	return out
}
