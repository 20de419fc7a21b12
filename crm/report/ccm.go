package report

import (
	"io"
	"strings"

	"github.com/crm-tool/crm/crm"
)

// CCMRows are a CRM's rows in the CCM v4 ownership vocabulary: row, control,
// answer, origination, ownership, why.
func CCMRows(rows []crm.Row) [][]string {
	out := make([][]string, 0, len(rows))
	for i := range rows {
		r := &rows[i]
		own, why := crm.CCMOwnership(r)
		o := make([]string, len(r.Origination))
		for j, x := range r.Origination {
			o[j] = string(x)
		}
		out = append(out, []string{r.ID.String(), r.Member.ID.String(), r.Answer.Label(), strings.Join(o, " "), own, why})
	}
	return out
}

// CCMHeaders head the CCM mapping's columns.
var CCMHeaders = []string{"row", "control", "answer", "origination", "ccm_ownership", "why"}

// WriteCCM writes the CCM mapping as CSV.
func WriteCCM(w io.Writer, rows []crm.Row) error {
	cw := newCSV(w)
	_ = cw.Write(CCMHeaders)
	for _, r := range CCMRows(rows) {
		_ = cw.Write(r)
	}
	cw.Flush()
	return cw.Error()
}
