package extract

import "testing"

func TestFragmentText(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"Paragraphs", "<p>Bir\n  iki.</p><p>Üç.</p>", "Bir iki.\n\nÜç."},
		{"BreaksAndLists", "Giriş<br>ikinci<ul><li>a</li><li>b</li></ul>son", "Giriş\n\nikinci\n\na\n\nb\n\nson"},
		{"InlineKept", "<p><strong>Kalın</strong> ve <a href=\"/x\">bağlantı</a></p>", "Kalın ve bağlantı"},
		{"SkipsCode", "<p>Metin</p><script>if (a<b) {}</script><style>p{}</style><p>son</p>", "Metin\n\nson"},
		{"SkipsForms", "<p>Haber</p><form><label>Ad</label><button>Gönder</button></form>", "Haber"},
		{"Entities", "<p>3 &lt; 5 &amp; İ</p>", "3 < 5 & İ"},
		{"Empty", "<div> </div>", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := FragmentText(tc.in); got != tc.want {
				t.Errorf("FragmentText(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
