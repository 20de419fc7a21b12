// Package importer turns a CIS/CRM workbook, as package workbook reads it,
// into an input document, and checks what only a workbook can get wrong:
// answers that are not Yes/Partial/No, duplicate rows, CIS marks that
// contradict the CRM answer, and CIS and CRM sheets that list other rows.
package importer

import (
	"encoding/json"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/controlid"
	"github.com/crm-tool/crm/crm/workbook"
	"github.com/crm-tool/crm/templates"
)

// Result is an imported workbook.
type Result struct {
	Doc      *crm.Document
	Keys     []string      // control keys in workbook order
	Findings []crm.Finding // the workbook's own problems, at Sheet!Cell
	// Unplaced are those of Findings whose row or answer the document does
	// not hold: an id that names no control, a repeated row, an answer
	// other than Yes, Partial or No.
	Unplaced []crm.Finding
	Notes    []string // what the import could not place
	Sheet    string   // the CRM sheet, else the CIS sheet: where findings without a cell go
	// Provenance reports whether the workbook has crm's Provenance sheet,
	// which holds what the CIS and CRM sheets have no place for
	// (explanations, planned dates, provider text, leveraged entries).
	Provenance bool
	answers    map[string]crm.Answer
	book       *workbook.Book
	rowCells   map[string]*rowCells // control key → where its values stand
}

// rowCells is where one control's values stand. Cells are named only when
// asked (by a finding), not for every value of every row.
type rowCells struct {
	cis, crm *workbook.TableRow
	// The roles of the CIS cells a status or origination finding stands at:
	// the row's first mark of its kind, else the kind's first column.
	statusRole, originRole string
	prov                   *provRow
}

// Answers counts the rows by the answer their CRM sheet gives ("" for rows
// without one). Answers that the Provenance sheet shows to have been
// derived count too.
func (r *Result) Answers() map[crm.Answer]int {
	n := map[crm.Answer]int{}
	for _, key := range r.Keys {
		n[r.answers[key]]++
	}
	return n
}

// rowData is what the CIS and CRM sheets say of one row.
type rowData struct {
	id          controlid.ID
	cisRow      *workbook.TableRow
	crmRow      *workbook.TableRow
	origination []crm.Origination
	status      []crm.Status
}

type importer struct {
	name  string
	book  *workbook.Book
	res   *Result
	rows  map[controlid.ID]*rowData
	order []controlid.ID
	// described are the rows crm's Provenance sheet describes.
	described map[string]bool
}

// Convert imports a workbook read from file name.
func Convert(name string, b *workbook.Book) *Result {
	n := 0
	for _, t := range []*workbook.Table{b.CIS, b.CRM} {
		if t != nil {
			n = max(n, len(t.Rows))
		}
	}
	im := &importer{name: name, book: b, rows: make(map[controlid.ID]*rowData, n), described: make(map[string]bool, n),
		res: &Result{book: b, rowCells: make(map[string]*rowCells, n), answers: make(map[string]crm.Answer, n)}}
	im.res.Doc = im.document(n)
	im.res.Provenance = b.Provenance != nil
	if b.CRM != nil {
		im.res.Sheet = b.CRM.Sheet
	} else if b.CIS != nil {
		im.res.Sheet = b.CIS.Sheet
	}
	if b.CIS != nil {
		im.sheet(b.CIS, func(d *rowData, r *workbook.TableRow) bool {
			if d.cisRow != nil {
				return false
			}
			d.cisRow = r
			return true
		})
	}
	if b.CRM != nil {
		im.sheet(b.CRM, func(d *rowData, r *workbook.TableRow) bool {
			if d.crmRow != nil {
				return false
			}
			d.crmRow = r
			return true
		})
	}
	im.keptSystem()
	im.entries()
	im.leveraged()
	im.stripNotes()
	im.unvalued()
	im.sheetsDiffer()
	for _, t := range []*workbook.Table{b.CIS, b.CRM} {
		if t != nil {
			for _, ig := range t.Ignored {
				im.res.Notes = append(im.res.Notes, "column not read: "+ig)
			}
		}
	}
	crm.SortFindings(im.res.Findings)
	crm.SortFindings(im.res.Unplaced)
	return im.res
}

