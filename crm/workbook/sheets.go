package workbook

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/templates"
	"github.com/xuri/excelize/v2"

	"github.com/crm-tool/crm/crm/workbook/internal/xlsx"
)

// set writes one cell with a style (0 keeps the cell's style).
func (b *builder) set(sheet, cell string, value any, style int) error {
	if err := b.f.SetCellValue(sheet, cell, value); err != nil {
		return err
	}
	if value != nil && value != "" {
		col, row, err := excelize.CellNameToCoordinates(cell)
		if err != nil {
			return err
		}
		u := b.used[sheet]
		b.used[sheet] = extent{max(u.col, col), max(u.row, row)}
	}
	if style == 0 {
		return nil
	}
	return b.f.SetCellStyle(sheet, cell, cell, style)
}

// setRow writes values from cell rightwards, all in one style.
func (b *builder) setRow(sheet string, col, row int, style int, values ...any) error {
	for i, v := range values {
		if err := b.set(sheet, cellName(col+i, row), v, style); err != nil {
			return err
		}
	}
	return nil
}

// setAt writes values into the named columns of a row, all in one style.
func (b *builder) setAt(sheet string, row int, cols []string, style int, values ...string) error {
	for i, v := range values {
		if err := b.set(sheet, cols[i]+itoa(row), v, style); err != nil {
			return err
		}
	}
	return nil
}

func (b *builder) widths(sheet string, widths map[string]float64) error {
	for col, w := range widths {
		if err := b.f.SetColWidth(sheet, col, col, w); err != nil {
			return err
		}
	}
	return nil
}

// sheetWidths adds a sheet with its column widths.
func (b *builder) sheetWidths(sheet string, widths map[string]float64) error {
	if err := b.sheet(sheet); err != nil {
		return err
	}
	return b.widths(sheet, widths)
}

// columnWidths sets the widths of a sheet's columns from A on.
func columnWidths(f *excelize.File, sheet string, widths []float64) error {
	for i, w := range widths {
		if err := f.SetColWidth(sheet, colName(i+1), colName(i+1), w); err != nil {
			return err
		}
	}
	return nil
}

func (b *builder) instructions() error {
	l := &b.layout.Instructions
	s := l.Sheet
	sys := b.spec.Doc.System
	if err := b.sheetWidths(s, l.Widths); err != nil {
		return err
	}
	if err := b.set(s, "B1", strings.ReplaceAll(b.layout.Title, "{system}", sys.Name), b.st.title); err != nil {
		return err
	}
	if err := b.f.MergeCell(s, "B1", "F1"); err != nil {
		return err
	}
	if err := b.f.SetRowHeight(s, 1, 66); err != nil {
		return err
	}
	row := 3
	if err := b.set(s, cellName(2, row), l.SystemTitle, b.st.heading); err != nil {
		return err
	}
	for i, values := range [][]string{l.SystemHeaders, {sys.CSP, sys.Name, sys.FedRAMPID, b.title}} {
		style := b.st.text
		if i == 0 {
			style = b.st.headerLeft
		}
		r := itoa(row + 1 + i)
		if err := b.setAt(s, row+1+i, l.SystemColumns, style, values...); err != nil {
			return err
		}
		if err := b.f.MergeCell(s, l.SystemMerge[0]+r, l.SystemMerge[1]+r); err != nil {
			return err
		}
	}
	row += 4
	if err := b.set(s, cellName(2, row), l.RevisionTitle, b.st.heading); err != nil {
		return err
	}
	if err := b.setAt(s, row+1, l.RevisionColumns, b.st.headerLeft, l.RevisionHeaders...); err != nil {
		return err
	}
	row += 2
	for _, r := range b.spec.Doc.System.Revisions {
		if err := b.setAt(s, row, l.RevisionColumns, b.st.text, r.Date, r.Description, r.Version, r.Author); err != nil {
			return err
		}
		row++
	}
	for _, sec := range l.Sections {
		row++
		if err := b.set(s, cellName(2, row), sec.Heading, b.st.heading); err != nil {
			return err
		}
		row++
		if sec.Text != "" {
			if err := b.paragraph(s, row, sec.Text); err != nil {
				return err
			}
			row++
		}
		for i, cells := range sec.Table {
			style := b.st.text
			if i == 0 {
				style = b.st.headerLeft
			}
			if err := b.setRow(s, 2, row, style, toAny(cells)...); err != nil {
				return err
			}
			// The last column runs to F, as the template merges D:F.
			last := colName(1 + len(cells))
			if err := b.f.MergeCell(s, last+itoa(row), "F"+itoa(row)); err != nil {
				return err
			}
			if h := textHeight(cells[len(cells)-1], l.Widths["D"]+l.Widths["E"]+l.Widths["F"]); h > 0 {
				if err := b.f.SetRowHeight(s, row, h); err != nil {
					return err
				}
			}
			row++
		}
	}
	return nil
}

