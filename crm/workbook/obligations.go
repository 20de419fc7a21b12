package workbook

import (
	"io"

	"github.com/crm-tool/crm/crm/obligations"
	"github.com/crm-tool/crm/templates"
)

// crmHeader is the template's CRM header of column i (Control ID, Can Be
// Inherited from CSP, …), which the other tables crm writes reuse for the
// same columns.
func crmHeader(i int) string { return templates.AppendixJ().CRM.Headers[i] }

// answerFills shade obligations by how much is left to the agency.
var answerFills = map[string]string{"No": "FFC7CE", "Partial": "FFEB9C"}

// WriteObligations writes the agency's checklist: one row per duty, with an
// empty Done column to tick.
func WriteObligations(w io.Writer, provider string, obls []obligations.Obligation) error {
	t := &table{
		title:   "Customer obligations: " + provider,
		sheet:   "Obligations",
		headers: []string{"Done", "Section", crmHeader(0), "Family", "Title", crmHeader(1), "Service", "What the agency must do"},
		widths:  []float64{8, 14, 14, 9, 34, 16, 22, 90},
	}
	for _, o := range obls {
		duties := o.Duties
		if len(duties) == 0 {
			duties = []obligations.Duty{{Text: "The CRM does not say; ask the provider."}}
		}
		for _, d := range duties {
			t.rows = append(t.rows, []string{"", o.Section, o.Row, o.Family, o.Title, o.Answer, d.Service, d.Text})
			t.fills = append(t.fills, answerFills[o.Answer])
		}
	}
	return t.write(w)
}
