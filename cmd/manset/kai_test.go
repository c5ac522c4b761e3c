package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
)

// kaiAnswer is the contract of `manset kai ask` (DESIGN.md §3).
type kaiAnswer struct {
	Answer    string `json:"answer"`
	Covered   *bool  `json:"covered"`
	Engine    string `json:"engine"`
	Citations []struct {
		ArticleID int64  `json:"article_id"`
		Title     string `json:"title"`
		URL       string `json:"url"`
		Text      string `json:"text"`
	} `json:"citations"`
}

func importedDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "kai.db")
	if code, _, errOut := run(t, "", nil, "import", "--db", db, fixtures+"/dunya-liman.txt"); code != 0 {
		t.Fatalf("import: %s", errOut)
	}
	return db
}

func askCLI(t *testing.T, env map[string]string, args ...string) kaiAnswer {
	t.Helper()
	code, out, errOut := run(t, "", env, append([]string{"kai", "ask"}, args...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var ans kaiAnswer
	if err := json.Unmarshal([]byte(out), &ans); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	if ans.Covered == nil || ans.Citations == nil {
		t.Fatalf("covered and citations are always present:\n%s", out)
	}
	return ans
}

func TestKAIAsk(t *testing.T) {
	db := importedDB(t)
	slug := "liman-grevi-ucuncu-gununde-yuzlerce-konteyner-bekliyor"
	ans := askCLI(t, nil, "--db", db, "--article", slug, "Rıhtımda kaç konteyner bekliyor?")
	if !*ans.Covered || ans.Engine != "extractive" || len(ans.Citations) == 0 {
		t.Fatalf("got %+v", ans)
	}
	c := ans.Citations[0]
	if !strings.Contains(c.Text, "740") || c.ArticleID != 1 || c.URL != "/haber/"+slug || !strings.HasPrefix(c.Title, "Liman grevi") {
		t.Errorf("citation %+v", c)
	}
	// by ID, with MANSET_DB, a question the article does not cover
	ans = askCLI(t, map[string]string{"MANSET_DB": db}, "--article", "1", "Maçı", "kim", "kazandı?")
	if *ans.Covered || ans.Answer != "Bu haberde bu soruya dair bilgi yok." || len(ans.Citations) != 0 {
		t.Errorf("got %+v", ans)
	}
	if code, _, errOut := run(t, "", nil, "kai", "ask", "--db", db, "--article", "yok-boyle-haber", "Ne oldu?"); code != 1 || !strings.Contains(errOut, "yok-boyle-haber") {
		t.Errorf("unknown article: exit %d %q", code, errOut)
	}
	if code, _, _ := run(t, "", nil, "kai", "ask", "--db", db, "Soru?"); code != 2 {
		t.Errorf("missing --article: exit %d, want 2", code)
	}
}

// MANSET_LLM_URL switches `kai ask` to the model, here a local fake that
// streams the OpenAI wire format.
func TestKAIAskWithLLM(t *testing.T) {
	db := importedDB(t)
	var auth string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		auth = r.Header.Get("Authorization")
		w.Header().Set("Content-Type", "text/event-stream")
		for _, p := range []string{"Rıhtımda 740'tan fazla ", "konteyner bekliyor [1]."} {
			fmt.Fprintf(w, "data: {\"choices\":[{\"delta\":{\"content\":%q}}]}\n\n", p)
		}
		fmt.Fprint(w, "data: [DONE]\n\n")
	}))
	defer srv.Close()
	env := map[string]string{"MANSET_LLM_URL": srv.URL + "/v1", "MANSET_LLM_MODEL": "yerel", "MANSET_LLM_KEY": "k"}
	ans := askCLI(t, env, "--db", db, "--article", "1", "Rıhtımda kaç konteyner bekliyor?")
	if ans.Engine != "llm:yerel" || ans.Answer != "Rıhtımda 740'tan fazla konteyner bekliyor [1]." || len(ans.Citations) != 1 || auth != "Bearer k" {
		t.Errorf("got %+v (auth %q)", ans, auth)
	}
}

func TestKAIEval(t *testing.T) {
	for _, scope := range []string{"paragraph", "article"} {
		code, out, errOut := run(t, "", nil, "kai", "eval", "--scope", scope, "testdata/kai-squad.json")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", scope, code, errOut)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		last := lines[len(lines)-1]
		var acc1, acc3, p50, p95 float64
		var n int
		if _, err := fmt.Sscanf(last, "acc@1=%g acc@3=%g p50_ms=%g p95_ms=%g questions=%d", &acc1, &acc3, &p50, &p95, &n); err != nil {
			t.Fatalf("%s: last line %q: %v", scope, last, err)
		}
		if n != 3 || acc3 != 100 || acc1 < 66 {
			t.Errorf("%s: %q", scope, last)
		}
	}
	if code, _, _ := run(t, "", nil, "kai", "eval", "--scope", "kitap", "testdata/kai-squad.json"); code != 1 {
		t.Errorf("bad scope: exit %d, want 1", code)
	}
	if code, _, _ := run(t, "", nil, "kai"); code != 2 {
		t.Errorf("no subcommand: exit %d, want 2", code)
	}
}
