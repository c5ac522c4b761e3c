package demo

import (
	"io/fs"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

type dump struct {
	name   string
	lines  []string
	header string // the " date YYYY-MM URL" line, or ""
}

var (
	dumpHeader = regexp.MustCompile(`^ date \d{4}-(0[1-9]|1[0-2]) (https?://\S+)$`)
	anyDate    = regexp.MustCompile(`\b\d{1,2}\.\d{1,2}\.\d{4}\b|\b\d{4}-\d{2}-\d{2}\b`)
	// gluedParas finds a sentence end directly followed by the next sentence,
	// the way some crawlers join paragraphs.
	gluedParas = regexp.MustCompile(`[a-zçğıöşü0-9]\.[A-ZÇĞİÖŞÜ][a-zçğıöşü]`)
)

func loadDumps(t *testing.T) []dump {
	t.Helper()
	paths, err := fs.Glob(Files(), "dumps/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out []dump
	for _, p := range paths {
		raw, err := fs.ReadFile(Files(), p)
		if err != nil {
			t.Fatal(err)
		}
		if !utf8.Valid(raw) {
			t.Errorf("%s is not valid UTF-8", p)
		}
		d := dump{name: p, lines: strings.Split(strings.TrimRight(string(raw), "\n"), "\n")}
		if strings.HasPrefix(d.lines[0], " date ") {
			d.header = d.lines[0]
		}
		out = append(out, d)
	}
	return out
}

func TestDumps(t *testing.T) {
	dumps := loadDumps(t)
	if total := len(loadArticles(t)) + len(dumps); len(dumps) < 6 || total < 32 {
		t.Errorf("%d dumps, %d articles in total; want at least 6 and 32", len(dumps), total)
	}
	for _, d := range dumps {
		t.Run(d.name, func(t *testing.T) { checkDump(t, d) })
	}
}

// checkDump asserts what the importer relies on: a valid header when there is
// one, a breadcrumb into one of the six sections, the title shown again as a
// bare line, and a real body of long lines.
func checkDump(t *testing.T, d dump) {
	if d.header != "" && !dumpHeader.MatchString(d.header) {
		t.Errorf("bad date header %q", d.header)
	}
	crumbCat, title := "", ""
	for i, l := range d.lines {
		if l == "1. Haberler" && i+2 < len(d.lines) {
			crumbCat = strings.TrimPrefix(d.lines[i+1], "2. ")
			title = strings.TrimPrefix(d.lines[i+2], "3. ")
			break
		}
	}
	if !validCategory(crumbCat) {
		t.Errorf("breadcrumb category %q is not one of %v", crumbCat, categories)
	}
	if title == "" || !slices.Contains(d.lines, title) {
		t.Errorf("title %q from the breadcrumb is not repeated as its own line", title)
	}
	words := 0
	for _, l := range d.lines {
		if n := len(strings.Fields(l)); n >= 25 {
			words += n
		}
	}
	if words < 150 {
		t.Errorf("body lines hold %d words, want at least 150", words)
	}
}

// TestDumpVariety keeps the hard cases the importer must survive.
func TestDumpVariety(t *testing.T) {
	hosts := map[string]bool{}
	var noHeader, noDates, glued, english, lorem, chat int
	for _, d := range loadDumps(t) {
		text := strings.Join(d.lines, "\n")
		if m := dumpHeader.FindStringSubmatch(d.header); m != nil {
			u, err := url.Parse(m[2])
			if err != nil {
				t.Fatalf("%s: %v", d.name, err)
			}
			hosts[u.Host] = true
		} else {
			noHeader++
		}
		if !anyDate.MatchString(text) {
			noDates++
		}
		count := func(ok bool, n *int) {
			if ok {
				*n++
			}
		}
		count(gluedParas.MatchString(text), &glued)
		count(strings.Contains(text, "Related News") && strings.Contains(text, "Share"), &english)
		count(strings.Contains(text, "Lorem ipsum"), &lorem)
		count(strings.Contains(text, "Sohbet sistemi şu anda aktif değil"), &chat)
	}
	if len(hosts) < 3 {
		t.Errorf("dumps come from %d sites, want at least 3", len(hosts))
	}
	for name, n := range map[string]int{"without header": noHeader, "without any date": noDates,
		"with glued paragraphs": glued, "with English chrome": english, "with lorem ipsum": lorem,
		"with the chat widget": chat} {
		if n == 0 {
			t.Errorf("no dump %s", name)
		}
	}
}
