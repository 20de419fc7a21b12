package diff

import (
	"fmt"
	"sort"
	"strings"
)

// Filter keeps the changes whose kind is not ignored.
func (r *Result) Filter(ignore []Kind) {
	if len(ignore) == 0 {
		return
	}
	kept := r.Changes[:0]
	for _, ch := range r.Changes {
		if !contains(ignore, ch.Kind) {
			kept = append(kept, ch)
		}
	}
	r.Changes = kept
}

// Has reports whether any change is of one of the kinds.
func (r *Result) Has(kinds []Kind) bool {
	for _, ch := range r.Changes {
		if contains(kinds, ch.Kind) {
			return true
		}
	}
	return false
}

func contains(kinds []Kind, k Kind) bool {
	for _, x := range kinds {
		if x == k {
			return true
		}
	}
	return false
}

// Summary counts changes per kind and per family ("" for the system).
type Summary struct {
	Total    int            `json:"total"`
	Kinds    map[string]int `json:"kinds"`
	Families map[string]int `json:"families"`
}

// Summarize counts the changes.
func (r *Result) Summarize() Summary {
	s := Summary{Total: len(r.Changes), Kinds: map[string]int{}, Families: map[string]int{}}
	for _, ch := range r.Changes {
		s.Kinds[string(ch.Kind)]++
		fam := ch.Family
		if fam == "" {
			fam = "system"
		}
		s.Families[fam]++
	}
	return s
}

// Line is the summary on one line: counts per kind, most important first,
// then per family.
func (s Summary) Line() string {
	if s.Total == 0 {
		return "no differences"
	}
	var kinds []string
	for _, k := range Kinds {
		if n := s.Kinds[string(k)]; n > 0 {
			kinds = append(kinds, fmt.Sprintf("%d %s", n, k))
		}
	}
	fams := make([]string, 0, len(s.Families))
	for f := range s.Families {
		fams = append(fams, f)
	}
	sort.Strings(fams)
	for i, f := range fams {
		fams[i] = fmt.Sprintf("%s %d", f, s.Families[f])
	}
	noun := "changes"
	if s.Total == 1 {
		noun = "change"
	}
	return fmt.Sprintf("%d %s: %s; by family: %s", s.Total, noun, strings.Join(kinds, ", "), strings.Join(fams, ", "))
}