// add records a workbook finding, with its rule's severity.
func (im *importer) add(sheet, ref, rule string, msg string, rows ...string) {
	im.res.Findings = append(im.res.Findings, crm.Finding{File: im.name, Sheet: sheet, Cell: ref, Rule: rule,
		Severity: crm.SeverityOf(rule), Message: msg, Rows: rows})
}

// unplaced records a finding of a row or an answer the document cannot hold.
func (im *importer) unplaced(sheet, ref, rule string, msg string, rows ...string) {
	im.add(sheet, ref, rule, msg, rows...)
	im.res.Unplaced = append(im.res.Unplaced, im.res.Findings[len(im.res.Findings)-1])
}

// document starts the input document from the Instructions and Provenance
// sheets, with room for its rows' entries.
func (im *importer) document(rows int) *crm.Document {
	b := im.book
	sys := crm.System{
		CSP:       b.System["csp"],
		Name:      b.System["system name"],
		FedRAMPID: b.System["system identifier"],
		Baseline:  string(b.Baseline),
	}
	if sys.CSP == "" {
		sys.CSP = "unknown"
		im.res.Notes = append(im.res.Notes, "no CSP name in the workbook: set system.csp")
	}
	if sys.Name == "" {
		sys.Name = strings.TrimSuffix(filepath.Base(im.name), filepath.Ext(im.name))
		im.res.Notes = append(im.res.Notes, "no system name in the workbook: set system.name")
	}
	if sys.Baseline == "" {
		sys.Baseline = string(catalog.Moderate)
		im.res.Notes = append(im.res.Notes, "the workbook does not say its baseline: read as moderate; set system.baseline")
	}
	for _, r := range b.Revisions {
		if !isDate(r[0]) || r[1] == "" {
			continue
		}
		sys.Revisions = append(sys.Revisions, crm.Revision{Date: r[0], Description: r[1], Version: r[2], Author: r[3]})
	}
	doc := &crm.Document{SchemaVersion: crm.SchemaVersion, System: sys, Controls: make(map[string]crm.Entry, rows)}
	if b.Revision == 4 {
		doc.Revision = 4
	}
	return doc
}

func isDate(s string) bool {
	return len(s) == 10 && s[4] == '-' && s[7] == '-'
}

// The Rev 4 template lists IR-04 (a) twice; the second is IR-04 (c).
var (
	ir4a = controlid.MustParse("IR-4(a)")
	ir4c = controlid.MustParse("IR-4(c)")
)

// sheet reads the ids of a table, reporting unparsable and duplicate ones;
// keep records the row and says false when the row was already seen.
func (im *importer) sheet(t *workbook.Table, keep func(*rowData, *workbook.TableRow) bool) {
	seen := make(map[controlid.ID]bool, len(t.Rows))
	for i := range t.Rows {
		r := &t.Rows[i]
		raw := t.Value(*r, workbook.RoleID)
		ref := t.Ref(*r, workbook.RoleID)
		id, err := controlid.Parse(raw)
		if err != nil {
			im.unplaced(t.Sheet, ref, "unknown-id", err.Error())
			continue
		}
		if im.book.Revision == 4 && id == ir4a && seen[ir4a] && !seen[ir4c] && !im.listed(t, ir4c) {
			id = ir4c
			im.res.Notes = append(im.res.Notes, fmt.Sprintf("'%s'!%s: the second IR-04 (a) read as IR-04 (c), the Rev 4 template's known error", t.Sheet, ref))
		}
		seen[id] = true
		d, ok := im.rows[id]
		if !ok {
			d = &rowData{id: id}
			im.rows[id] = d
			im.order = append(im.order, id)
		}
		if !keep(d, r) {
			im.unplaced(t.Sheet, ref, "duplicate-row", fmt.Sprintf("%s appears again; the first one is used", id), id.String())
		}
	}
}

