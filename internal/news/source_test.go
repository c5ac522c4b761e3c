package news

import "testing"

func TestHomeURL(t *testing.T) {
	for _, tt := range []struct{ raw, want string }{
		{"https://www.gazete.example/gundem/haber-1?x=1", "https://www.gazete.example/"},
		{"http://ajans.example:8080/rss", "http://ajans.example:8080/"},
		{" https://gazete.example/rss ", "https://gazete.example/"},
		{"/haber/yerel", ""},
		{"", ""},
		{"://bozuk", ""},
	} {
		if got := HomeURL(tt.raw); got != tt.want {
			t.Errorf("HomeURL(%q) = %q, want %q", tt.raw, got, tt.want)
		}
	}
}
