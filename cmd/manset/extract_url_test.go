package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

func TestExtractURL(t *testing.T) {
	page, err := os.ReadFile(fixtures + "/kuraklik.html")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=windows-1254")
		w.Write(page)
	}))
	defer srv.Close()

	env := map[string]string{"MANSET_FETCH_ALLOW_PRIVATE": "1", "MANSET_FETCH_DELAY": "1ms"}
	code, out, errOut := run(t, "", env, "extract", srv.URL+"/gundem/kuraklik-alarmi-889")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var x map[string]any
	if err := json.Unmarshal([]byte(out), &x); err != nil {
		t.Fatalf("output %q: %v", out, err)
	}
	if !strings.Contains(x["text"].(string), "Işık Mahallesi") || x["url"] != srv.URL+"/gundem/kuraklik-alarmi-889" {
		t.Errorf("extracted url %v text %q", x["url"], x["text"])
	}

	// Without the test switch, a loopback address is refused.
	code, _, errOut = run(t, "", nil, "extract", srv.URL+"/gundem/kuraklik-alarmi-889")
	if code == 0 || !strings.Contains(errOut, "engellendi") {
		t.Errorf("loopback fetch allowed: exit %d, %q", code, errOut)
	}
}
