package store

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestUniqueSlug(t *testing.T) {
	tests := []struct {
		name  string
		base  string
		taken []string
		want  string
	}{
		{"Free", "dunya", nil, "dunya"},
		{"Taken", "dunya", []string{"dunya"}, "dunya-2"},
		{"SkipsTakenSuffixes", "dunya", []string{"dunya", "dunya-2", "dunya-3"}, "dunya-4"},
		{"FillsGap", "dunya", []string{"dunya", "dunya-3"}, "dunya-2"},
		{"IgnoresWordSuffix", "dunya", []string{"dunya", "dunya-kupasi"}, "dunya-2"},
		{"IgnoresZeroPadded", "dunya", []string{"dunya", "dunya-02"}, "dunya-2"},
		{"BaseFreeButSuffixTaken", "dunya", []string{"dunya-2"}, "dunya"},
		{"NumericBase", "2024", []string{"2024", "2024-2"}, "2024-3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := UniqueSlug(tt.base, tt.taken); got != tt.want {
				t.Errorf("UniqueSlug(%q, %q) = %q, want %q", tt.base, tt.taken, got, tt.want)
			}
		})
	}
}

func TestSlugRangeHoldsSuffixes(t *testing.T) {
	lo, hi := SlugRange("dunya")
	for _, s := range []string{"dunya", "dunya-2", "dunya-kupasi", "dunya-99"} {
		if s < lo || s >= hi {
			t.Errorf("%q outside [%q, %q)", s, lo, hi)
		}
	}
	for _, s := range []string{"dunyaca", "dunyam", "dun", "ekonomi"} {
		if s >= lo && s < hi {
			t.Errorf("%q inside [%q, %q), want outside", s, lo, hi)
		}
	}
}

// FuzzUniqueSlug checks that the chosen slug is never taken and always
// base itself or base with a numeric suffix.
func FuzzUniqueSlug(f *testing.F) {
	f.Add("dunya", "dunya\ndunya-2\ndunya-kupasi")
	f.Add("a", "a\na-2\na-3\na-02\na--2")
	f.Add("2", "2\n2-2\n2-2-2")
	f.Add("", "\n-2")
	f.Fuzz(func(t *testing.T, base, takenList string) {
		taken := strings.Split(takenList, "\n")
		got := UniqueSlug(base, taken)
		if slices.Contains(taken, got) {
			t.Fatalf("UniqueSlug(%q, %q) = %q, which is taken", base, taken, got)
		}
		if got != base {
			rest, ok := strings.CutPrefix(got, base+"-")
			if n, err := strconv.Atoi(rest); !ok || err != nil || n < 2 {
				t.Fatalf("UniqueSlug(%q) = %q, want base or base-N", base, got)
			}
		}
	})
}
