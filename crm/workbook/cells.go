package workbook

import (
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
	return []string{r.ID.String(), r.Answer.Label(), crm.Responsibility(r, s.Doc.Services, s.Service)}
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
