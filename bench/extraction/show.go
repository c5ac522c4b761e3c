package main

import (
	"fmt"
	"strings"
)

// show prints, for one page, manset's paragraphs marked "+" when most of
// their shingles are in the gold text and "-" otherwise, then the gold
// paragraphs manset missed.
func show(p page, out string) {
	gold := shingles(tokenRE.FindAllString(p.gold, -1))
	ours := shingles(tokenRE.FindAllString(out, -1))
	fmt.Printf("=== %s\n", p.id)
	for _, para := range strings.Split(out, "\n\n") {
		fmt.Printf("%s %s\n", mark(para, gold), clip(para))
	}
	fmt.Println("--- missed gold paragraphs:")
	for _, para := range strings.Split(p.gold, "\n\n") {
		if mark(para, ours) == "-" {
			fmt.Printf("  %s\n", clip(para))
		}
	}
}

func mark(para string, in map[string]int) string {
	sh := shingles(tokenRE.FindAllString(para, -1))
	hit, all := 0, 0
	for k, c := range sh {
		all += c
		if in[k] > 0 {
			hit += c
		}
	}
	if all > 0 && hit*2 >= all {
		return "+"
	}
	return "-"
}

func clip(s string) string {
	r := []rune(s)
	if len(r) > 160 {
		return string(r[:160]) + "…"
	}
	return s
}
