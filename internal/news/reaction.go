package news

// ReactionKind is one of the six reactions a reader can give an article.
type ReactionKind string

// The six reactions, in display order.
const (
	ReactionLiked      ReactionKind = "begendim"
	ReactionNoteworthy ReactionKind = "dikkatimi-cekti"
	ReactionAccurate   ReactionKind = "dogru-bilgi"
	ReactionUnique     ReactionKind = "essiz-bilgi"
	ReactionApplause   ReactionKind = "alkisliyorum"
	ReactionLoved      ReactionKind = "sevdim"
)

// ReactionInfo is how a reaction is shown.
type ReactionInfo struct {
	Kind    ReactionKind
	Label   string // Turkish label
	LabelEN string
	Emoji   string
}

// Reactions lists every reaction kind in display order.
var Reactions = []ReactionInfo{
	{ReactionLiked, "Beğendim", "Liked", "👍"},
	{ReactionNoteworthy, "Dikkatimi Çekti", "Noteworthy", "👀"},
	{ReactionAccurate, "Doğru Bilgi", "Accurate", "✅"},
	{ReactionUnique, "Eşsiz Bilgi", "Unique", "💎"},
	{ReactionApplause, "Alkışlıyorum", "Applause", "👏"},
	{ReactionLoved, "Sevdim", "Loved", "❤️"},
}

// Valid reports whether k is one of the six kinds.
func (k ReactionKind) Valid() bool {
	for _, r := range Reactions {
		if r.Kind == k {
			return true
		}
	}
	return false
}
