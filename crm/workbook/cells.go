package workbook

import (
	"slices"
	"strings"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/templates"
)

// cisValues appends to dst a row's 13 CIS cells: the id, an X under each
// implementation status and each control origination it has.
func cisValues(dst []string, r *crm.Row, l *templates.CISSheet) []string {
	out := append(dst, r.ID.String())
	for _, c := range l.StatusColumns {
		out = append(out, mark(hasValue(r.Status, c.Value), l.Mark))
	}
	for _, c := range l.OriginationColumns {
		out = append(out, mark(hasValue(r.Origination, c.Value), l.Mark))
	}
	return out
}

// crmValues are a row's 3 CRM cells.
func crmValues(r *crm.Row, s *Spec) []string {
	return []string{r.ID.String(), r.Answer.Label(), crm.Responsibility(r, s.Doc, s.Service)}
}

// originationHeader is a CIS origination column's header. The Inherited
// column names, as real CRMs do ("Inherited from Pre-Existing  Authorization
// (AWS GovCloud)"), the leveraged authorizations the rows inherit from, by
// name and FedRAMP id, so that an agency can look them up.
func originationHeader(c templates.Column, s *Spec) string {
	if c.Value != string(crm.Inherited) {
		return c.Header
	}
	used := map[string]bool{}
	for i := range s.Rows {
		if slices.Contains(s.Rows[i].Origination, crm.Inherited) {
			used[s.Rows[i].Leveraged] = true
		}
	}
	var labels []string
	for _, lv := range s.Doc.Leveraged {
		if used[lv.ID] {
			labels = append(labels, lv.Label())
		}
	}
	if len(labels) == 0 {
		return c.Header
	}
	return c.Header + " (" + strings.Join(labels, "; ") + ")"
}

func hasValue[T ~string](list []T, v string) bool {
	for _, x := range list {
		if string(x) == v {
			return true
		}
	}
	return false
}

func mark(on bool, m string) string {
	if on {
		return m
	}
	return ""
}
