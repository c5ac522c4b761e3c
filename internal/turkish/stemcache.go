package turkish

import "sync"

// stemCacheMax bounds the memo of snowball stems. News text repeats its
// words heavily, so a memo of the commonest forms saves most of the
// stemming in indexing, clustering and KAI; when full it starts over.
const stemCacheMax = 1 << 17

// stemMemo maps lowercased words to their snowball stems.
var stemMemo = struct {
	sync.RWMutex
	m map[string]string
}{m: make(map[string]string, 1024)}

func memoStem(w string) (string, bool) {
	stemMemo.RLock()
	s, ok := stemMemo.m[w]
	stemMemo.RUnlock()
	return s, ok
}

func rememberStem(w, s string) {
	stemMemo.Lock()
	if len(stemMemo.m) >= stemCacheMax {
		clear(stemMemo.m)
	}
	stemMemo.m[w] = s
	stemMemo.Unlock()
}
