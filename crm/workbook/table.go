package workbook

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
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
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", t.sheet); err != nil {
		return err
	}
	last := 1 + len(t.rows)
	if err := f.AutoFilter(t.sheet, "A1:"+cellName(len(t.headers), last), nil); err != nil {
		return err
	}
	if err := f.SetSheetDimension(t.sheet, "A1:"+cellName(len(t.headers), last)); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(t.sheet)
	if err != nil {
		return err
	}
	for i, wd := range t.widths {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(freezeBelow(1)); err != nil {
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
	cells := make([]any, len(t.headers))
	for i, h := range t.headers {
		cells[i] = excelize.Cell{StyleID: header, Value: h}
	}
	if err := sw.SetRow("A1", cells); err != nil {
		return err
	}
	for i, row := range t.rows {
		st := styles[t.fills[i]]
		for j, v := range row {
			cells[j] = excelize.Cell{StyleID: st, Value: nilIfEmpty(v)}
		}
		if err := sw.SetRow(fmt.Sprintf("A%d", i+2), cells); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	stamp := docTime.Format("2006-01-02T15:04:05Z")
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "crm", Title: t.title, Created: stamp, Modified: stamp}); err != nil {
		return err
	}
	usePacker(f)
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("write workbook: %w", err)
	}
	return nil
}
