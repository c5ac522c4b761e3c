package wxr

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"manset/internal/news"
)

func tp(t time.Time) *time.Time { return &t }

func readAll(t *testing.T, r *Reader) []any {
	t.Helper()
	var out []any
	for {
		v, err := r.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("after %d items: %v", len(out), err)
		}
		out = append(out, v)
	}
}

func TestReaderSample(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "sample.xml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	trt := time.FixedZone("+03", 3*3600)
	want := []any{
		&Author{Login: "editor", Email: "editor@yerel.example", DisplayName: "Ayşe Yılmaz"},
		&Category{Slug: "gundem", Name: "Gündem"},
		&Category{Slug: "yerel-ekonomi", Name: "Yerel Ekonomi", Parent: "gundem"},
		&Tag{Slug: "cifci", Name: "çiftçi"},
		&Post{
			ID: 10, Title: "Şanlıurfa'da hasat başladı", Link: "https://yerel.example/2024/06/sanliurfada-hasat-basladi/",
			Slug: "sanliurfada-hasat-basladi", Author: "editor", Status: "publish", PostType: "post",
			Content: "<p>Çiftçiler <strong>buğday</strong> hasadına başladı.</p>\n<!-- wp:paragraph --><p>İkinci paragraf ]]> burada.</p>",
			Excerpt: "Hasat erken başladı.", Published: tp(time.Date(2024, 6, 3, 7, 30, 0, 0, time.UTC)),
			Categories: []string{"gundem", "yerel-ekonomi"}, Tags: []string{"cifci"},
			Comments: []Comment{
				{ID: 7, Author: "Mehmet", AuthorEmail: "mehmet@okur.example", Date: tp(time.Date(2024, 6, 3, 9, 0, 0, 0, time.UTC)),
					Content: "Bereketli olsun!", Approved: true, Type: "comment"},
				{ID: 8, Author: "Zeynep", Date: tp(time.Date(2024, 6, 3, 13, 15, 0, 0, trt)),
					Content: "Katılıyorum & teşekkürler.", Parent: 7},
			},
		},
		&Post{
			ID: 11, Title: "hasat.jpg", Link: "https://yerel.example/hasat-jpg/", Slug: "hasat-jpg", Author: "editor",
			Status: "inherit", PostType: "attachment", ParentID: 10,
			AttachmentURL: "https://yerel.example/wp-content/uploads/2024/06/hasat.jpg",
			Published:     tp(time.Date(2024, 6, 3, 7, 29, 0, 0, time.UTC)),
		},
		&Post{
			ID: 12, Title: "Taslak: belediye bütçesi", Link: "https://yerel.example/?p=12", Author: "editor",
			Status: "draft", PostType: "post", Content: "<p>Henüz bitmedi&nbsp;.</p>", Categories: []string{"gundem"},
		},
		&Post{
			ID: 13, Title: "Künye & İletişim", Link: "https://yerel.example/kunye/", Slug: "kunye", Author: "editor",
			Status: "publish", PostType: "page", Content: "<p>Sahibi: Yerel Medya</p>",
			Published: tp(time.Date(2024, 1, 1, 12, 0, 0, 0, trt)),
		},
	}
	got := readAll(t, NewReader(f))
	if len(got) != len(want) {
		t.Fatalf("got %d items, want %d: %v", len(got), len(want), got)
	}
	for i := range want {
		if !sameItem(got[i], want[i]) {
			t.Errorf("item %d\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
}

// sameItem compares with times by instant, since zones differ in form.
func sameItem(a, b any) bool {
	pa, ok1 := a.(*Post)
	pb, ok2 := b.(*Post)
	if !ok1 || !ok2 {
		return reflect.DeepEqual(a, b)
	}
	ca, cb := *pa, *pb
	if !sameTime(ca.Published, cb.Published) || len(ca.Comments) != len(cb.Comments) {
		return false
	}
	ca.Published, cb.Published = nil, nil
	ca.Comments, cb.Comments = append([]Comment(nil), ca.Comments...), append([]Comment(nil), cb.Comments...)
	for i := range ca.Comments {
		if !sameTime(ca.Comments[i].Date, cb.Comments[i].Date) {
			return false
		}
		ca.Comments[i].Date, cb.Comments[i].Date = nil, nil
	}
	return reflect.DeepEqual(ca, cb)
}

func sameTime(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(*b)
}

func TestReaderVersionsAndFaults(t *testing.T) {
	item := `<item><title>Başlık</title><wp:post_id>5</wp:post_id><wp:post_type>post</wp:post_type>` +
		`<content:encoded><![CDATA[<p>Metin` + "\x0b\x01" + `</p>]]></content:encoded></item>`
	tests := []struct {
		name    string
		doc     string
		wantID  int64
		content string
	}{
		{"WXR11", `<rss xmlns:wp="http://wordpress.org/export/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>` + item + `</channel></rss>`, 5, "<p>Metin  </p>"},
		{"UndeclaredPrefixes", `<rss><channel>` + item + `</channel></rss>`, 5, "<p>Metin  </p>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := readAll(t, NewReader(strings.NewReader(tt.doc)))
			if len(got) != 1 {
				t.Fatalf("got %v", got)
			}
			p := got[0].(*Post)
			if p.ID != tt.wantID || p.Content != tt.content || p.Title != "Başlık" {
				t.Errorf("post = %+v", p)
			}
		})
	}
}

func TestReaderErrors(t *testing.T) {
	tests := []struct{ name, doc, inMsg string }{
		{"Empty", "", "<rss> öğesi yok"},
		{"NotWXR", `<html><body>merhaba</body></html>`, "kök öğe <html>"},
		{"Truncated", `<rss><channel><item><title>a</title><wp:post_id>1`, "yarıda kesilmiş"},
		{"Broken", `<rss><channel><item><title>a</title></item><item><title>b</ti tle></item></channel></rss>`, "satır 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewReader(strings.NewReader(tt.doc))
			var err error
			for range 10 {
				if _, err = r.Next(); err != nil {
					break
				}
			}
			if news.ErrorCode(err) != news.EINVALID || !strings.Contains(news.ErrorMessage(err), tt.inMsg) {
				t.Fatalf("err = %v, want invalid with %q", err, tt.inMsg)
			}
			if _, again := r.Next(); again != err {
				t.Errorf("error not sticky: %v", again)
			}
		})
	}
}

func ExampleReader() {
	r := NewReader(strings.NewReader(`<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel>
<wp:category><wp:category_nicename>dunya</wp:category_nicename><wp:cat_name>Dünya</wp:cat_name></wp:category>
<item><title>Merhaba</title><wp:post_id>1</wp:post_id><wp:status>publish</wp:status></item>
</channel></rss>`))
	for {
		v, err := r.Next()
		if err != nil {
			break
		}
		switch v := v.(type) {
		case *Category:
			fmt.Println("category", v.Slug, v.Name)
		case *Post:
			fmt.Println("post", v.ID, v.Title, v.Status)
		}
	}
	// Output:
	// category dunya Dünya
	// post 1 Merhaba publish
}
