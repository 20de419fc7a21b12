package validate

import (
	"slices"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/controlid"
)

// Trace follows a row down the chain: this system, then the provider it
// inherits the row from (or, for a row it does not inherit, the provider
// whose duty it passes on or carries), and so on while that provider's CRM
// is known. At each level it says who carries what the level below leaves
// to its customers.
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
		hop.Customer = crm.Responsibility(r, res.Doc, "")
		hop.From = r.AnswerFrom.Layer.String()
		if r.AnswerFrom.Upstream != "" {
			hop.From += " " + r.AnswerFrom.Upstream
		}
		next := ""
		if slices.Contains(r.Origination, crm.Inherited) {
			hop.Leveraged, next = r.Leveraged, r.Leveraged
			if u, ok := res.Upstreams[r.Leveraged]; ok {
				hop.Leveraged = u.Leveraged.Name
			}
		}
		for _, d := range Duties(r, res.Doc, res.Upstreams) {
			hd := crm.HopDuty{From: d.Leveraged.Name, Text: d.Text, Handling: Handling(r, res.Doc, d)}
			switch hd.Handling {
			case "met":
				hd.How = r.Provider
			case "passed-on":
				hd.How = crm.CustomerText(r, res.Doc, "")
			default:
				hd.Handling = "unaddressed"
			}
			hop.Duties = append(hop.Duties, hd)
			if next == "" || d.Leveraged.ID == r.PassOn {
				next = d.Leveraged.ID
			}
		}
		hops = append(hops, hop)
		u, ok := res.Upstreams[next]
		if !ok {
			break
		}
		res = u.Result
	}
	return hops
}
