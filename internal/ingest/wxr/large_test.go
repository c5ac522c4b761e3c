package wxr

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"testing"
)

// syntheticWXR produces a WXR export of about size bytes on the fly, one
// post at a time, so the test never holds the file.
type syntheticWXR struct {
	size, produced int64
	posts          int
	buf            bytes.Buffer
	done           bool
}

const synthHead = `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Büyük Arşiv</title><wp:wxr_version>1.2</wp:wxr_version>
<wp:category><wp:category_nicename>gundem</wp:category_nicename><wp:cat_name><![CDATA[Gündem]]></wp:cat_name></wp:category>
`

var synthParagraph = strings.Repeat("<p>Şanlıurfa'da çiftçiler buğday hasadına erken başladı; İŞKUR destek verdi. ", 8) + "</p>\n"

func (s *syntheticWXR) Read(p []byte) (int, error) {
	for s.buf.Len() == 0 {
		switch {
		case s.done:
			return 0, io.EOF
		case s.produced == 0 && s.posts == 0:
			s.buf.WriteString(synthHead)
		case s.produced >= s.size:
			s.buf.WriteString("</channel>\n</rss>\n")
			s.done = true
		default:
			s.writePost()
		}
		s.produced += int64(s.buf.Len())
	}
	return s.buf.Read(p)
}

func (s *syntheticWXR) writePost() {
	s.posts++
	id := s.posts
	b := &s.buf
	fmt.Fprintf(b, "<item><title><![CDATA[Haber %d: hasat sürüyor]]></title><link>https://arsiv.example/?p=%d</link>\n", id, id)
	fmt.Fprintf(b, "<dc:creator><![CDATA[editor]]></dc:creator><content:encoded><![CDATA[")
	for range 6 {
		b.WriteString(synthParagraph)
	}
	fmt.Fprintf(b, "]]></content:encoded><excerpt:encoded><![CDATA[Özet %d]]></excerpt:encoded>\n", id)
	fmt.Fprintf(b, "<wp:post_id>%d</wp:post_id><wp:post_date_gmt>2024-06-03 07:30:00</wp:post_date_gmt>", id)
	fmt.Fprintf(b, "<wp:post_name>haber-%d</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>\n", id)
	b.WriteString(`<category domain="category" nicename="gundem"><![CDATA[Gündem]]></category>`)
	for c := range 3 {
		fmt.Fprintf(b, "<wp:comment><wp:comment_id>%d</wp:comment_id><wp:comment_author>Okur</wp:comment_author>"+
			"<wp:comment_content><![CDATA[Yorum %d]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved></wp:comment>\n", id*10+c, c)
	}
	b.WriteString("</item>\n")
}

// readBounded reads a synthetic export of size bytes and returns the posts
// read, the posts written, and the peak HeapInuse sampled while reading.
func readBounded(t testing.TB, size int64) (read, written int, peak uint64) {
	src := &syntheticWXR{size: size}
	r := NewReader(src)
	var ms runtime.MemStats
	for {
		v, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("after %d posts: %v", read, err)
		}
		if p, ok := v.(*Post); ok {
			read++
			if p.ID != int64(read) || len(p.Comments) != 3 || p.Content == "" {
				t.Fatalf("post %d read wrong: id %d, %d comments", read, p.ID, len(p.Comments))
			}
		}
		if read%100 == 0 {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
		}
	}
	return read, src.posts, peak
}

// TestReaderBoundedMemory reads a 20 MB export (200 MB with
// MANSET_TEST_LARGE=1) and checks every post arrives while the heap stays
// below the size of the file: a reader that kept what it read would fail.
func TestReaderBoundedMemory(t *testing.T) {
	size := int64(20 << 20)
	if os.Getenv("MANSET_TEST_LARGE") == "1" {
		size = 200 << 20
	}
	const limit = 16 << 20
	read, written, peak := readBounded(t, size)
	if read != written || read == 0 {
		t.Fatalf("read %d posts, wrote %d", read, written)
	}
	t.Logf("%d MB export: %d posts, peak HeapInuse %.1f MB", size>>20, read, float64(peak)/(1<<20))
	if peak > limit {
		t.Errorf("peak HeapInuse %d MB, want under %d MB", peak>>20, limit>>20)
	}
}

// BenchmarkReader200MB reads a synthetic 200 MB export per iteration and
// reports throughput and peak heap.
func BenchmarkReader200MB(b *testing.B) {
	const size = 200 << 20
	b.SetBytes(size)
	for b.Loop() {
		read, written, peak := readBounded(b, size)
		if read != written {
			b.Fatalf("read %d of %d posts", read, written)
		}
		b.ReportMetric(float64(peak)/(1<<20), "peakMB")
	}
}
