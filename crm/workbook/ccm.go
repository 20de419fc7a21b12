package workbook

import "io"

// ccmFills shade the CCM mapping by owner.
var ccmFills = map[string]string{
	"CSP-owned": "C6EFCE", "CSC-owned": "FFC7CE", "Third-party outsourced": "DDEBF7",
	"Shared CSP and CSC": "FFEB9C", "Shared CSP and third party": "E4DFEC",
}

// WriteCCM writes the CCM v4 ownership mapping (rows as report.CCMRows
// gives them) as a filterable sheet.
func WriteCCM(w io.Writer, system string, headers []string, rows [][]string) error {
	t := &table{title: "CCM v4 ownership: " + system, sheet: "CCM Ownership", headers: headers,
		widths: []float64{14, 12, 12, 34, 26, 70}, rows: rows}
	for _, r := range rows {
		t.fills = append(t.fills, ccmFills[r[4]])
	}
	return t.write(w)
}
