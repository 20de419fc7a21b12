package diff

import (
	"slices"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/controlid"
)

// Affected is a row of this provider's CRM that an upstream change reaches.
type Affected struct {
	Row     string   `json:"row"`
	Answer  string   `json:"answer"`
	Why     string   `json:"why"`
	Changes []Change `json:"changes"`
}

// Stale lists the rows of a CRM that a change in the CRM of the provider it
// leverages (leveraged: that authorization's id) reaches: rows inherited or
// filled from it whose upstream row changed, and rows where the provider now
// leaves more to its customers, which this CRM must address.
func Stale(upstream *Result, rows []crm.Row, leveraged string) []Affected {
	byRow := map[string][]Change{}
	var order []string
	for _, ch := range upstream.Changes {
		if ch.Row == "" || ch.Kind == TextWhitespace || ch.Kind == SystemChanged {
			continue
		}
		if _, ok := byRow[ch.Row]; !ok {
			order = append(order, ch.Row)
		}
		byRow[ch.Row] = append(byRow[ch.Row], ch)
	}
	index := map[string]*crm.Row{}
	for i := range rows {
		index[rows[i].ID.String()] = &rows[i]
	}
	var out []Affected
	for _, id := range order {
		r, ok := index[id]
		if !ok {
			continue
		}
		changes := byRow[id]
		why := ""
		switch {
		case r.AnswerFrom.Layer == crm.LayerLeveraged && r.Leveraged == leveraged || r.From.At(crm.FieldOrigination).Layer == crm.LayerLeveraged && r.Leveraged == leveraged:
			why = "filled from the provider's CRM"
		case slices.Contains(r.Origination, crm.Inherited) && r.Leveraged == leveraged:
			why = "inherited from the provider"
		case slices.ContainsFunc(changes, func(c Change) bool { return c.Kind == CustomerShift || c.Kind == AnswerChanged || c.Kind == RowAdded }):
			why = "the provider now leaves more, or other, work to its customers: check that this row addresses it"
		default:
			continue
		}
		out = append(out, Affected{Row: id, Answer: r.Answer.Label(), Why: why, Changes: changes})
	}
	slices.SortStableFunc(out, func(a, b Affected) int {
		return controlid.Compare(controlid.MustParse(a.Row), controlid.MustParse(b.Row))
	})
	return out
}
