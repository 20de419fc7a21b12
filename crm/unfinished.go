package crm

import (
	"fmt"
	"strings"

	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/controlid"
)

// Unfinished lists the rows a workbook should not be written with: rows
// still marked todo, and applicable rows nothing answers. LI-SaaS rows
// tailored NSO ("not selected by the organization": FedRAMP's LI-SaaS
// tailoring, FedRAMP_Security_Controls_Baseline.xlsx) need no answer.
func Unfinished(rows []Row, b catalog.Baseline) (todo, unanswered []controlid.ID) {
	for i := range rows {
		r := &rows[i]
		switch {
		case r.IsTodo():
			todo = append(todo, r.ID)
		case r.Answer == "" && r.Applicable() && !(b == catalog.LISaaS && r.Member.HasMethod("NSO")):
			unanswered = append(unanswered, r.ID)
		}
	}
	return todo, unanswered
}

// DescribeUnfinished names the rows a CRM is not finished with, the first
// few of each kind: "" when there are none.
func DescribeUnfinished(todo, unanswered []controlid.ID) string {
	var parts []string
	if len(todo) > 0 {
		parts = append(parts, fmt.Sprintf("%d rows still marked todo (%s)", len(todo), listIDs(todo)))
	}
	if len(unanswered) > 0 {
		parts = append(parts, fmt.Sprintf("%d rows answered by nothing (%s)", len(unanswered), listIDs(unanswered)))
	}
	return strings.Join(parts, " and ")
}

func listIDs(ids []controlid.ID) string {
	const show = 8
	names := make([]string, 0, show)
	for _, id := range ids[:min(show, len(ids))] {
		names = append(names, id.String())
	}
	s := strings.Join(names, ", ")
	if len(ids) > show {
		s += fmt.Sprintf(" and %d more", len(ids)-show)
	}
	return s
}
