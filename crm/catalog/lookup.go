package catalog

import (
	"fmt"
	"slices"
	"strings"

	"github.com/crm-tool/crm/crm/controlid"
)

// UnknownIDError says that an identifier is well formed but names no control
// or statement part of the catalog, and offers the nearest real ones.
type UnknownIDError struct {
	ID          controlid.ID
	Reason      string
	Suggestions []controlid.ID
}

func (e *UnknownIDError) Error() string {
	msg := fmt.Sprintf("%s is not in NIST SP 800-53 Rev 5: %s", e.ID, e.Reason)
	if len(e.Suggestions) > 0 {
		names := make([]string, len(e.Suggestions))
		for i, s := range e.Suggestions {
			names[i] = s.String()
		}
		msg += "; did you mean " + strings.Join(names, ", ") + "?"
	}
	return msg
}

// maxSuggestions bounds how many near IDs an error offers.
const maxSuggestions = 3

// Lookup checks that id names a control, enhancement or statement part of the
// catalog, withdrawn ones included, and returns its control.
func (c *Catalog) Lookup(id controlid.ID) (*Control, error) {
	if _, ok := c.Family(id.Family); !ok {
		return nil, &UnknownIDError{ID: id, Reason: fmt.Sprintf("there is no family %s", id.Family), Suggestions: c.nearest(id.Base())}
	}
	ctl, ok := c.Control(id)
	if !ok {
		return nil, &UnknownIDError{ID: id, Reason: "no such control or enhancement", Suggestions: c.nearest(id.Base())}
	}
	if id.Part == "" || ctl.HasPart(id.Part) {
		return ctl, nil
	}
	if len(ctl.Parts) == 0 {
		return nil, &UnknownIDError{ID: id, Reason: fmt.Sprintf("%s has no lettered parts", ctl.ID), Suggestions: []controlid.ID{ctl.ID}}
	}
	return nil, &UnknownIDError{
		ID:          id,
		Reason:      fmt.Sprintf("%s has parts (%s) to (%s)", ctl.ID, ctl.Parts[0], ctl.Parts[len(ctl.Parts)-1]),
		Suggestions: []controlid.ID{ctl.ID},
	}
}

// nearest ranks the catalog's controls: same family first, then by edit
// distance to id's spelling, then by how close the control and enhancement
// numbers are (the control number weighing more).
func (c *Catalog) nearest(id controlid.ID) []controlid.ID {
	type scored struct {
		id                      controlid.ID
		otherFamily, dist, near int
	}
	target := id.String()
	all := make([]scored, 0, len(c.controls))
	for _, ctl := range c.controls {
		if ctl.Withdrawn {
			continue
		}
		s := scored{
			id:   ctl.ID,
			dist: levenshtein(target, ctl.ID.String()),
			near: 100*abs(ctl.ID.Control-id.Control) + abs(ctl.ID.Enhancement-id.Enhancement),
		}
		if ctl.ID.Family != id.Family {
			s.otherFamily = 1
		}
		all = append(all, s)
	}
	slices.SortStableFunc(all, func(a, b scored) int {
		if a.otherFamily != b.otherFamily {
			return a.otherFamily - b.otherFamily
		}
		if a.dist != b.dist {
			return a.dist - b.dist
		}
		return a.near - b.near
	})
	var out []controlid.ID
	for _, s := range all[:min(maxSuggestions, len(all))] {
		out = append(out, s.id)
	}
	return out
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// levenshtein is the edit distance between two short ASCII strings.
func levenshtein(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// WithdrawnNote says where a withdrawn control went, in template spelling:
// "incorporated into AC-2 and AU-6", "moved to AT-2(4)".
func (c *Control) WithdrawnNote() string {
	var rels []string
	targets := map[string][]string{}
	for _, l := range c.Links {
		target := "the " + strings.ToUpper(l.Target) + " family"
		if id, err := controlid.Parse(l.Target); err == nil {
			target = id.String()
		}
		if _, ok := targets[l.Rel]; !ok {
			rels = append(rels, l.Rel)
		}
		targets[l.Rel] = append(targets[l.Rel], target)
	}
	if len(rels) == 0 {
		return "withdrawn"
	}
	notes := make([]string, len(rels))
	for i, rel := range rels {
		notes[i] = strings.ReplaceAll(rel, "-", " ") + " " + strings.Join(targets[rel], " and ")
	}
	return strings.Join(notes, "; ")
}
