// Package e2e drives the real manset binary through Debian's chromium.
package e2e

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "manset-e2e")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "manset")
	build := exec.Command("go", "build", "-o", binary, "../cmd/manset")
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building manset:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

var servingRE = regexp.MustCompile(`"manset serving" url=(\S+)`)

// startServer runs `manset serve` on a free loopback port with the demo
// content and returns its base URL; the process is killed when the test ends.
func startServer(t *testing.T, args ...string) string {
	t.Helper()
	base, _ := startServerDB(t, args...)
	return base
}

// startServerDB is startServer that also returns the database path, for
// tests that run other manset commands on the same database.
func startServerDB(t *testing.T, args ...string) (string, string) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "e2e.db")
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, binary, append([]string{"serve", "--db", db, "--addr", "127.0.0.1:0"}, args...)...)
	cmd.Env = append(os.Environ(), "MANSET_LOG_LEVEL=info")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cancel(); _ = cmd.Wait() })
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if m := servingRE.FindStringSubmatch(sc.Text()); m != nil {
				found <- strings.Trim(m[1], `"`)
				break
			}
		}
		_, _ = io.Copy(io.Discard, stderr)
	}()
	select {
	case u := <-found:
		return u, db
	case <-time.After(60 * time.Second):
		t.Fatal("manset serve did not report its address within 60s")
	}
	return "", ""
}

// manset runs a manset command with stdin and fails the test on error.
func manset(t *testing.T, stdin string, args ...string) string {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Stdin = strings.NewReader(stdin)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("manset %v: %v\n%s", args, err, out)
	}
	return string(out)
}
