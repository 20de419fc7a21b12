package workbook

import (
	"io"

	"github.com/crm-tool/crm/templates"
	"github.com/xuri/excelize/v2"

	"github.com/crm-tool/crm/crm/workbook/internal/xlsx"
)

// table is a one-sheet workbook a reviewer filters: a frozen, filtered
// header and one row per item, each filled with its own colour.
type table struct {
	title   string // the document title
	sheet   string
	headers []string
	widths  []float64
	rows    [][]string
	fills   []string // per row, an RGB fill ("" for none)
}

func (t *table) write(w io.Writer) error {
	layout := templates.AppendixJ()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", t.sheet); err != nil {
		return err
	}
	last := 1 + len(t.rows)
	if err := f.AutoFilter(t.sheet, "A1:"+cellName(len(t.headers), last), nil); err != nil {
		return err
	}
	// Printed as the workbook's sheets are: landscape, one page wide, the
	// header on every page, the CUI footer and page numbers.
	b := &builder{f: f, layout: layout}
	if err := b.printWide(t.sheet); err != nil {
		return err
	}
	if err := b.printTitles(t.sheet, 1, 1); err != nil {
		return err
	}
	if err := b.footers(); err != nil {
		return err
	}
	if err := f.SetSheetDimension(t.sheet, "A1:"+cellName(len(t.headers), last)); err != nil {
		return err
	}
	if err := columnWidths(f, t.sheet, t.widths); err != nil {
		return err
	}
	if err := f.SetPanes(t.sheet, freezeBelow(1)); err != nil {
		return err
	}
	header, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "Arial", Size: 11, Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"CCECFC"}}})
	if err != nil {
		return err
	}
	styles := map[string]int{}
	for _, fill := range t.fills {
		if _, ok := styles[fill]; ok {
			continue
		}
		st := &excelize.Style{Font: &excelize.Font{Family: "Arial", Size: 11}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}
		if fill != "" {
			st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fill}}
		}
		if styles[fill], err = f.NewStyle(st); err != nil {
			return err
		}
	}
	if err := f.SetSheetRow(t.sheet, "A1", &t.headers); err != nil {
		return err
	}
	if err := f.SetCellStyle(t.sheet, "A1", cellName(len(t.headers), 1), header); err != nil {
		return err
	}
	var rw xlsx.RowWriter
	for i, row := range t.rows {
		st := styles[t.fills[i]]
		rw.Start(i+2, 0)
		for j, v := range row {
			rw.Cell(j+1, st, v)
		}
		rw.End()
	}
	stamp := docTime.Format("2006-01-02T15:04:05Z")
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "crm", Title: t.title, Created: stamp, Modified: stamp}); err != nil {
		return err
	}
	return save(f, w, map[string][]*xlsx.Piece{t.sheet: rw.Done()}, docTime)
}
