package workbook

import (
	"bytes"
	"fmt"
	"io"

	"github.com/crm-tool/crm/crm/diff"
	"github.com/xuri/excelize/v2"
)

// changeColors fills each kind's rows on the Changes sheet: reds for
// responsibility moving to the customer, greens for the reverse.
var changeColors = map[diff.Kind]string{
	diff.CustomerShift:      "FFC7CE",
	diff.ProviderShift:      "C6EFCE",
	diff.AnswerChanged:      "FFEB9C",
	diff.RowAdded:           "DDEBF7",
	diff.RowRemoved:         "F8CBAD",
	diff.RevisionRemap:      "E4DFEC",
	diff.OriginationChanged: "FCE4D6",
	diff.StatusChanged:      "FFF2CC",
	diff.TextChanged:        "EDEDED",
	diff.TextWhitespace:     "F7F7F7",
	diff.SystemChanged:      "D9E1F2",
}

var changeHeaders = []string{"Change", "Family", "Control ID", "Old", "New", "Details"}
var changeWidths = []float64{20, 9, 14, 40, 40, 70}

// WriteChanges writes a comparison as a workbook with one Changes sheet that
// a reviewer can filter by kind, family or row.
func WriteChanges(w io.Writer, r *diff.Result) error {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Changes"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	last := 1 + len(r.Changes)
	if err := f.AutoFilter(sheet, fmt.Sprintf("A1:F%d", last), nil); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	for i, wd := range changeWidths {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(freezeBelow(1)); err != nil {
		return err
	}
	header, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "Arial", Size: 11, Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"CCECFC"}}})
	if err != nil {
		return err
	}
	styles := map[diff.Kind]int{}
	for k, color := range changeColors {
		id, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "Arial", Size: 11}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}},
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
		if err != nil {
			return err
		}
		styles[k] = id
	}
	cells := make([]any, len(changeHeaders))
	for i, h := range changeHeaders {
		cells[i] = excelize.Cell{StyleID: header, Value: h}
	}
	if err := sw.SetRow("A1", cells); err != nil {
		return err
	}
	for i, ch := range r.Changes {
		details := ch.Reason
		if ch.Field != "" {
			details = ch.Field
		}
		if len(ch.Words) > 0 {
			details = diff.Inline(ch.Words, "[-", "-]", "{+", "+}")
		}
		st := styles[ch.Kind]
		values := []string{string(ch.Kind), ch.Family, ch.Row, ch.Old, ch.New, details}
		for j, v := range values {
			cells[j] = excelize.Cell{StyleID: st, Value: nilIfEmpty(v)}
		}
		if err := sw.SetRow(fmt.Sprintf("A%d", i+2), cells); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "crm", Title: "CRM changes: " + r.Old + " → " + r.New,
		Created: docTime.Format("2006-01-02T15:04:05Z"), Modified: docTime.Format("2006-01-02T15:04:05Z")}); err != nil {
		return err
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return fmt.Errorf("write workbook: %w", err)
	}
	return normalize(buf.Bytes(), w)
}
