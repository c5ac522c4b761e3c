// Command wxr writes a synthetic WordPress export of a given size, for
// measuring `manset import` on large WXR files (see the run script beside it).
// Posts get varied Turkish text and dates so that dedup keeps them apart.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"manset/internal/turkish"
)

var words = strings.Fields(`belediye meclis karar yol su elektrik okul öğrenci öğretmen hastane doktor
ihracat ithalat faiz enflasyon borsa dolar avro altın fiyat zam maaş emekli işçi sendika grev liman
gemi tren otobüs metro köprü tünel deprem tatbikat yağmur kar fırtına sel kuraklık baraj orman yangın
maç gol takım teknik direktör lig şampiyon transfer festival konser sergi kitap fuar film tiyatro
yazılım yapay zeka girişim yatırım siber güvenlik veri telefon uydu enerji güneş rüzgar santral
başkan bakan vali kaymakam muhtar mahalle köy ilçe şehir ülke bölge halk vatandaş esnaf çiftçi hasat`)

var cats = []string{"gundem:Gündem", "ekonomi:Ekonomi", "spor:Spor", "teknoloji:Teknoloji", "kultur-sanat:Kültür-Sanat", "dunya:Dünya"}

func main() {
	sizeMB := flag.Int("mb", 200, "size of the export in MB")
	out := flag.String("o", "synthetic.wxr.xml", "output file")
	flag.Parse()
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	n := write(w, int64(*sizeMB)<<20)
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	f.Close()
	fmt.Printf("%s: %d posts, %d MB\n", *out, n, *sizeMB)
}

type counter struct {
	w *bufio.Writer
	n int64
}

func (c *counter) printf(format string, args ...any) {
	k, _ := fmt.Fprintf(c.w, format, args...)
	c.n += int64(k)
}

func write(w *bufio.Writer, size int64) int {
	c := &counter{w: w}
	rng := rand.New(rand.NewPCG(1, 2))
	c.printf(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Büyük Arşiv</title><wp:wxr_version>1.2</wp:wxr_version>
<wp:author><wp:author_login>editor</wp:author_login><wp:author_email>editor@arsiv.example</wp:author_email><wp:author_display_name><![CDATA[Arşiv Editörü]]></wp:author_display_name></wp:author>
`)
	for _, cat := range cats {
		slug, name, _ := strings.Cut(cat, ":")
		c.printf("<wp:category><wp:category_nicename>%s</wp:category_nicename><wp:cat_name><![CDATA[%s]]></wp:cat_name></wp:category>\n", slug, name)
	}
	start := time.Date(2015, 1, 1, 8, 0, 0, 0, time.UTC)
	posts := 0
	for c.n < size {
		posts++
		cat, _, _ := strings.Cut(cats[rng.IntN(len(cats))], ":")
		date := start.Add(time.Duration(posts) * 97 * time.Minute)
		c.printf("<item><title><![CDATA[%s]]></title><link>https://arsiv.example/?p=%d</link>\n", sentence(rng, 7), posts)
		c.printf("<dc:creator><![CDATA[editor]]></dc:creator><content:encoded><![CDATA[")
		for range 6 {
			c.printf("<p>%s %s %s</p>\n", sentence(rng, 18), sentence(rng, 14), sentence(rng, 16))
		}
		c.printf("]]></content:encoded><excerpt:encoded><![CDATA[%s]]></excerpt:encoded>\n", sentence(rng, 12))
		c.printf("<wp:post_id>%d</wp:post_id><wp:post_date_gmt>%s</wp:post_date_gmt>", posts, date.Format("2006-01-02 15:04:05"))
		c.printf("<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>\n")
		c.printf("<category domain=\"category\" nicename=\"%s\"><![CDATA[x]]></category>\n", cat)
		c.printf("<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author><![CDATA[Okur]]></wp:comment_author><wp:comment_author_email>okur%d@example.com</wp:comment_author_email><wp:comment_content><![CDATA[%s]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved></wp:comment>\n", posts, sentence(rng, 10))
		c.printf("</item>\n")
	}
	c.printf("</channel>\n</rss>\n")
	return posts
}

func sentence(rng *rand.Rand, n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = words[rng.IntN(len(words))]
	}
	s := strings.Join(parts, " ")
	_, size := utf8.DecodeRuneInString(s)
	return turkish.Upper(s[:size]) + s[size:] + "."
}
