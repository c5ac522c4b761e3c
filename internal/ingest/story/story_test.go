package story

import (
	"math"
	"testing"
	"time"

	"manset/internal/turkish"
)

var (
	t0     = time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)
	strike = Doc{ID: 1, Title: "Mersin Limanı'nda grev sürüyor, 62 gemi demirde bekliyor",
		Lead: "Mersin'deki konteyner terminalinde toplu sözleşme anlaşmazlığı nedeniyle başlayan grev dördüncü gününe girdi.",
		Time: t0}
	strike2 = Doc{ID: 2, Title: "Mersin'de liman grevi dördüncü gününde: demirde bekleyen gemi sayısı 71'e çıktı",
		Lead: "Doğu Akdeniz Konteyner Terminali'nde 1.850 işçinin katıldığı grev dördüncü gününü geride bıraktı.",
		Time: t0.Add(6 * time.Hour)}
	marathon = Doc{ID: 3, Title: "Antalya Yarı Maratonu'nda parkur rekoru kırıldı",
		Lead: "Pazar günü koşulan Antalya Yarı Maratonu'nu erkeklerde Kenyalı atlet kazandı.", Time: t0}
)

func TestSimilarity(t *testing.T) {
	tests := []struct {
		name   string
		a, b   Doc
		lo, hi float64
	}{
		{"Same", strike, strike, 0.999, 1.001},
		{"SameStory", strike, strike2, 0.2, 0.9},
		{"OtherEvent", strike, marathon, 0, 0.05},
		{"Empty", Doc{}, strike, 0, 0},
		{"CaseDoesNotMatter", strike, Doc{Title: "MERSİN LİMANI'NDA GREV SÜRÜYOR, 62 GEMİ DEMİRDE BEKLİYOR",
			Lead: strike.Lead}, 0.8, 1.001},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Similarity(tt.a, tt.b)
			// Symmetric up to float rounding: map order changes the sums.
			if s < tt.lo || s > tt.hi || math.Abs(s-Similarity(tt.b, tt.a)) > 1e-9 {
				t.Errorf("Similarity = %.3f (reverse %.3f), want in [%.2f, %.2f]", s, Similarity(tt.b, tt.a), tt.lo, tt.hi)
			}
		})
	}
}

func TestStatsIDF(t *testing.T) {
	s := NewStats()
	s.Add("Mersin limanında grev")
	s.Add("Antalya maratonunda rekor")
	s.Add("Mersin'de yağmur")
	if s.Docs() != 3 {
		t.Fatalf("Docs = %d", s.Docs())
	}
	mersin, grev := turkish.Stem("Mersin"), turkish.Stem("grev")
	if !(s.IDF(mersin) < s.IDF(grev) && s.IDF(grev) < s.IDF("unseen")) {
		t.Errorf("IDF %s %.2f, %s %.2f, unseen %.2f: want rising", mersin, s.IDF(mersin), grev, s.IDF(grev), s.IDF("unseen"))
	}
	var none *Stats
	if none.IDF("x") != 1 || none.Docs() != 0 {
		t.Error("nil Stats must weigh every stem 1")
	}
}

func TestAssign(t *testing.T) {
	inStory := strike
	inStory.StoryID = 42
	late := strike2
	late.Time = t0.Add(10 * 24 * time.Hour)
	tests := []struct {
		name        string
		d           Doc
		candidates  []Doc
		wantStory   int64
		wantMatched int64
		wantOK      bool
	}{
		{"JoinsExistingStory", strike2, []Doc{marathon, inStory}, 42, 1, true},
		{"NewStoryWithCandidate", strike2, []Doc{marathon, strike}, 0, 1, true},
		{"NoSimilarCandidate", marathon, []Doc{strike, strike2}, 0, 0, false},
		{"OutsideWindow", late, []Doc{inStory}, 0, 0, false},
		{"NoCandidates", strike, nil, 0, 0, false},
		{"SkipsItself", strike, []Doc{strike}, 0, 0, false},
	}
	c := &Clusterer{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			story, matched, ok := c.Assign(tt.d, tt.candidates)
			if story != tt.wantStory || matched != tt.wantMatched || ok != tt.wantOK {
				t.Errorf("Assign = (%d, %d, %v), want (%d, %d, %v)",
					story, matched, ok, tt.wantStory, tt.wantMatched, tt.wantOK)
			}
		})
	}
}

func TestAssignPrefersMostSimilar(t *testing.T) {
	a := strike
	a.StoryID = 7
	b := Doc{ID: 9, Title: strike2.Title, Lead: strike2.Lead, Time: t0, StoryID: 8}
	d := strike2
	d.ID = 10
	story, matched, ok := (&Clusterer{}).Assign(d, []Doc{a, b})
	if !ok || story != 8 || matched != 9 {
		t.Errorf("Assign = (%d, %d, %v), want the near-identical candidate (8, 9, true)", story, matched, ok)
	}
}

func FuzzSimilarity(f *testing.F) {
	f.Add(strike.Title, strike.Lead, strike2.Title)
	f.Add("", "", "")
	f.Add("İI\u0307ı 1.850 'x'", "\xff\xfe", "ÇOK BÜYÜK HARFLİ BAŞLIK")
	f.Fuzz(func(t *testing.T, title, lead, other string) {
		a := Doc{Title: title, Lead: lead}
		b := Doc{Title: other}
		s := Similarity(a, b)
		if math.IsNaN(s) || s < 0 || s > 1+1e-9 {
			t.Fatalf("Similarity = %v", s)
		}
		st := NewStats()
		st.AddDoc(a)
		if s := st.Similarity(a, b); math.IsNaN(s) || s < 0 || s > 1+1e-9 {
			t.Fatalf("Similarity with stats = %v", s)
		}
	})
}
