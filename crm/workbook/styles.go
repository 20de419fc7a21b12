package workbook

import "github.com/xuri/excelize/v2"

// styleSet holds the style ids of one workbook, created once.
type styleSet struct {
	title, header, headerLeft, id, mark, text, guidance, heading, band int
	plain                                                              int // no wrap: text runs on into the empty cells beside it
}

func (b *builder) styles() error {
	c := b.layout.Colors
	font := func(size float64, bold bool, color string) *excelize.Font {
		return &excelize.Font{Family: b.layout.Font, Size: size, Bold: bold, Color: color}
	}
	border := []excelize.Border{
		{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
		{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1},
	}
	fill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c.HeaderFill}}
	defs := []struct {
		id    *int
		style *excelize.Style
	}{
		{&b.st.title, &excelize.Style{Font: font(26, true, c.Title), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&b.st.header, &excelize.Style{Font: font(12, true, c.HeaderText), Fill: fill, Border: border,
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&b.st.headerLeft, &excelize.Style{Font: font(12, true, c.HeaderText), Fill: fill, Border: border,
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
		{&b.st.id, &excelize.Style{Font: font(12, true, c.IDText), Border: border, Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&b.st.mark, &excelize.Style{Font: font(12, false, c.Text), Border: border,
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}}},
		{&b.st.text, &excelize.Style{Font: font(12, false, c.Text), Border: border,
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&b.st.guidance, &excelize.Style{Font: font(12, false, c.Text), Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&b.st.heading, &excelize.Style{Font: font(14, true, c.Title), Alignment: &excelize.Alignment{Vertical: "bottom"}}},
		{&b.st.plain, &excelize.Style{Font: font(12, false, c.Text), Alignment: &excelize.Alignment{Vertical: "top"}}},
	}
	for _, d := range defs {
		id, err := b.f.NewStyle(d.style)
		if err != nil {
			return err
		}
		*d.id = id
	}
	band, err := b.f.NewConditionalStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c.Band}}})
	if err != nil {
		return err
	}
	b.st.band = band
	return nil
}

// zebra bands every other row of rangeRef, as the template does.
func (b *builder) zebra(sheet, rangeRef string) error {
	return b.f.SetConditionalFormat(sheet, rangeRef, []excelize.ConditionalFormatOptions{
		{Type: "formula", Criteria: "MOD(ROW(),2)=0", Format: &b.st.band},
	})
}
