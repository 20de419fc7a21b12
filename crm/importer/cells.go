package importer

import (
	"strings"

	"github.com/crm-tool/crm/crm/source"
	"github.com/crm-tool/crm/crm/workbook"
)

// Cell is where a value of the document came from.
type Cell struct{ Sheet, Ref string }

// Cell names the cell a JSON pointer of the document came from: a control
// (its CRM row's id, else its CIS row's), its answer or customer text (CRM),
// its status or origination (CIS), or a field crm's Provenance sheet keeps.
// Other pointers have no cell of their own.
func (r *Result) Cell(pointer string) (Cell, bool) {
	rest, ok := strings.CutPrefix(pointer, "/controls/")
	if !ok {
		return Cell{}, false
	}
	key, field, _ := strings.Cut(rest, "/")
	rc, ok := r.rowCells[source.Unescape(key)]
	if !ok {
		return Cell{}, false
	}
	at := func(t *workbook.Table, row *workbook.TableRow, role string) (Cell, bool) {
		if t == nil || row == nil {
			return Cell{}, false
		}
		return Cell{Sheet: t.Sheet, Ref: t.Ref(*row, role)}, true
	}
	switch field = source.Unescape(field); field {
	case "":
		if rc.crm != nil {
			return at(r.book.CRM, rc.crm, workbook.RoleID)
		}
		return at(r.book.CIS, rc.cis, workbook.RoleID)
	case "answer":
		return at(r.book.CRM, rc.crm, workbook.RoleAnswer)
	case "customer":
		return at(r.book.CRM, rc.crm, workbook.RoleText)
	case "status":
		return at(r.book.CIS, rc.cis, rc.statusRole)
	case "origination":
		return at(r.book.CIS, rc.cis, rc.originRole)
	}
	if rc.prov == nil {
		return Cell{}, false
	}
	for header, f := range provenanceColumns {
		if c, ok := rc.prov.table.Columns[header]; ok && f == field {
			return Cell{Sheet: rc.prov.sheet, Ref: workbook.CellRef(c, rc.prov.row.Row)}, true
		}
	}
	return Cell{}, false
}
