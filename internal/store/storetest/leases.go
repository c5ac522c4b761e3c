package storetest

import (
	"testing"
	"time"
)

// runLeases checks that a lease has one holder at a time, is renewed by its
// holder, passes on when it runs out or is released, and that Ready
// answers on a current schema.
func runLeases(t *testing.T, open Opener) {
	s := fresh(t, open)
	c := ctx(t)
	now := at(0)
	acquire := func(holder string, when time.Time) bool {
		t.Helper()
		ok, err := s.AcquireLease(c, "fetch", holder, time.Minute, when)
		must(t, err)
		return ok
	}
	if !acquire("node-a", now) {
		t.Fatal("a free lease was refused")
	}
	if acquire("node-b", now.Add(30*time.Second)) {
		t.Fatal("a live lease went to a second holder")
	}
	if !acquire("node-a", now.Add(50*time.Second)) {
		t.Fatal("the holder could not renew")
	}
	if h, err := s.LeaseHolder(c, "fetch", now.Add(100*time.Second)); err != nil || h != "node-a" {
		t.Fatalf("holder %q, %v; want node-a (renewed until 110 s)", h, err)
	}
	if acquire("node-b", now.Add(100*time.Second)) {
		t.Fatal("the renewed lease went early")
	}
	if !acquire("node-b", now.Add(111*time.Second)) {
		t.Fatal("a lease that ran out did not pass on")
	}
	if ok, err := s.AcquireLease(c, "other-duty", "node-a", time.Minute, now.Add(111*time.Second)); err != nil || !ok {
		t.Errorf("another lease name is not independent: %v %v", ok, err)
	}
	must(t, s.ReleaseLease(c, "fetch", "node-a")) // not the holder: no effect
	if h, _ := s.LeaseHolder(c, "fetch", now.Add(112*time.Second)); h != "node-b" {
		t.Fatalf("a non-holder released the lease: holder %q", h)
	}
	must(t, s.ReleaseLease(c, "fetch", "node-b"))
	if !acquire("node-a", now.Add(113*time.Second)) {
		t.Error("a released lease was not free")
	}
	must(t, s.Ready(c))
}
