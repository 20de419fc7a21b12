package workbook

import (
	"fmt"
	"io"
	"strings"

	"github.com/crm-tool/crm/templates"
	"github.com/xuri/excelize/v2"
)

// Limits on what opening a user's workbook may unzip, so that a zip bomb is
// refused quickly.
const (
	unzipLimit    = 256 << 20
	unzipXMLLimit = 128 << 20
)

// Fill writes the baseline's CIS and CRM rows into a workbook the user
// supplies (FedRAMP's template or a copy of it) and keeps every other sheet,
// style and property as it was. The Yes/Partial/No list is re-applied over
// every data row, since the template's own lists stop short.
func Fill(w io.Writer, template io.Reader, s *Spec) error {
	layout, err := templates.AppendixJ()
	if err != nil {
		return err
	}
	f, err := excelize.OpenReader(template, excelize.Options{UnzipSizeLimit: unzipLimit, UnzipXMLSizeLimit: unzipXMLLimit})
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
	for i := range s.Rows {
		cis := toAny(cisValues(nil, &s.Rows[i], &layout.CIS))
		if err := f.SetSheetRow(cisName, "A"+itoa(cisHeaderRows+1+i), &cis); err != nil {
			return err
		}
		crm := toAny(crmValues(&s.Rows[i], s))
		if err := f.SetSheetRow(crmName, "A"+itoa(hr+1+i), &crm); err != nil {
			return err
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
	return save(f, w, nil)
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
