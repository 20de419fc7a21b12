package report

import (
	"io"
	"strings"

	"github.com/crm-tool/crm/crm"
)

// ccmRows are a CRM's rows in the CCM v4 ownership vocabulary: row, control,
// answer, origination, ownership, why.
func ccmRows(rows []crm.Row) [][]string {
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

// ccmHeaders head the CCM mapping's columns.
var ccmHeaders = []string{"row", "control", "answer", "origination", "ccm_ownership", "why"}

// writeCCM writes the CCM mapping as CSV.
func writeCCM(w io.Writer, rows []crm.Row) error {
	cw := newCSV(w)
	_ = cw.Write(ccmHeaders)
	for _, r := range ccmRows(rows) {
		_ = cw.Write(r)
	}
	cw.Flush()
	return cw.Error()
}
