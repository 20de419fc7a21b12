package importer_test

import (
	"bytes"
	"testing"

	"github.com/crm-tool/crm/crm/importer"
	"github.com/crm-tool/crm/crm/workbook"
)

// TestCellOfPointer: each pointer of an imported row names the cell its
// value came from: the CRM sheet for the row, its answer and its text, the
// CIS sheet's first mark for status and origination, the Provenance sheet
// for what only it keeps; other pointers have no cell of their own.
func TestCellOfPointer(t *testing.T) {
	spec := load(t, "iaas-high.yaml")
	spec.Provenance = &workbook.Provenance{Tool: "test", Line: func(string) int { return 0 }}
	var buf bytes.Buffer
	if err := workbook.Write(&buf, spec); err != nil {
		t.Fatal(err)
	}
	imp := convert(t, "high.xlsx", buf.Bytes(), "")
	crmSheet, cisSheet := "High CRM Worksheet", "High CIS Worksheet"
	tests := []struct {
		pointer string
		want    importer.Cell
		ok      bool
	}{
		{"/controls/IR-4(1)", importer.Cell{Sheet: crmSheet, Ref: "A388"}, true},
		{"/controls/IR-4(1)/answer", importer.Cell{Sheet: crmSheet, Ref: "B388"}, true},
		{"/controls/IR-4(1)/customer", importer.Cell{Sheet: crmSheet, Ref: "C388"}, true},
		// Partially implemented (C) is its first status mark, before
		// Planned (D); Shared (L) its origination.
		{"/controls/IR-4(1)/status", importer.Cell{Sheet: cisSheet, Ref: "C388"}, true},
		{"/controls/IR-4(1)/origination", importer.Cell{Sheet: cisSheet, Ref: "L388"}, true},
		{"/controls/IR-4(1)/planned_date", importer.Cell{Sheet: "Provenance", Ref: "I401"}, true},
		{"/controls/IR-4(1)/explanation", importer.Cell{Sheet: "Provenance", Ref: "J401"}, true},
		{"/controls/IR-4(1)/status/0", importer.Cell{}, false},
		{"/controls/IR-4(1)/unknown", importer.Cell{}, false},
		{"/controls/XX-1", importer.Cell{}, false},
		{"/system/name", importer.Cell{}, false},
	}
	for _, tc := range tests {
		got, ok := imp.Cell(tc.pointer)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Cell(%q) = %v, %v; want %v, %v", tc.pointer, got, ok, tc.want, tc.ok)
		}
	}
}
