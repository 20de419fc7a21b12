package xlsx

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/xuri/excelize/v2"
)

// packed saves f through a Packer that splices rows, keyed by sheet part.
func packed(t *testing.T, f *excelize.File, rows map[string][]*Piece) []byte {
	t.Helper()
	var buf bytes.Buffer
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return NewPacker(&buf, rows, time.Unix(0, 0)) })
	if _, err := f.WriteToBuffer(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestColumnOf(t *testing.T) {
	for ref, want := range map[string]int{"A1": 1, "Z9": 26, "AA10": 27, "AZ3": 52, "XFD1": 16384} {
		if got, ok := columnOf(ref); !ok || got != want {
			t.Errorf("columnOf(%q) = %d, %v", ref, got, ok)
		}
	}
	for _, bad := range []string{"", "1", "A", "A1B"} {
		if _, ok := columnOf(bad); ok && bad != "A1B" {
			t.Errorf("columnOf(%q) accepted", bad)
		}
	}
}

// FuzzScannerReadsWhatWasWritten writes text through both of the ways crm
// writes cells (excelize's shared strings, the row writer's inline strings)
// and wants the scanner to read back what excelize's GetRows reads.
func FuzzScannerReadsWhatWasWritten(f *testing.F) {
	for _, s := range []string{"AC-1", " lead", "a&b<c>", "_x000D_", "_x005F_x0041_", "line\r\nnext", "é\u00a0—", "\x01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		x := excelize.NewFile()
		defer x.Close()
		if err := x.SetCellValue("Sheet1", "B1", text); err != nil {
			t.Skip() // excelize refuses it
		}
		var w RowWriter
		w.Start(2, 0)
		w.Cell(3, 1, text)
		w.End()
		data := packed(t, x, map[string][]*Piece{"xl/worksheets/sheet1.xml": w.Done()})
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		want, err := f.GetRows("Sheet1", excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		p, err := Open(data, 1<<20)
		if err != nil {
			t.Fatal(err)
		}
		got, _, err := p.Rows("Sheet1")
		if err != nil {
			t.Fatal(err)
		}
		// GetRows keeps a trailing row whose cells are all empty.
		if d := cmp.Diff(trimRows(want), got, cmpopts.EquateEmpty()); d != "" {
			t.Errorf("%q: scanner and excelize differ (-excelize +scanner):\n%s", text, d)
		}
	})
}

// FuzzSheetRows feeds arbitrary sheet XML to the scanner: errors are fine;
// panics, hangs and rows past Excel's limits are not.
func FuzzSheetRows(f *testing.F) {
	f.Add([]byte(`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>x&amp;y</t></is></c></row></sheetData></worksheet>`))
	f.Add([]byte(`<row r="3"><c r="B3"><f>1+1</f><v>2</v></c><c><v>7</v></c></row><!-- c --><![CDATA[<row>]]>`))
	f.Add([]byte(`<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`))
	f.Add([]byte(`<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:r><x:t>a</x:t></x:r><x:rPh><x:t>b</x:t></x:rPh></x:is></x:c></x:row>`))
	p := &Package{shared: []string{"zero", "one"}}
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := p.sheetRows(string(data), nil)
		if err != nil {
			return
		}
		if len(rows) > maxRows {
			t.Fatalf("%d rows", len(rows))
		}
		for _, r := range rows {
			if len(r) > maxColumns {
				t.Fatalf("a row of %d cells", len(r))
			}
		}
	})
}

func TestSheetRowsRefusesCellsPastTheLimits(t *testing.T) {
	for _, sheet := range []string{
		`<row r="1048577"><c r="A1048577"><v>1</v></c></row>`,
		`<row r="9999999999"><c><v>1</v></c></row>`,
		`<row r="1"><c r="XFE1"><v>1</v></c></row>`,
		`<row r="1"><c r="AAAAAAAAAAAAAAAAAAAAAAAAAAA1"><v>1</v></c></row>`,
		strings.Repeat(`<row><c r="XFD1"><v>1</v></c></row>`, 300),
	} {
		if _, err := (&Package{}).sheetRows(sheet, nil); err == nil {
			t.Errorf("%.60s…: read without an error", sheet)
		}
	}
	rows, err := (&Package{}).sheetRows(`<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`, nil)
	if err != nil || len(rows) != maxRows || len(rows[maxRows-1]) != maxColumns {
		t.Errorf("the last cell Excel allows: %d rows, %v", len(rows), err)
	}
}

// TestCellShapes reads the cell shapes the plain path takes and those next
// to them that it must leave to the general one.
func TestCellShapes(t *testing.T) {
	p := &Package{shared: []string{"zero", "one"}}
	tests := []struct{ cell, want string }{
		{`<c r="A1"></c>`, ""},
		{`<c r="A1"><v>7</v></c>`, "7"},
		{`<c r="A1" t="s"><v> 1 </v></c>`, "one"},
		{`<c r="A1" t="inlineStr"><is><t>a &amp; b</t></is></c>`, "a & b"},
		{`<c r="A1" t="inlineStr"><is><t>_x0041_</t></is></c>`, "A"},
		{"<c r=\"A1\"><v>a\r\nb</v></c>", "a\nb"},
		{`<c r="A1" t="inlineStr"><is><t>a</t><r><t>b</t></r></is></c>`, "ab"},
		{`<c r="A1" t="inlineStr"><is><t xml:space="preserve"> a </t></is></c>`, " a "},
		{`<c r="A1"><v>1<!-- x -->2</v></c>`, "12"},
		{`<c r="A1" t="inlineStr"><is><t>a<?pi x>y?>b</t></is></c>`, "ab"},
		{`<c r="A1"><f>1+1</f><v>2</v></c>`, "2"},
		{`<c r="A1"><v>2</v><f>1+1</f></c>`, "2"},
		{`<x:c r="A1"><x:v>3</x:v></x:c>`, "3"},
	}
	for _, tc := range tests {
		rows, err := p.sheetRows(`<row r="1">`+tc.cell+`</row>`, nil)
		if err != nil {
			t.Fatalf("%s: %v", tc.cell, err)
		}
		got := ""
		if len(rows) == 1 && len(rows[0]) == 1 {
			got = rows[0][0]
		}
		if got != tc.want {
			t.Errorf("%s: %q, want %q", tc.cell, got, tc.want)
		}
	}
}