// listed reports whether a table lists id anywhere.
func (im *importer) listed(t *workbook.Table, id controlid.ID) bool {
	for _, r := range t.Rows {
		if got, err := controlid.Parse(t.Value(r, workbook.RoleID)); err == nil && got == id {
			return true
		}
	}
	return false
}

// entries turns each row into a control entry of the document.
func (im *importer) entries() {
	layout := templates.AppendixJ()
	prov := im.provenanceRows()
	statusRoles := columnRoles(layout.CIS.StatusColumns, workbook.StatusRole)
	originRoles := columnRoles(layout.CIS.OriginationColumns, workbook.OriginationRole)
	for _, id := range im.order {
		d := im.rows[id]
		// The Rev 4 template's CIS sheet lists Low and Moderate rows
		// together; a Low CRM sheet lists only Low ones. The CRM sheet's
		// rows are the CRM: the others are in the sheet-rows-differ
		// warning, not rows of the document.
		if im.book.Revision == 4 && im.book.CRM != nil && d.crmRow == nil {
			continue
		}
		key := id.String()
		var e crm.Entry
		cells := &rowCells{cis: d.cisRow, crm: d.crmRow}
		if t, r := im.book.CIS, d.cisRow; r != nil {
			cells.statusRole, cells.originRole = statusRoles[0], originRoles[0]
			for i, c := range layout.CIS.StatusColumns {
				if role := statusRoles[i]; marked(t.Value(*r, role)) {
					e.Status = append(e.Status, crm.Status(c.Value))
					if len(e.Status) == 1 && i > 0 {
						cells.statusRole = role
					}
				}
			}
			for i, c := range layout.CIS.OriginationColumns {
				if role := originRoles[i]; marked(t.Value(*r, role)) {
					e.Origination = append(e.Origination, crm.Origination(c.Value))
					if len(e.Origination) == 1 && i > 0 {
						cells.originRole = role
					}
				}
			}
		}
		if t, r := im.book.CRM, d.crmRow; r != nil {
			raw := t.Value(*r, workbook.RoleAnswer)
			if a, ok := parseAnswer(raw); ok {
				e.Answer = a
			} else {
				im.unplaced(t.Sheet, t.Ref(*r, workbook.RoleAnswer), "invalid-answer",
					fmt.Sprintf("%s: %q is not one of %s", id, strings.TrimSpace(raw), strings.Join(layout.CRM.Answers, ", ")), key)
			}
			e.Customer = cleanText(t.Value(*r, workbook.RoleText))
		}
		im.res.answers[key] = e.Answer
		if p, ok := prov[id]; ok {
			p.apply(&e)
			cells.prov = p
			im.described[key] = true
		}
		im.res.rowCells[key] = cells
		im.res.Doc.Controls[key] = e
		im.res.Keys = append(im.res.Keys, key)
	}
}

// columnRoles are the table roles of a kind's CIS columns, in column order.
func columnRoles(columns []templates.Column, role func(string) string) []string {
	out := make([]string, len(columns))
	for i, c := range columns {
		out[i] = role(c.Value)
	}
	return out
}

