package ingest_test

import (
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"manset/internal/ingest"
	"manset/internal/news"
)

func warcRecord(uri, httpBlock string) string {
	return fmt.Sprintf("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: 2026-11-20T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", uri, len(httpBlock), httpBlock)
}

const warcPage = `<html lang="tr"><head><title>Belediye yeni otobüs hattını açtı</title>
<meta property="article:published_time" content="2026-11-20T09:00:00+03:00"></head><body>
<nav><a href="/">Ana Sayfa</a></nav><article><h1>Belediye yeni otobüs hattını açtı</h1>
<p>Büyükşehir belediyesi, kuzey mahallelerini merkeze bağlayan yeni otobüs hattını bugün hizmete açtı. Hat günde 48 sefer yapacak.</p>
<p>Belediye başkanı, hattın öğrencilerin ulaşım süresini yarı yarıya kısaltacağını söyledi. İlk hafta yolculuk ücretsiz olacak.</p>
</article><div class="share">Paylaş</div></body></html>`

func TestImportWARC(t *testing.T) {
	ok := "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + warcPage
	missing := "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<html><body>yok</body></html>"
	dir := t.TempDir()
	path := filepath.Join(dir, "crawl.warc.gz")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := gzip.NewWriter(f)
	zw.Write([]byte(warcRecord("https://kentgazetesi.example/ulasim/yeni-hat-1", ok) + warcRecord("https://kentgazetesi.example/yok", missing)))
	zw.Close()
	f.Close()

	st := openStore(t)
	sum, err := ingest.New(st, nil).ImportPaths(context.Background(), []string{path}, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Imported != 1 || len(sum.Failures) != 0 {
		t.Fatalf("summary: %s", sum)
	}
	a := allArticles(t, st)["Belediye yeni otobüs hattını açtı"]
	if a.SourceURL != "https://kentgazetesi.example/ulasim/yeni-hat-1" || !strings.Contains(a.BodyText, "48 sefer") || strings.Contains(a.BodyText, "Paylaş") {
		t.Errorf("article = %+v", a)
	}
}

const wxrFile = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Eski Site</title><wp:wxr_version>1.2</wp:wxr_version>
<wp:author><wp:author_login>ayse</wp:author_login><wp:author_email>ayse@eski.example</wp:author_email><wp:author_display_name><![CDATA[Ayşe Yılmaz]]></wp:author_display_name></wp:author>
<wp:category><wp:category_nicename>haberler</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[Haberler]]></wp:cat_name></wp:category>
<wp:category><wp:category_nicename>ekonomi</wp:category_nicename><wp:category_parent>haberler</wp:category_parent><wp:cat_name><![CDATA[Ekonomi]]></wp:cat_name></wp:category>
<item><title>Esnafa faizsiz kredi desteği</title><link>https://eski.example/esnafa-kredi/</link><dc:creator>ayse</dc:creator>
<content:encoded><![CDATA[<p>Ticaret odası esnafa 50 bin liraya kadar faizsiz kredi verecek.</p><p>Başvurular 1 Aralık'ta başlayacak.</p>]]></content:encoded>
<excerpt:encoded><![CDATA[Esnafa faizsiz kredi.]]></excerpt:encoded>
<wp:post_id>10</wp:post_id><wp:post_date_gmt>2026-11-18 07:00:00</wp:post_date_gmt><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="ekonomi"><![CDATA[Ekonomi]]></category>
<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author>Okur</wp:comment_author><wp:comment_author_email>okur@example.com</wp:comment_author_email><wp:comment_content>Güzel haber.</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>
<wp:comment><wp:comment_id>2</wp:comment_id><wp:comment_author>Yazar</wp:comment_author><wp:comment_author_email>yazar@example.com</wp:comment_author_email><wp:comment_content>Teşekkürler.</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>1</wp:comment_parent></wp:comment>
</item>
<item><title>Taslak yazı</title><link>https://eski.example/?p=11</link><dc:creator>ayse</dc:creator>
<content:encoded><![CDATA[Henüz bitmedi.

İkinci paragraf.]]></content:encoded><wp:post_id>11</wp:post_id><wp:post_date_gmt>0000-00-00 00:00:00</wp:post_date_gmt><wp:status>draft</wp:status><wp:post_type>post</wp:post_type></item>
<item><title>logo.png</title><wp:post_id>12</wp:post_id><wp:status>inherit</wp:status><wp:post_type>attachment</wp:post_type></item>
</channel></rss>`

func TestImportWXR(t *testing.T) {
	path := filepath.Join(t.TempDir(), "export.xml")
	if err := os.WriteFile(path, []byte(wxrFile), 0o644); err != nil {
		t.Fatal(err)
	}
	st := openStore(t)
	ctx := context.Background()
	sum, err := ingest.New(st, nil).ImportPaths(ctx, []string{path}, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Imported != 2 || len(sum.Failures) != 0 {
		t.Fatalf("summary: %s", sum)
	}
	got := allArticles(t, st)
	post := got["Esnafa faizsiz kredi desteği"]
	if post.Author != "Ayşe Yılmaz" || post.Category == nil || post.Category.Path() != "Haberler › Ekonomi" || post.Status != news.StatusPublished {
		t.Errorf("post = author %q, category %+v, status %s", post.Author, post.Category, post.Status)
	}
	if post.PublishedAt == nil || post.PublishedAt.UTC().Hour() != 7 {
		t.Errorf("published = %v", post.PublishedAt)
	}
	draft := got["Taslak yazı"]
	if draft.Status != news.StatusDraft || draft.PublishedAt != nil || !strings.Contains(draft.BodyText, "\n\nİkinci paragraf.") {
		t.Errorf("draft = %+v", draft)
	}
	pending, _, err := st.ListCommentsForModeration(ctx, news.CommentPending, 10, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(pending) != 2 {
		t.Fatalf("pending comments = %d, want 2", len(pending))
	}
	if approved, _ := st.ListComments(ctx, post.ID, news.CommentApproved); len(approved) != 0 {
		t.Errorf("imported comments published without moderation: %v", approved)
	}
	again, _ := ingest.New(st, nil).ImportPaths(ctx, []string{path}, ingest.Options{})
	if again.Imported != 0 || again.Skipped != 2 {
		t.Errorf("re-import: %s", again)
	}
}
