package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a log both a server goroutine and the test use.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServe runs `manset serve` in this process on db and returns its log
// and a function that stops it and waits until it has exited.
func startServe(t *testing.T, db string) (*syncBuffer, func()) {
	t.Helper()
	logs := &syncBuffer{}
	ready := make(chan string, 1)
	env := &Env{Stdin: strings.NewReader(""), Stdout: logs, Stderr: logs, Ready: func(addr string) { ready <- addr },
		Getenv: func(k string) string { return map[string]string{"MANSET_LEASE_TTL": "300ms"}[k] }}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() { done <- Run(ctx, env, []string{"serve", "--db", db, "--addr", "127.0.0.1:0", "--demo=false"}) }()
	select {
	case <-ready:
	case code := <-done:
		t.Fatalf("serve exited with %d: %s", code, logs)
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start")
	}
	var once sync.Once
	stop := func() { once.Do(func() { cancel(); <-done }) }
	t.Cleanup(stop)
	return logs, stop
}

// waitLog waits until log contains want.
func waitLog(t *testing.T, log *syncBuffer, want string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(log.String(), want) {
		if time.Now().After(deadline) {
			t.Fatalf("log never said %q:\n%s", want, log)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// A second serve on the same SQLite file says plainly that it serves
// without fetching, and takes over the fetching when the first one stops;
// `manset fetch` refuses to become a second scheduler.
func TestSecondServeDoesNotScheduleFetching(t *testing.T) {
	db := filepath.Join(t.TempDir(), "manset.db")
	first, stopFirst := startServe(t, db)
	waitLog(t, first, "this node schedules source fetching")
	second, _ := startServe(t, db)
	waitLog(t, second, "serves without fetching")
	if strings.Contains(second.String(), "this node schedules source fetching") {
		t.Fatal("the second serve schedules fetching too")
	}
	code, _, errOut := run(t, "", nil, "fetch", "--db", db)
	if code == 0 || !strings.Contains(errOut, "already schedules fetching") {
		t.Errorf("manset fetch beside a scheduling serve: exit %d, %q", code, errOut)
	}
	stopFirst()
	waitLog(t, second, "this node schedules source fetching")
}
