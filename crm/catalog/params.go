package catalog

import (
	"fmt"
	"slices"
	"strings"
)

// paramIndex finds each parameter, by id, and the control it belongs to;
// built on first use.
type paramIndex struct {
	byID map[string]paramRef
	all  []paramRef
}

type paramRef struct {
	ctl   *Control
	param *Param
}

func (c *Catalog) params() *paramIndex {
	c.paramOnce.Do(func() {
		idx := &paramIndex{byID: map[string]paramRef{}}
		for _, ctl := range c.controls {
			for i := range ctl.Params {
				ref := paramRef{ctl, &ctl.Params[i]}
				idx.byID[ctl.Params[i].ID] = ref
				idx.all = append(idx.all, ref)
			}
		}
		c.paramIdx = idx
	})
	return c.paramIdx
}

// UnknownParamError says that an id names no parameter of the catalog, and
// offers the nearest ones.
type UnknownParamError struct {
	ID          string
	Suggestions []string
}

func (e *UnknownParamError) Error() string {
	msg := fmt.Sprintf("%s is no parameter of NIST SP 800-53 Rev 5 as FedRAMP's baselines name them", e.ID)
	if len(e.Suggestions) > 0 {
		msg += "; did you mean " + strings.Join(e.Suggestions, ", ") + "?"
	}
	return msg
}

// Parameter finds a parameter by its id as the catalog spells it
// (ac-02_odp.06), and the control it belongs to. Ids are exact, as in
// OSCAL: the SDR and the SSP's set-parameters carry them as written, so
// another spelling is unknown, with the right one suggested.
func (c *Catalog) Parameter(id string) (*Control, *Param, error) {
	idx := c.params()
	if ref, ok := idx.byID[id]; ok {
		return ref.ctl, ref.param, nil
	}
	return nil, nil, &UnknownParamError{ID: id, Suggestions: idx.nearest(strings.ToLower(id))}
}

// nearest ranks parameters of the same control first (the part of the id
// before "_", without its zero padding), then by edit distance.
func (idx *paramIndex) nearest(id string) []string {
	type scored struct {
		id                 string
		otherControl, dist int
	}
	own := paramControl(id)
	all := make([]scored, 0, len(idx.all))
	for _, ref := range idx.all {
		s := scored{id: ref.param.ID, dist: levenshtein(id, strings.ToLower(ref.param.ID))}
		if paramControl(strings.ToLower(ref.param.ID)) != own {
			s.otherControl = 1
		}
		all = append(all, s)
	}
	slices.SortStableFunc(all, func(a, b scored) int {
		if a.otherControl != b.otherControl {
			return a.otherControl - b.otherControl
		}
		return a.dist - b.dist
	})
	var out []string
	for _, s := range all[:min(maxSuggestions, len(all))] {
		out = append(out, s.id)
	}
	return out
}

// paramControl is the control a parameter id names, its numbers without
// zero padding: "ac-02.03_odp.01" and "ac-2.3_prm_1" both give "ac-2.3".
func paramControl(id string) string {
	ctl, _, _ := strings.Cut(id, "_")
	var b strings.Builder
	digits := false // inside a number, after a non-zero digit
	for i := 0; i < len(ctl); i++ {
		ch := ctl[i]
		switch {
		case ch == '0' && !digits && i+1 < len(ctl) && ctl[i+1] >= '0' && ctl[i+1] <= '9':
			continue // a padding zero
		case ch >= '0' && ch <= '9':
			digits = true
		default:
			digits = false
		}
		b.WriteByte(ch)
	}
	return b.String()
}