// leveraged lists the leveraged authorizations, so that the document is
// whole: as crm's Provenance sheet kept them (whole input entries), else as
// the CIS Inherited column's header names them ("Inherited from Pre-Existing
// Authorization (AWS GovCloud)", or crm's "(Name, FedRAMP ID; ...)").
// Inherited rows that name none get the first one.
func (im *importer) leveraged() {
	known := im.keptLeveraged()
	if len(known) == 0 && im.book.CIS != nil {
		known = headerLeveraged(im.book.CIS.Headers[workbook.OriginationRole(string(crm.Inherited))])
	}
	fallback := crm.Leveraged{ID: crm.LeveragedID("Pre-Existing Authorization"), Name: "Pre-Existing Authorization"}
	if len(known) > 0 {
		fallback = known[0]
	}
	used := map[string]bool{}
	for _, key := range im.res.Keys {
		e := im.res.Doc.Controls[key]
		if e.Leveraged == "" && slices.Contains(e.Origination, crm.Inherited) {
			e.Leveraged = fallback.ID
			im.res.Doc.Controls[key] = e
		}
		used[e.Leveraged], used[e.PassOn] = true, true
	}
	delete(used, "")
	// The Provenance sheet keeps every authorization the input listed; a
	// header names those the rows use, and the fallback stands alone.
	kept := len(im.book.Facts) > 0
	for i, l := range append(known, fallback) {
		if used[l.ID] || kept && i < len(known) {
			im.res.Doc.Leveraged = append(im.res.Doc.Leveraged, l)
		}
		delete(used, l.ID)
	}
	for _, id := range slices.Sorted(maps.Keys(used)) {
		im.res.Doc.Leveraged = append(im.res.Doc.Leveraged, crm.Leveraged{ID: id, Name: id})
	}
	for _, l := range im.res.Doc.Leveraged {
		if l.FedRAMPID == "" || l.Type == "" || l.Impact == "" {
			im.res.Notes = append(im.res.Notes, fmt.Sprintf("leveraged authorization %q: add its fedramp_id, type and impact", l.Name))
		}
	}
}

// keptSystem reads the system block and the services crm's Provenance sheet
// keeps, over what the Instructions sheet gave (the revisions stay).
func (im *importer) keptSystem() {
	layout := templates.AppendixJ()
	for _, f := range im.book.Facts {
		label := strings.ToLower(f[0])
		switch {
		case label == strings.ToLower(layout.Provenance.SystemFact):
			sys := im.res.Doc.System
			if err := json.Unmarshal([]byte(f[1]), &sys); err == nil && sys.Name != "" {
				sys.Revisions = im.res.Doc.System.Revisions
				im.res.Doc.System = sys
			}
		case strings.HasPrefix(label, strings.ToLower(layout.Provenance.ParameterFact)+" "):
			if im.res.Doc.Parameters == nil {
				im.res.Doc.Parameters = map[string]string{}
			}
			im.res.Doc.Parameters[strings.TrimSpace(f[0][len(layout.Provenance.ParameterFact)+1:])] = f[1]
		case strings.HasPrefix(label, strings.ToLower(layout.Provenance.ServiceFact)+" "):
			var sv crm.Service
			if err := json.Unmarshal([]byte(f[1]), &sv); err == nil && sv.ID != "" {
				im.res.Doc.Services = append(im.res.Doc.Services, sv)
			}
		}
	}
}

// keptLeveraged reads the leveraged authorizations crm's Provenance sheet
// keeps, one fact row each.
func (im *importer) keptLeveraged() []crm.Leveraged {
	layout := templates.AppendixJ()
	prefix := strings.ToLower(layout.Provenance.LeveragedFact) + " "
	var out []crm.Leveraged
	for _, f := range im.book.Facts {
		if !strings.HasPrefix(strings.ToLower(f[0]), prefix) {
			continue
		}
		var l crm.Leveraged
		if err := json.Unmarshal([]byte(f[1]), &l); err != nil || l.ID == "" || l.Name == "" {
			im.res.Notes = append(im.res.Notes, fmt.Sprintf("'%s' fact %q is not a leveraged authorization crm can read", im.book.Provenance.Sheet, f[0]))
			continue
		}
		out = append(out, l)
	}
	return out
}