// paragraph writes wrapped text across B:F.
func (b *builder) paragraph(sheet string, row int, text string) error {
	from, to := cellName(2, row), cellName(6, row)
	if err := b.set(sheet, from, text, b.st.guidance); err != nil {
		return err
	}
	if err := b.f.MergeCell(sheet, from, to); err != nil {
		return err
	}
	w := 0.0
	for _, c := range []string{"B", "C", "D", "E", "F"} {
		w += b.layout.Instructions.Widths[c]
	}
	if h := textHeight(text, w); h > 0 {
		return b.f.SetRowHeight(sheet, row, h)
	}
	return nil
}

// examples writes FedRAMP's Example CRM Worksheet Responses, which the CRM
// GUIDANCE points to ("Example CRM responses ... are provided in the Example
// CRM Worksheet Responses sheet of this workbook").
func (b *builder) examples() error {
	l := &b.layout.Example
	s := l.Sheet
	if err := b.sheet(s); err != nil {
		return err
	}
	if err := columnWidths(b.f, s, l.Widths); err != nil {
		return err
	}
	if err := b.titleRow(s, 1, l.Title, b.st.heading, 30); err != nil {
		return err
	}
	if err := b.f.MergeCell(s, "A1", "C1"); err != nil {
		return err
	}
	if err := b.setRow(s, 1, 2, b.st.header, toAny(b.layout.CRM.Headers)...); err != nil {
		return err
	}
	if err := b.printTitles(s, 2, 2); err != nil {
		return err
	}
	for i, r := range l.Rows {
		row := 3 + i
		for j, v := range r {
			style := b.st.text
			if j == 0 {
				style = b.st.id
			}
			if err := b.set(s, cellName(j+1, row), v, style); err != nil {
				return err
			}
		}
		if h := textHeight(r[2], l.Widths[2]); h > 0 {
			if err := b.f.SetRowHeight(s, row, h); err != nil {
				return err
			}
		}
	}
	return nil
}

// recordOfChange writes the template's Record of Change: the template's
// own revisions (the system's are on the Instructions sheet).
func (b *builder) recordOfChange() error {
	l := &b.layout.Record
	s := l.Sheet
	if err := b.sheetWidths(s, l.Widths); err != nil {
		return err
	}
	if err := b.set(s, "B2", l.Title, b.st.heading); err != nil {
		return err
	}
	if err := b.setRow(s, 2, 3, b.st.headerLeft, toAny(l.Headers)...); err != nil {
		return err
	}
	for i, r := range l.Rows {
		if err := b.setRow(s, 2, 4+i, b.st.text, toAny(r)...); err != nil {
			return err
		}
	}
	return nil
}

func (b *builder) liSaaSKey() error {
	l := &b.layout.LISaaSKey
	s := l.Sheet
	if err := b.sheetWidths(s, l.Widths); err != nil {
		return err
	}
	if err := b.set(s, "B2", l.Title, b.st.heading); err != nil {
		return err
	}
	if err := b.set(s, "B4", l.Intro, b.st.guidance); err != nil {
		return err
	}
	if err := b.f.MergeCell(s, "B4", "C4"); err != nil {
		return err
	}
	if err := b.f.SetRowHeight(s, 4, textHeight(l.Intro, l.Widths["B"]+l.Widths["C"])); err != nil {
		return err
	}
	if err := b.setRow(s, 2, 6, b.st.headerLeft, toAny(l.Headers)...); err != nil {
		return err
	}
	for i, r := range l.Rows {
		if err := b.setRow(s, 2, 7+i, b.st.text, toAny(r)...); err != nil {
			return err
		}
		if h := textHeight(r[1], l.Widths["C"]); h > 0 {
			if err := b.f.SetRowHeight(s, 7+i, h); err != nil {
				return err
			}
		}
	}
	return nil
}

