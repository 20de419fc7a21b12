package workbook

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// The CIS and CRM worksheets hold one row per control part: up to 791 for a
// baseline, far more for a synthetic or multi-offering workbook. They are
// streamed; what the stream writer cannot do (validation, banding, the
// filter) is set on the sheet first and kept by the stream.

// cisHeaderRows is how many rows the CIS title and headers take.
const cisHeaderRows = 3

func (b *builder) cis() error {
	l := &b.layout.CIS
	name := b.name(l.Sheet)
	ncols := 1 + len(l.StatusColumns) + len(l.OriginationColumns)
	lastCol := colName(ncols)
	sw, err := b.streamSheet(name, cisHeaderRows, cisHeaderRows+len(b.spec.Rows), ncols, l.Widths[b.key], nil)
	if err != nil {
		return err
	}
	statusEnd := 1 + len(l.StatusColumns)
	for _, m := range [][2]string{
		{"A1", lastCol + "1"}, {"A2", "A3"},
		{"B2", colName(statusEnd) + "2"}, {colName(statusEnd+1) + "2", lastCol + "2"},
	} {
		if err := sw.MergeCell(m[0], m[1]); err != nil {
			return err
		}
	}
	title := []any{excelize.Cell{StyleID: b.st.title, Value: b.name(l.Title)}}
	if err := sw.SetRow("A1", title, excelize.RowOpts{Height: l.Heights.Title}); err != nil {
		return err
	}
	groups := make([]any, ncols)
	headers := make([]any, ncols)
	for i := range groups {
		groups[i] = excelize.Cell{StyleID: b.st.header}
		headers[i] = excelize.Cell{StyleID: b.st.header}
	}
	groups[0] = excelize.Cell{StyleID: b.st.header, Value: l.IDHeader}
	groups[1] = excelize.Cell{StyleID: b.st.header, Value: l.StatusGroup}
	groups[statusEnd] = excelize.Cell{StyleID: b.st.header, Value: l.OriginationGroup}
	for i, c := range l.StatusColumns {
		headers[1+i] = excelize.Cell{StyleID: b.st.header, Value: c.Header}
	}
	for i, c := range l.OriginationColumns {
		headers[statusEnd+i] = excelize.Cell{StyleID: b.st.header, Value: c.Header}
	}
	if err := sw.SetRow("A2", groups, excelize.RowOpts{Height: l.Heights.Group}); err != nil {
		return err
	}
	if err := sw.SetRow("A3", headers, excelize.RowOpts{Height: l.Heights.Header}); err != nil {
		return err
	}
	b.fill(sw, func() error {
		row := make([]any, ncols)
		for i := range b.spec.Rows {
			for j, v := range cisValues(&b.spec.Rows[i], l) {
				style := b.st.mark
				if j == 0 {
					style = b.st.id
				}
				row[j] = excelize.Cell{StyleID: style, Value: nilIfEmpty(v)}
			}
			if err := sw.SetRow(cellName(1, cisHeaderRows+1+i), row); err != nil {
				return err
			}
		}
		return nil
	})
	return nil
}

func (b *builder) crm() error {
	l := &b.layout.CRM
	name := b.name(l.Sheet)
	hr := l.HeaderRow[b.key]
	first, last := hr+1, hr+len(b.spec.Rows)
	widths := l.Widths[b.key]
	sw, err := b.streamSheet(name, hr, last, len(l.Headers), widths, answerList(l.Answers, "B"+itoa(first)+":B"+itoa(last)))
	if err != nil {
		return err
	}
	for _, m := range [][2]string{{"A1", "C1"}, {"A2", "C2"}} {
		if err := sw.MergeCell(m[0], m[1]); err != nil {
			return err
		}
	}
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: b.st.title, Value: b.name(l.Title)}}, excelize.RowOpts{Height: l.Heights.Title}); err != nil {
		return err
	}
	if err := sw.SetRow("A2", []any{excelize.Cell{StyleID: b.st.guidance, Value: l.Guidance}}, excelize.RowOpts{Height: l.Heights.Guidance[b.key]}); err != nil {
		return err
	}
	headers := make([]any, len(l.Headers))
	for i, h := range l.Headers {
		headers[i] = excelize.Cell{StyleID: b.st.header, Value: h}
	}
	if err := sw.SetRow("A"+itoa(hr), headers, excelize.RowOpts{Height: l.Heights.Header}); err != nil {
		return err
	}
	b.fill(sw, func() error {
		cells := make([]any, 3)
		for i := range b.spec.Rows {
			v := crmValues(&b.spec.Rows[i], b.spec)
			cells[0] = excelize.Cell{StyleID: b.st.id, Value: v[0]}
			cells[1] = excelize.Cell{StyleID: b.st.mark, Value: nilIfEmpty(v[1])}
			cells[2] = excelize.Cell{StyleID: b.st.text, Value: nilIfEmpty(v[2])}
			if err := sw.SetRow("A"+itoa(first+i), cells, excelize.RowOpts{Height: textHeight(v[2], widths[2])}); err != nil {
				return err
			}
		}
		return nil
	})
	return nil
}

// nilIfEmpty leaves an empty cell empty (styled) rather than writing "".
func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
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
