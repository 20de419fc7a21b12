package importer

import (
	"strings"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/controlid"
	"github.com/crm-tool/crm/crm/workbook"
)

// provRow is what crm's Provenance sheet holds of a row beyond the CIS and
// CRM sheets.
type provRow struct {
	sheet     string
	row       workbook.TableRow
	table     *workbook.Table
	stated    bool
	fields    map[string]string // input field → value
	fieldCols map[string]string // input field → header
}

// provenanceColumns maps the Provenance sheet's headers to input fields.
var provenanceColumns = map[string]string{
	"planned date":   "planned_date",
	"explanation":    "explanation",
	"provider":       "provider",
	"leveraged":      "leveraged",
	"passed on from": "pass_on",
	"todo":           "todo",
}

func (im *importer) provenanceRows() map[controlid.ID]*provRow {
	t := im.book.Provenance
	if t == nil {
		return nil
	}
	out := make(map[controlid.ID]*provRow, len(t.Rows))
	for _, r := range t.Rows {
		id, err := controlid.Parse(value(t, r, "control id"))
		if err != nil {
			continue
		}
		p := &provRow{sheet: t.Sheet, row: r, table: t, stated: value(t, r, "answer stated") != "no"}
		for header, field := range provenanceColumns {
			if v := strings.TrimSpace(value(t, r, header)); v != "" {
				if p.fields == nil { // most rows keep none
					p.fields = map[string]string{}
				}
				p.fields[field] = v
			}
		}
		out[id] = p
	}
	return out
}

// value reads a Provenance cell by its folded header.
func value(t *workbook.Table, r workbook.TableRow, header string) string {
	c, ok := t.Columns[header]
	if !ok || c >= len(r.Cells) {
		return ""
	}
	return r.Cells[c]
}

// apply lays the Provenance fields over an entry. An answer the input did
// not state, and that the origination gives anyway, is left to be derived
// again, as it was.
func (p *provRow) apply(e *crm.Entry) {
	e.PlannedDate = p.fields["planned_date"]
	e.Explanation = p.fields["explanation"]
	e.Provider = p.fields["provider"]
	e.Leveraged = p.fields["leveraged"]
	e.PassOn = p.fields["pass_on"]
	if p.fields["todo"] != "" {
		todo := true
		e.Todo = &todo
	}
	if !p.stated && len(e.Origination) > 0 && crm.DeriveAnswer(e.Origination) == e.Answer {
		e.Answer = ""
	}
}
