package workbook

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/crm-tool/crm/crm/workbook/internal/xlsx"
)

// The CIS and CRM worksheets hold one row per control part: up to 791 for a
// baseline, far more for a synthetic or multi-offering workbook. Their
// title and headers are written with excelize; their data rows by fill.

// cisHeaderRows is how many rows the CIS title and headers take.
const cisHeaderRows = 3

func (b *builder) cis() error {
	l := &b.layout.CIS
	name := b.name(l.Sheet)
	ncols := 1 + len(l.StatusColumns) + len(l.OriginationColumns)
	lastCol := colName(ncols)
	if err := b.tableSheet(name, cisHeaderRows, cisHeaderRows+len(b.spec.Rows), ncols, l.Widths[b.key], nil); err != nil {
		return err
	}
	statusEnd := 1 + len(l.StatusColumns)
	for _, m := range [][2]string{
		{"A1", lastCol + "1"}, {"A2", "A3"},
		{"B2", colName(statusEnd) + "2"}, {colName(statusEnd+1) + "2", lastCol + "2"},
	} {
		if err := b.f.MergeCell(name, m[0], m[1]); err != nil {
			return err
		}
	}
	if err := b.titleRow(name, 1, b.name(l.Title), b.st.title, l.Heights.Title); err != nil {
		return err
	}
	if err := b.f.SetCellStyle(name, "A2", lastCol+"3", b.st.header); err != nil {
		return err
	}
	headers := make([]any, 0, ncols-1)
	for _, c := range l.StatusColumns {
		headers = append(headers, c.Header)
	}
	for _, c := range l.OriginationColumns {
		headers = append(headers, originationHeader(c, b.spec))
	}
	for _, c := range []struct {
		cell, text string
	}{{"A2", l.IDHeader}, {"B2", l.StatusGroup}, {colName(statusEnd+1) + "2", l.OriginationGroup}} {
		if err := b.f.SetCellValue(name, c.cell, c.text); err != nil {
			return err
		}
	}
	if err := b.setRow(name, 2, 3, 0, headers...); err != nil {
		return err
	}
	if err := b.f.SetRowHeight(name, 2, l.Heights.Group); err != nil {
		return err
	}
	if err := b.f.SetRowHeight(name, 3, l.Heights.Header); err != nil {
		return err
	}
	// Both header rows repeat on every printed page (the table sheet set
	// the last alone).
	if err := b.printTitles(name, 2, cisHeaderRows); err != nil {
		return err
	}
	b.fill(name, func(w *xlsx.RowWriter) {
		var values []string
		for i := range b.spec.Rows {
			w.Start(cisHeaderRows+1+i, 0)
			values = cisValues(values[:0], &b.spec.Rows[i], l)
			for j, v := range values {
				style := b.st.mark
				if j == 0 {
					style = b.st.id
				}
				w.Cell(j+1, style, v)
			}
			w.End()
		}
	})
	return nil
}

func (b *builder) crm() error {
	l := &b.layout.CRM
	name := b.name(l.Sheet)
	hr := l.HeaderRow[b.key]
	first, last := hr+1, hr+len(b.spec.Rows)
	widths := l.Widths[b.key]
	if err := b.tableSheet(name, hr, last, len(l.Headers), widths, answerList(l.Answers, "B"+itoa(first)+":B"+itoa(last))); err != nil {
		return err
	}
	for _, m := range [][2]string{{"A1", "C1"}, {"A2", "C2"}} {
		if err := b.f.MergeCell(name, m[0], m[1]); err != nil {
			return err
		}
	}
	if err := b.titleRow(name, 1, b.name(l.Title), b.st.title, l.Heights.Title); err != nil {
		return err
	}
	if err := b.titleRow(name, 2, l.Guidance, b.st.guidance, l.Heights.Guidance[b.key]); err != nil {
		return err
	}
	if err := b.setRow(name, 1, hr, b.st.header, toAny(l.Headers)...); err != nil {
		return err
	}
	if err := b.f.SetRowHeight(name, hr, l.Heights.Header); err != nil {
		return err
	}
	b.fill(name, func(w *xlsx.RowWriter) {
		for i := range b.spec.Rows {
			v := crmValues(&b.spec.Rows[i], b.spec)
			w.Start(first+i, textHeight(v[2], widths[2]))
			w.Cell(1, b.st.id, v[0])
			w.Cell(2, b.st.mark, v[1])
			w.Cell(3, b.st.text, v[2])
			w.End()
		}
	})
	return nil
}

// titleRow writes text in column A of a row of the given height.
func (b *builder) titleRow(sheet string, row int, text string, style int, height float64) error {
	if err := b.set(sheet, cellName(1, row), text, style); err != nil {
		return err
	}
	return b.f.SetRowHeight(sheet, row, height)
}

// answerList is the Yes/Partial/No drop-down: blank allowed, an error alert
// on anything else, no input prompt, as in the template.
func answerList(answers []string, sqref string) *excelize.DataValidation {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	dv.ShowErrorMessage = true
	_ = dv.SetDropList(answers) // three short words: within the 255-character limit
	return dv
}

func freezeBelow(row int) *excelize.Panes {
	return &excelize.Panes{Freeze: true, YSplit: row, TopLeftCell: "A" + itoa(row+1), ActivePane: "bottomLeft"}
}

// Row heights: Excel does not grow rows for wrapped text written by a
// library, so heights are estimated from the text.
const (
	lineHeight   = 15.75 // points per line of 12 pt Arial
	maxRowHeight = 409   // Excel's limit
	charsPerUnit = 1.05  // characters of 12 pt Arial per unit of column width
)

// textHeight estimates the height of wrapped text in a column of width
// units; 0 leaves the row at its default height.
func textHeight(text string, width float64) float64 {
	if text == "" {
		return 0
	}
	perLine := max(1, int(width*charsPerUnit))
	lines := 0
	for _, para := range strings.Split(text, "\n") {
		lines += max(1, int(math.Ceil(float64(utf8.RuneCountInString(para))/float64(perLine))))
	}
	if lines <= 1 {
		return 0
	}
	return min(maxRowHeight, float64(lines)*lineHeight+2)
}
