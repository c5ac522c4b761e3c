package web

import (
	"testing"
	"time"
)

func FuzzDecodeCursor(f *testing.F) {
	f.Add(encodeCursor(time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC), 42))
	f.Add("")
	f.Add("MTIz")
	f.Add("LTEuLTE") // "-1.-1"
	f.Add("!!")
	f.Fuzz(func(t *testing.T, c string) {
		ts, id, err := decodeCursor(c)
		if err != nil {
			return
		}
		if id < 0 {
			t.Fatalf("negative id %d from %q", id, c)
		}
		// A valid cursor survives a round trip.
		ts2, id2, err := decodeCursor(encodeCursor(ts, id))
		if err != nil || !ts2.Equal(ts) || id2 != id {
			t.Fatalf("round trip of %q: %v %d %v", c, ts2, id2, err)
		}
	})
}

func TestAcceptsGzip(t *testing.T) {
	tests := map[string]bool{
		"":                      false,
		"gzip":                  true,
		"gzip, deflate, br":     true,
		"br;q=1.0, gzip;q=0.8":  true,
		"gzip;q=0":              false,
		"gzip; q=0.0":           false,
		"gzip;q=0.001":          true,
		"identity":              false,
		"*":                     true,
		"deflate, x-gzip":       false,
		"compress, gzip ; q=1 ": true,
	}
	for in, want := range tests {
		if got := acceptsGzip(in); got != want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", in, got, want)
		}
	}
}

func FuzzAcceptsGzip(f *testing.F) {
	for _, s := range []string{"gzip", "gzip;q=0", "br, gzip;q=0.5", "*;q=0", ",,;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		acceptsGzip(s) // must not panic
	})
}
