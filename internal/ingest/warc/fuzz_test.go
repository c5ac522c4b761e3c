package warc

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzWARCReader checks that no input panics or loops the reader, and that
// every record it yields stays within the limits.
func FuzzWARCReader(f *testing.F) {
	recs := sampleRecords()
	f.Add([]byte(strings.Join(recs, "")))
	f.Add([]byte(gz(strings.Join(recs[:3], ""))))
	f.Add([]byte(recs[4] + "çöp\r\n" + recs[1][:40]))
	if b, err := os.ReadFile(filepath.Join("testdata", "sample.warc.gz")); err == nil {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewReader(strings.NewReader(string(data)))
		// Each call consumes at least one byte or ends, so this bounds the
		// loop. A final error repeats itself, like EOF.
		var last error
		for calls := 0; calls <= len(data)+1; calls++ {
			rec, err := r.Next()
			if err == io.EOF || (err != nil && err == last) {
				return
			}
			if last = err; err != nil {
				continue
			}
			if len(rec.Body) > MaxBody {
				t.Fatalf("body of %d bytes", len(rec.Body))
			}
		}
		t.Fatalf("reader did not reach EOF after %d calls on %d bytes", len(data)+2, len(data))
	})
}

// TestSampleFile reads the small .warc.gz kept in testdata (written by
// this test when MANSET_WRITE_TESTDATA=1).
func TestSampleFile(t *testing.T) {
	name := filepath.Join("testdata", "sample.warc.gz")
	if os.Getenv("MANSET_WRITE_TESTDATA") == "1" {
		var b strings.Builder
		for _, r := range sampleRecords() {
			b.WriteString(gz(r))
		}
		if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got := readAll(t, NewReader(f))
	if len(got) != len(sampleWant) {
		t.Fatalf("got %d records, want %d", len(got), len(sampleWant))
	}
	for i, w := range sampleWant {
		checkRecord(t, got[i], w)
	}
}
