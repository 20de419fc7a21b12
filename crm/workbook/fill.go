package workbook

import (
	"fmt"
	"io"
	"strings"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/templates"
	"github.com/xuri/excelize/v2"
)

// Limits on a user's workbook. A workbook is read whole, and its parts
// unzipped whole, so these bound the memory reading takes (README, Bad
// input): 32 MiB unzipped is six times FedRAMP's own template (5.3 MiB)
// and thirty times a crm High workbook.
const (
	MaxBytes    = 32 << 20 // the file
	MaxUnzipped = 32 << 20 // its XML parts, unzipped
)

// FillOptions tune a template fill.
type FillOptions struct {
	// KeepOtherBaselines keeps the CIS and CRM worksheets of the other
	// baselines (and the LI-SaaS key of a non-LI-SaaS fill), which the
	// template's Instructions tell the CSP to remove.
	KeepOtherBaselines bool
}

// Fill writes the baseline's CIS and CRM rows into a workbook the user
// supplies (FedRAMP's template or a copy of it), completes its Instructions
// sheet (the system block's placeholders, the revision history) and removes
// the other baselines' worksheets, as the template's Instructions ask;
// every other sheet, style and property is kept as it was. The
// Yes/Partial/No list is re-applied over every data row, since the
// template's own lists stop short.
func Fill(w io.Writer, template io.Reader, s *Spec, o FillOptions) error {
	layout := templates.AppendixJ()
	f, err := excelize.OpenReader(template, excelize.Options{UnzipSizeLimit: MaxUnzipped, UnzipXMLSizeLimit: MaxUnzipped})
	if err != nil {
		return fmt.Errorf("open template: %w", err)
	}
	defer f.Close()
	b := &builder{f: f, layout: layout, spec: s, title: s.Baseline.Title(), key: string(s.Baseline)}
	cisName, crmName := b.name(layout.CIS.Sheet), b.name(layout.CRM.Sheet)
	hr := layout.CRM.HeaderRow[b.key]
	for _, want := range []struct {
		sheet, cell, text string
	}{
		{cisName, "A2", layout.CIS.IDHeader},
		{crmName, "A" + itoa(hr), layout.CRM.Headers[0]},
	} {
		if err := b.expect(want.sheet, want.cell, want.text); err != nil {
			return err
		}
	}
	textWidth, err := f.GetColWidth(crmName, "C")
	if err != nil {
		return err
	}
	for i := range s.Rows {
		cis := toAny(cisValues(nil, &s.Rows[i], &layout.CIS))
		if err := f.SetSheetRow(cisName, "A"+itoa(cisHeaderRows+1+i), &cis); err != nil {
			return err
		}
		values := crmValues(&s.Rows[i], s)
		crm := toAny(values)
		if err := f.SetSheetRow(crmName, "A"+itoa(hr+1+i), &crm); err != nil {
			return err
		}
		// The template's rows have a fixed 15.75 pt height, which shows one
		// line of a responsibility (Excel never grows a custom height):
		// size each as generate does, or back to one line.
		if err := f.SetRowHeight(crmName, hr+1+i, max(textHeight(values[2], textWidth), lineHeight)); err != nil {
			return err
		}
	}
	if len(s.Rows) > 0 {
		for _, t := range []struct {
			sheet       string
			first, cols int
		}{
			{cisName, cisHeaderRows + 1, 1 + len(layout.CIS.StatusColumns) + len(layout.CIS.OriginationColumns)},
			{crmName, hr + 1, len(layout.CRM.Headers)},
		} {
			if err := b.carryDown(t.sheet, t.first, t.first+len(s.Rows)-1, t.cols); err != nil {
				return err
			}
		}
	}
	if err := f.DeleteDataValidation(crmName); err != nil {
		return err
	}
	if len(s.Rows) > 0 {
		if err := f.AddDataValidation(crmName, answerList(layout.CRM.Answers, fmt.Sprintf("B%d:B%d", hr+1, hr+len(s.Rows)))); err != nil {
			return err
		}
	}
	for i, c := range layout.CIS.OriginationColumns {
		if c.Value == string(crm.Inherited) {
			cell := cellName(2+len(layout.CIS.StatusColumns)+i, cisHeaderRows)
			if err := f.SetCellValue(cisName, cell, originationHeader(c, s)); err != nil {
				return err
			}
		}
	}
	if err := b.completeInstructions(); err != nil {
		return err
	}
	if !o.KeepOtherBaselines {
		if err := b.removeOtherBaselines(); err != nil {
			return err
		}
	}
	return save(f, w, nil, s.stamp())
}

