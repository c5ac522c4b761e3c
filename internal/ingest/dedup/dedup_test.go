package dedup_test

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"manset/internal/ingest/dedup"
)

const base = "Mersin'deki Doğu Akdeniz Konteyner Terminali'nde çalışan liman işçilerinin " +
	"başlattığı grev dördüncü gününde de devam ediyor. Terminal girişinde çadır kuran işçiler " +
	"nöbetleşe bekleyişlerini sürdürüyor. Grev nedeniyle limanda konteyner yükleme ve boşaltma " +
	"işlemleri yapılamıyor. Liman başkanlığından edinilen bilgiye göre açıklarda bekleyen gemi sayısı 62 oldu."

func TestSimHash(t *testing.T) {
	tests := []struct {
		name    string
		a, b    string
		maxDist int // inclusive; -1 means "must be farther than DefaultMaxDistance"
	}{
		{"SameText", base, base, 0},
		{"CaseAndSpacing", base, strings.ToUpper(base[:40]) + base[40:] + "  \n", 0},
		{"WithoutTurkishLetters", base, strings.NewReplacer("ş", "s", "ç", "c", "ğ", "g", "ı", "i", "ö", "o", "ü", "u").Replace(base), 0},
		{"OtherPunctuation", base, strings.NewReplacer(".", " —", ",", ";").Replace(base), 0},
		{"OneWordChanged", base, strings.Replace(base, "dördüncü", "beşinci", 1), dedup.DefaultMaxDistance},
		{"OtherText", base, "Antalya Yarı Maratonu'nda parkur rekoru kırıldı; erkeklerde Kenyalı atlet " +
			"birinci oldu, kadınlarda ise milli atletimiz ikinci sırada yarışı tamamladı. Yarışa 8 bin kişi katıldı.", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := dedup.Distance(dedup.SimHash(tt.a), dedup.SimHash(tt.b))
			switch {
			case tt.maxDist < 0 && d <= dedup.DefaultMaxDistance:
				t.Errorf("distance %d, want > %d", d, dedup.DefaultMaxDistance)
			case tt.maxDist >= 0 && d > tt.maxDist:
				t.Errorf("distance %d, want <= %d", d, tt.maxDist)
			}
		})
	}
}

func TestSimHashEmpty(t *testing.T) {
	for _, s := range []string{"", "  ", "...!?", "\n\n"} {
		if h := dedup.SimHash(s); h != 0 {
			t.Errorf("SimHash(%q) = %x, want 0", s, h)
		}
	}
	if dedup.SimHash("tek") == 0 {
		t.Error("a one-word text hashed to 0")
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b uint64
		want int
	}{
		{0, 0, 0},
		{0, ^uint64(0), 64},
		{0b1011, 0b0001, 2},
		{1 << 63, 1, 2},
	}
	for _, tt := range tests {
		if got := dedup.Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%b, %b) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestContentHashFoldsCaseDiacriticsAndSpace(t *testing.T) {
	if dedup.ContentHash("  İSTANBUL'da\tışık \n\n gölge ") != dedup.ContentHash("istanbul'da isik golge") {
		t.Error("case, diacritics and spacing changed the content hash")
	}
	if dedup.ContentHash("İstanbul  ışık") != dedup.ContentHash("istanbul isik") {
		t.Error("case, diacritics and spacing changed the content hash")
	}
	if dedup.ContentHash("grev sürüyor") == dedup.ContentHash("grev bitti") {
		t.Error("different texts share a content hash")
	}
}

func TestResemblance(t *testing.T) {
	trimmed := base[:strings.LastIndex(base, "Liman")]
	tests := []struct {
		name   string
		a, b   string
		lo, hi float64
	}{
		{"Copy", base, base, 1, 1},
		{"Trimmed", base, trimmed, 1, 1},
		{"Empty", base, "", 0, 0},
		{"Different", base, "Kemençe ile senfoni orkestrası Trabzon'da aynı sahnede buluştu ve konser büyük ilgi gördü.", 0, 0.1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if r := dedup.Resemblance(tt.a, tt.b); r < tt.lo || r > tt.hi {
				t.Errorf("Resemblance = %.2f, want in [%.2f, %.2f]", r, tt.lo, tt.hi)
			}
		})
	}
}

