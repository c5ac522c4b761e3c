package sqlite

// SetSelectiveTerm changes the BM25 cut-off for a test; call the result to
// restore it.
func SetSelectiveTerm(n int) (restore func()) {
	old := selectiveTerm
	selectiveTerm = n
	return func() { selectiveTerm = old }
}