// familyCount is one line of the Summary sheet.
type familyCount struct {
	id, title                                   string
	rows, yes, partial, no, unanswered          int
	controls, controlYes, controlPartial, ctlNo int
}

// count tallies rows and rolled-up controls per family, in baseline order.
func (b *builder) count() []familyCount {
	var out []familyCount
	index := map[string]int{}
	at := func(fam string) *familyCount {
		i, ok := index[fam]
		if !ok {
			f, _ := familyTitle(fam)
			i = len(out)
			index[fam] = i
			out = append(out, familyCount{id: fam, title: f})
		}
		return &out[i]
	}
	for _, r := range b.spec.Rows {
		c := at(r.ID.Family)
		c.rows++
		switch r.Answer {
		case crm.AnswerYes:
			c.yes++
		case crm.AnswerPartial:
			c.partial++
		case crm.AnswerNo:
			c.no++
		default:
			c.unanswered++
		}
	}
	for _, s := range crm.RollUpAll(b.spec.Rows) {
		c := at(s.Member.ID.Family)
		c.controls++
		switch s.Answer {
		case crm.AnswerYes:
			c.controlYes++
		case crm.AnswerPartial:
			c.controlPartial++
		case crm.AnswerNo:
			c.ctlNo++
		}
	}
	return out
}

func (b *builder) summary() error {
	l := &b.layout.Summary
	s := l.Sheet
	if err := b.sheet(s); err != nil {
		return err
	}
	if err := columnWidths(b.f, s, l.Widths); err != nil {
		return err
	}
	if err := b.set(s, "A1", l.Title, b.st.heading); err != nil {
		return err
	}
	const headerRow = 3
	if err := b.setRow(s, 1, headerRow, b.st.header, toAny(l.Headers)...); err != nil {
		return err
	}
	counts := b.count()
	var total familyCount
	for i, c := range counts {
		if err := b.setRow(s, 1, headerRow+1+i, b.st.text, c.id, c.title, c.rows, c.yes, c.partial, c.no, c.unanswered,
			c.controls, c.controlYes, c.controlPartial, c.ctlNo); err != nil {
			return err
		}
		total.rows += c.rows
		total.yes += c.yes
		total.partial += c.partial
		total.no += c.no
		total.unanswered += c.unanswered
		total.controls += c.controls
		total.controlYes += c.controlYes
		total.controlPartial += c.controlPartial
		total.ctlNo += c.ctlNo
	}
	last := headerRow + len(counts)
	if err := b.setRow(s, 1, last+1, b.st.headerLeft, l.Total, "", total.rows, total.yes, total.partial, total.no, total.unanswered,
		total.controls, total.controlYes, total.controlPartial, total.ctlNo); err != nil {
		return err
	}
	if len(counts) == 0 {
		return nil
	}
	var series []excelize.ChartSeries
	for _, col := range []int{4, 5, 6} { // rows answered Yes, Partial, No
		c := colName(col)
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("'%s'!$%s$%d", s, c, headerRow),
			Categories: fmt.Sprintf("'%s'!$A$%d:$A$%d", s, headerRow+1, last),
			Values:     fmt.Sprintf("'%s'!$%s$%d:$%s$%d", s, c, headerRow+1, c, last),
		})
	}
	// The family labels and counts in a size and colour that read on
	// screen and paper (the default axis text all but vanishes).
	axis := excelize.ChartAxis{Font: excelize.Font{Family: b.layout.Font, Size: 9, Color: "000000"}}
	return b.f.AddChart(s, cellName(len(l.Headers)+2, headerRow), &excelize.Chart{
		Type:      excelize.BarStacked,
		Series:    series,
		XAxis:     axis,
		YAxis:     axis,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: l.ChartTitle}}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		Dimension: excelize.ChartDimension{Width: 640, Height: 480},
	})
}

