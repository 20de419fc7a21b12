package build

import (
	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/controlid"
	"github.com/crm-tool/crm/crm/oscal"
	"github.com/crm-tool/crm/crm/validate"
)

// OSCALLinks are the links of a validated document's OSCAL SSP to the
// leveraged CRMs it read.
func OSCALLinks(res *validate.Result) oscal.Links {
	l := oscal.Links{Upstreams: map[string]oscal.Upstream{}, Met: res.MetDuties()}
	for id, u := range res.Upstreams {
		if u.Result == nil || u.Result.Doc == nil {
			continue
		}
		up := oscal.Upstream{Doc: u.Result.Doc, Rows: make(map[controlid.ID]*crm.Row, len(u.Result.Rows))}
		for i := range u.Result.Rows {
			up.Rows[u.Result.Rows[i].ID] = &u.Result.Rows[i]
		}
		l.Upstreams[id] = up
	}
	return l
}
