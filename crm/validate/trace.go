package validate

import (
	"slices"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/controlid"
)

// Trace follows a row down the chain: this system, then the provider it
// inherits the row from, and so on while the row is inherited from a
// provider whose CRM is known.
func Trace(res *Result, id controlid.ID) []crm.Hop {
	var hops []crm.Hop
	seen := map[*Result]bool{}
	for res != nil && !seen[res] {
		seen[res] = true
		hop := crm.Hop{File: res.File, System: res.Doc.System.CSP + ": " + res.Doc.System.Name}
		i := slices.IndexFunc(res.Rows, func(r crm.Row) bool { return r.ID == id })
		if i < 0 {
			hop.Missing = true
			return append(hops, hop)
		}
		r := &res.Rows[i]
		hop.Answer, hop.Origination = r.Answer.Label(), r.Origination
		hop.Customer = crm.Responsibility(r, res.Doc.Services, "")
		hop.From = r.AnswerFrom.Layer.String()
		if r.AnswerFrom.Upstream != "" {
			hop.From += " " + r.AnswerFrom.Upstream
		}
		var next *Result
		if slices.Contains(r.Origination, crm.Inherited) {
			hop.Leveraged = r.Leveraged
			if u, ok := res.Upstreams[r.Leveraged]; ok {
				hop.Leveraged = u.Leveraged.Name
				next = u.Result
			}
		}
		hops = append(hops, hop)
		res = next
	}
	return hops
}