func (b *builder) provenance() error {
	l := &b.layout.Provenance
	p := b.spec.Provenance
	s := l.Sheet
	names, facts := provenanceFacts(l, p, b.spec, b.title)
	headerRow := 3 + len(names) + 1
	if err := b.tableSheet(s, headerRow, headerRow+len(b.spec.Rows), len(l.Headers), l.Widths, nil); err != nil {
		return err
	}
	if err := b.set(s, "A1", l.Title, b.st.heading); err != nil {
		return err
	}
	// A fact does not wrap: a long one (a SHA-256, a leveraged entry) runs
	// on across the empty cells to its right instead of overprinting the
	// rows below, as wrapped text in a row of default height does; its
	// label wraps in a row as tall as it needs.
	for i, name := range names {
		if err := b.set(s, cellName(1, 3+i), name, b.st.headerLeft); err != nil {
			return err
		}
		if h := textHeight(name, l.Widths[0]); h > 0 {
			if err := b.f.SetRowHeight(s, 3+i, h); err != nil {
				return err
			}
		}
		if err := b.set(s, cellName(2, 3+i), facts[i], b.st.plain); err != nil {
			return err
		}
	}
	if err := b.setRow(s, 1, headerRow, b.st.header, toAny(l.Headers)...); err != nil {
		return err
	}
	b.fill(s, func(w *xlsx.RowWriter) {
		var values []string
		for i := range b.spec.Rows {
			values = provenanceValues(values[:0], &b.spec.Rows[i], p)
			height := 0.0
			for j, v := range values {
				height = max(height, textHeight(v, l.Widths[j]))
			}
			w.Start(headerRow+1+i, height)
			for j, v := range values {
				w.Cell(j+1, b.st.text, v)
			}
			w.End()
		}
	})
	return nil
}

// provenanceFacts are the Provenance sheet's facts: how the workbook was
// made, then each leveraged authorization's input entry as JSON.
func provenanceFacts(l *templates.ProvenanceSheet, p *Provenance, s *Spec, title string) (names, values []string) {
	service := s.Service
	if service == "" {
		service = "all"
	}
	names = slices.Clone(l.Facts)
	values = []string{p.Tool, p.Input, p.InputSHA256, itoa(p.SchemaVersion), p.Catalog, p.Baselines, title, service}
	sys := s.Doc.System
	sys.Revisions = nil         // on the Instructions sheet
	raw, _ := json.Marshal(sys) // strings only: cannot fail
	names, values = append(names, l.SystemFact), append(values, string(raw))
	for _, sv := range s.Doc.Services {
		raw, _ := json.Marshal(sv)
		names, values = append(names, l.ServiceFact+" "+sv.ID), append(values, string(raw))
	}
	for _, lv := range s.Doc.Leveraged {
		raw, _ := json.Marshal(lv)
		names = append(names, l.LeveragedFact+" "+lv.ID)
		values = append(values, string(raw))
	}
	for _, id := range slices.Sorted(maps.Keys(s.Doc.Parameters)) {
		names, values = append(names, l.ParameterFact+" "+id), append(values, s.Doc.Parameters[id])
	}
	return names, values
}

// provenanceValues appends to dst a row's Provenance cells: its answer and
// where it came from, and the fields the CIS and CRM sheets cannot hold.
func provenanceValues(dst []string, r *crm.Row, p *Provenance) []string {
	line := ""
	if r.AnswerFrom.Layer != crm.LayerNone && p.Line != nil {
		line = itoa(p.Line(r.AnswerFrom.Pointer))
	}
	todo := ""
	if r.IsTodo() {
		todo = "TODO"
	}
	stated := "no"
	if r.AnswerStated {
		stated = "yes"
	}
	entry := r.AnswerFrom.Pointer
	if r.AnswerFrom.Upstream != "" {
		entry += " (" + r.AnswerFrom.Upstream + ")"
	}
	return append(dst,
		r.ID.String(), r.Answer.Label(), stated, r.AnswerFrom.Layer.String(), entry, line,
		joinStrings(r.Origination), joinStrings(r.Status), r.PlannedDate, r.Explanation, r.Provider, r.Leveraged, r.PassOn, todo,
	)
}

func joinStrings[T ~string](l []T) string {
	s := make([]string, len(l))
	for i, x := range l {
		s[i] = string(x)
	}
	return strings.Join(s, " ")
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
