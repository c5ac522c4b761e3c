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

func TestDropLeadBlock(t *testing.T) {
	spot := "Belediye yeni parkı açtı."
	tests := []struct{ name, in, want string }{
		{"repeated spot", "<p>Belediye  yeni <b>parkı</b> açtı.</p>\n<p>Tören kalabalıktı.</p>", "<p>Tören kalabalıktı.</p>"},
		{"inside a wrapper", "<div><p>Belediye yeni parkı açtı.</p><p>Tören.</p></div>", "<div><p>Tören.</p></div>"},
		{"first paragraph differs", "<p>Tören kalabalıktı.</p><p>Belediye yeni parkı açtı.</p>", "<p>Tören kalabalıktı.</p><p>Belediye yeni parkı açtı.</p>"},
		{"text before it", "Giriş <p>Belediye yeni parkı açtı.</p>", "Giriş <p>Belediye yeni parkı açtı.</p>"},
		{"longer first paragraph", "<p>Belediye yeni parkı açtı. Tören kalabalıktı.</p>", "<p>Belediye yeni parkı açtı. Tören kalabalıktı.</p>"},
		{"unclosed", "<p>Belediye yeni parkı açtı.", "<p>Belediye yeni parkı açtı."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DropLeadBlock(tt.in, spot); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
