package workbook

import (
	"fmt"
	"maps"
	"slices"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/templates"
)

// Check reports CRM cells whose composed text (shared text plus every
// service's paragraph) is longer than a cell holds, at the cell it would fill.
func Check(s *Spec) []crm.Finding {
	layout := templates.AppendixJ()
	b := &builder{layout: layout, title: s.Baseline.Title()}
	sheet := b.name(layout.CRM.Sheet)
	first := layout.CRM.HeaderRow[string(s.Baseline)] + 1
	var out []crm.Finding
	for i := range s.Rows {
		text := crm.Responsibility(&s.Rows[i], s.Doc, s.Service)
		if long, n := crm.TooLongForCell(text); long {
			out = append(out, crm.Finding{
				Sheet: sheet, Cell: "C" + itoa(first+i), Rule: "text-too-long", Severity: crm.SeverityOf("text-too-long"),
				Message: fmt.Sprintf("%s: the responsibilities come to %d characters; an Excel cell holds %d", s.Rows[i].ID, n, crm.MaxCellChars),
				Rows:    []string{s.Rows[i].ID.String()},
			})
		}
	}
	for _, id := range slices.Sorted(maps.Keys(s.Doc.Parameters)) {
		if long, n := crm.TooLongForCell(s.Doc.Parameters[id]); long {
			out = append(out, crm.Finding{
				Sheet: layout.Provenance.Sheet, Rule: "text-too-long", Severity: crm.SeverityOf("text-too-long"),
				Message: fmt.Sprintf("parameter %s: the value is %d characters; an Excel cell holds %d", id, n, crm.MaxCellChars),
			})
		}
	}
	return out
}