// headerLeveraged reads the authorizations an Inherited column's header
// names after the word Authorization, in parentheses: "Name" or crm's
// "Name, FedRAMP ID", several separated by "; ".
func headerLeveraged(header string) []crm.Leveraged {
	i := strings.LastIndex(strings.ToLower(header), "authorization")
	if i < 0 {
		return nil
	}
	rest := strings.TrimSpace(header[i+len("authorization"):])
	if len(rest) < 3 || rest[0] != '(' || rest[len(rest)-1] != ')' {
		return nil
	}
	var out []crm.Leveraged
	for _, part := range strings.Split(rest[1:len(rest)-1], "; ") {
		name, id, _ := strings.Cut(strings.TrimSpace(part), ", FedRAMP ")
		if name = strings.TrimSpace(name); name != "" {
			out = append(out, crm.Leveraged{ID: crm.LeveragedID(name), Name: name, FedRAMPID: strings.TrimSpace(id)})
		}
	}
	return out
}

// unvalued reports the formula cells of the CIS and CRM tables that have no
// value saved: crm reads a formula's saved value and never evaluates it, so
// what such a cell says (an answer, a mark, a responsibility) is unknown.
func (im *importer) unvalued() {
	for _, t := range []*workbook.Table{im.book.CIS, im.book.CRM} {
		if t == nil {
			continue
		}
		for _, ref := range t.Unvalued {
			im.add(t.Sheet, ref, "formula-without-value", "a formula with no value saved: what it says is unknown (crm reads saved values and never evaluates formulas); open the workbook in a spreadsheet program and save it")
		}
	}
}

// stripNotes takes crm's notes off the responsibilities of the rows crm's
// Provenance sheet describes, now that the document's authorizations are
// known: they are derived from the row, not part of its customer text.
func (im *importer) stripNotes() {
	for _, key := range im.res.Keys {
		if !im.described[key] {
			continue
		}
		e := im.res.Doc.Controls[key]
		r := crm.Row{Fields: e, Answer: im.res.answers[key]}
		e.Customer = crm.StripNotes(e.Customer, &r, im.res.Doc)
		im.res.Doc.Controls[key] = e
	}
}

// sheetsDiffer reports rows that only one of the CIS and CRM sheets lists.
func (im *importer) sheetsDiffer() {
	b := im.book
	if b.CIS == nil || b.CRM == nil {
		return
	}
	var onlyCIS, onlyCRM []string
	for _, id := range im.order {
		d := im.rows[id]
		switch {
		case d.cisRow == nil:
			onlyCRM = append(onlyCRM, id.String())
		case d.crmRow == nil:
			onlyCIS = append(onlyCIS, id.String())
		}
	}
	for _, s := range []struct {
		sheet string
		ids   []string
		other string
	}{{b.CIS.Sheet, onlyCIS, b.CRM.Sheet}, {b.CRM.Sheet, onlyCRM, b.CIS.Sheet}} {
		if len(s.ids) > 0 {
			im.add(s.sheet, "", "sheet-rows-differ",
				fmt.Sprintf("%d rows are not on %q: %s", len(s.ids), s.other, list(s.ids, 6)), s.ids...)
		}
	}
}

func list(ids []string, max int) string {
	if len(ids) <= max {
		return strings.Join(ids, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(ids[:max], ", "), len(ids)-max)
}

// parseAnswer reads an answer as people type it: any case, stray and
// non-breaking spaces. A blank cell is no answer.
func parseAnswer(raw string) (crm.Answer, bool) {
	switch strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(raw, "\u00a0", " ")), " ")) {
	case "":
		return "", true
	case "yes", "y":
		return crm.AnswerYes, true
	case "partial", "partially", "partly":
		return crm.AnswerPartial, true
	case "no", "n":
		return crm.AnswerNo, true
	}
	return "", false
}

// marked reads any non-blank CIS cell as a mark.
func marked(v string) bool { return strings.TrimSpace(strings.ReplaceAll(v, "\u00a0", " ")) != "" }

// cleanText is a responsibilities cell as written: the text a CRM promises
// is never changed on import (no trimming, no folding of spaces or line
// ends); a cell holding only white space says nothing.
func cleanText(s string) string {
	if strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", " ")) == "" {
		return ""
	}
	return s
}
