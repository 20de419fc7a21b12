package crm

import "github.com/crm-tool/crm/crm/controlid"

// Unfinished lists the rows a workbook should not be written with: rows
// still marked todo, and applicable rows nothing answers. LI-SaaS rows
// tailored NSO need no answer; exempt reports them.
func Unfinished(rows []Row, exempt func(*Row) bool) (todo, unanswered []controlid.ID) {
	for i := range rows {
		r := &rows[i]
		switch {
		case r.IsTodo():
			todo = append(todo, r.ID)
		case r.Answer == "" && r.Applicable() && (exempt == nil || !exempt(r)):
			unanswered = append(unanswered, r.ID)
		}
	}
	return todo, unanswered
}