// carryDown gives every data row of a template sheet, down to last, the
// styles (borders, fonts) of its first data row and the template's zebra
// banding: the template's own styles and banding stop short of its rows.
func (b *builder) carryDown(sheet string, first, last, cols int) error {
	for c := 1; c <= cols; c++ {
		style, err := b.f.GetCellStyle(sheet, cellName(c, first))
		if err != nil {
			return err
		}
		if err := b.f.SetCellStyle(sheet, cellName(c, first), cellName(c, last), style); err != nil {
			return err
		}
	}
	formats, err := b.f.GetConditionalFormats(sheet)
	if err != nil {
		return err
	}
	for ref := range formats {
		if err := b.f.UnsetConditionalFormat(sheet, ref); err != nil {
			return err
		}
	}
	band, err := b.f.NewConditionalStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{b.layout.Colors.Band}}})
	if err != nil {
		return err
	}
	return b.f.SetConditionalFormat(sheet, cellName(1, first)+":"+cellName(cols, last), []excelize.ConditionalFormatOptions{
		{Type: "formula", Criteria: "MOD(ROW(),2)=0", Format: &band},
	})
}

// completeInstructions replaces the template's placeholders on its
// Instructions sheet with the system's values (a value the input does not
// give leaves its placeholder, for validation to find) and writes the
// revision history into the template's table, in place of its examples.
func (b *builder) completeInstructions() error {
	l := &b.layout.Instructions
	if idx, _ := b.f.GetSheetIndex(l.Sheet); idx < 0 {
		return nil
	}
	sys := b.spec.Doc.System
	values := map[string]string{"csp": sys.CSP, "name": sys.Name, "fedramp_id": sys.FedRAMPID, "baseline": b.title, "offering": sys.Name}
	rows, err := b.f.GetRows(l.Sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return err
	}
	revisionRow := 0
	for r, row := range rows {
		for c, text := range row {
			if c == 1 && strings.TrimSpace(text) == l.RevisionHeaders[0] && revisionRow == 0 {
				revisionRow = r + 1
			}
			filled := text
			for field, ph := range l.Placeholders {
				if v := values[field]; v != "" {
					filled = strings.ReplaceAll(filled, ph, v)
				}
			}
			if filled != text {
				if err := b.f.SetCellStr(l.Sheet, cellName(c+1, r+1), filled); err != nil {
					return err
				}
			}
		}
	}
	if revisionRow == 0 || len(sys.Revisions) == 0 {
		return nil
	}
	return b.revisions(l, rows, revisionRow)
}

// revisions writes the input's revision history below the template's
// revision header (1-based row), replacing its example rows and inserting
// rows for more.
func (b *builder) revisions(l *templates.InstructionsSheet, rows [][]string, header int) error {
	examples := 0
	for r := header; r < len(rows) && cellAt(rows, r, 1) != ""; r++ {
		examples++
	}
	revs := b.spec.Doc.System.Revisions
	if more := len(revs) - examples; more > 0 {
		if err := b.f.InsertRows(l.Sheet, header+1+examples, more); err != nil {
			return err
		}
	}
	for i := range max(examples, len(revs)) {
		values := []string{"", "", "", ""}
		if i < len(revs) {
			values = []string{revs[i].Date, revs[i].Description, revs[i].Version, revs[i].Author}
		}
		for j, col := range l.RevisionColumns {
			if err := b.f.SetCellStr(l.Sheet, col+itoa(header+1+i), values[j]); err != nil {
				return err
			}
		}
	}
	return nil
}

// removeOtherBaselines deletes the worksheets of the baselines the fill is
// not for, and the LI-SaaS key of a fill that is not LI-SaaS.
func (b *builder) removeOtherBaselines() error {
	var names []string
	for _, other := range catalog.Baselines() {
		if other == b.spec.Baseline {
			continue
		}
		for _, pattern := range []string{b.layout.CIS.Sheet, b.layout.CRM.Sheet} {
			names = append(names, strings.ReplaceAll(pattern, "{baseline}", other.Title()))
		}
	}
	if b.spec.Baseline != catalog.LISaaS {
		names = append(names, b.layout.LISaaSKey.Sheet)
	}
	for _, name := range names {
		if idx, _ := b.f.GetSheetIndex(name); idx >= 0 {
			if err := b.f.DeleteSheet(name); err != nil {
				return err
			}
		}
	}
	return nil
}

// expect checks that a template sheet exists and has its header where the
// official template has it.
func (b *builder) expect(sheet, cell, text string) error {
	if idx, _ := b.f.GetSheetIndex(sheet); idx < 0 {
		return fmt.Errorf("the template has no sheet %q (it has %s)", sheet, strings.Join(quoted(b.f.GetSheetList()), ", "))
	}
	got, err := b.f.GetCellValue(sheet, cell)
	if err != nil {
		return err
	}
	if strings.TrimSpace(got) != text {
		return fmt.Errorf("sheet %q does not follow the Appendix J template: %s reads %q, not %q", sheet, cell, got, text)
	}
	return nil
}

func quoted(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}