// TestIndexNear checks the index against a scan of every hash, for the
// distances it answers from its tables and for larger ones.
func TestIndexNear(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, maxK := range []int{0, 3, dedup.DefaultMaxDistance, 20} {
		ix := dedup.NewIndex(maxK)
		var hashes []uint64
		for i := range 3000 {
			h := rng.Uint64()
			if i%3 == 1 { // a near copy of an earlier hash
				h = flipBits(rng, hashes[rng.IntN(len(hashes))], rng.IntN(maxK+3))
			}
			hashes = append(hashes, h)
			ix.Add(int64(i), h)
		}
		for q := range 300 {
			h := flipBits(rng, hashes[rng.IntN(len(hashes))], rng.IntN(maxK+2))
			if q%10 == 0 {
				h = rng.Uint64()
			}
			for _, d := range []int{maxK, maxK / 2, maxK + 4} {
				want := bruteNear(hashes, h, d)
				if got := ix.Near(h, d); !slices.Equal(got, want) {
					t.Fatalf("maxK %d: Near(%x, %d) = %v, want %v", maxK, h, d, got, want)
				}
			}
		}
		if ix.Len() != len(hashes) {
			t.Errorf("Len = %d, want %d", ix.Len(), len(hashes))
		}
	}
}

func TestIndexZeroDistanceAndNegative(t *testing.T) {
	ix := dedup.NewIndex(dedup.DefaultMaxDistance)
	ix.Add(7, 0xabc)
	ix.Add(8, 0xabd)
	if got := ix.Near(0xabc, 0); !slices.Equal(got, []int64{7}) {
		t.Errorf("Near(exact) = %v, want [7]", got)
	}
	if got := ix.Near(0xabc, -1); got != nil {
		t.Errorf("Near(-1) = %v, want nil", got)
	}
}

func flipBits(rng *rand.Rand, h uint64, n int) uint64 {
	for _, b := range rng.Perm(64)[:n] {
		h ^= 1 << b
	}
	return h
}

func bruteNear(hashes []uint64, h uint64, d int) []int64 {
	var out []int64
	for i, x := range hashes {
		if dedup.Distance(x, h) <= d {
			out = append(out, int64(i))
		}
	}
	return out
}

func FuzzSimHash(f *testing.F) {
	f.Add(base)
	f.Add("")
	f.Add("İ\u0307ı'\u00a0'3.5,1")
	f.Add("\xff\xfe a b")
	f.Fuzz(func(t *testing.T, s string) {
		h := dedup.SimHash(s)
		if h != dedup.SimHash(s) {
			t.Fatal("SimHash is not deterministic")
		}
		if h != dedup.SimHash(s+" \n") {
			t.Fatal("trailing whitespace changed the SimHash")
		}
		if r := dedup.Resemblance(s, s); r != 0 && r != 1 {
			t.Fatalf("Resemblance(s, s) = %v", r)
		}
	})
}

func BenchmarkIndexNear(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	ix := dedup.NewIndex(dedup.DefaultMaxDistance)
	for i := range 200_000 {
		ix.Add(int64(i), rng.Uint64())
	}
	for b.Loop() {
		ix.Near(rng.Uint64(), dedup.DefaultMaxDistance)
	}
}

// BenchmarkScanNear is the linear scan the index replaces, for comparison.
func BenchmarkScanNear(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	hashes := make([]uint64, 200_000)
	for i := range hashes {
		hashes[i] = rng.Uint64()
	}
	for b.Loop() {
		bruteNear(hashes, rng.Uint64(), dedup.DefaultMaxDistance)
	}
}
