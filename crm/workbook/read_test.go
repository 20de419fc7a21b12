package workbook_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crm-tool/crm/crm/workbook"
	"github.com/crm-tool/crm/internal/golden"
	"github.com/xuri/excelize/v2"
)

// handTyped builds a workbook the way people fill one in: a moved header,
// odd case and spaces in headers and answers, an extra column, blank rows,
// rich text, a merged cell, line breaks, and a CIS marked with x and ✓.
func handTyped(t testing.TB) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", "Moderate CRM Worksheet"))
	crm := "Moderate CRM Worksheet"
	must(f.SetCellStr(crm, "B1", "FedRAMP Moderate Customer Responsibility Matrix (CRM) Worksheet"))
	for cell, v := range map[string]string{"A5": " control  ID ", "B5": "CAN BE INHERITED FROM CSP (Acme)", "C5": "Notes", "D5": "Customer\u00a0Responsibilities"} {
		must(f.SetCellStr(crm, cell, v))
	}
	rows := [][]string{
		{"AC-1(a)", " yes ", "n", "Nothing."},
		{"ac-1 (b)", "Partial\u00a0", "", "First line\r\nsecond line"},
		{},
		{"AC-02 (c)", "NO", "", "merged"},
		{"AC-2(a)", "", "", ""},
		{"AC-2(b)", "Maybe", "", "x"},
		{"Total", "3", "", ""},
	}
	for i, r := range rows {
		for j, v := range r {
			if v != "" {
				cell, _ := excelize.CoordinatesToCellName(j+1, 6+i)
				must(f.SetCellStr(crm, cell, v))
			}
		}
	}
	must(f.SetCellRichText(crm, "D6", []excelize.RichTextRun{{Text: "Rich "}, {Text: "text", Font: &excelize.Font{Bold: true}}}))
	must(f.MergeCell(crm, "D9", "D10"))
	_, err := f.NewSheet("Moderate CIS Worksheet")
	must(err)
	cis := "Moderate CIS Worksheet"
	must(f.SetSheetRow(cis, "A2", &[]any{"Control ID", "Implementation Status", "", "", "", "", "Control Origination"}))
	must(f.SetSheetRow(cis, "A3", &[]any{"", "Implemented", "Partially Implemented", "Planned", "Alternative Implementation", "N/A",
		"Service Provider Corporate (Acme Corp)", "Service Provider System Specific (Acme Cloud)", "Service Provider Hybrid (both)",
		"Configured by Customer (Customer System Specific)", "Provided by Customer (Customer System Specific)",
		"Shared (Service Provider and Customer Responsibility)", "Inherited from Pre-Existing Authorization (Azure Government)"}))
	must(f.SetSheetRow(cis, "A4", &[]any{"AC-1(a)", "x", "", "", "", "", "X"}))
	must(f.SetSheetRow(cis, "A5", &[]any{"AC-1(b)", "✓", "", "", "", "", "", "", "", "", "", "x", "x"}))
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadHandTyped(t *testing.T) {
	b, err := workbook.Read(bytes.NewReader(handTyped(t)), workbook.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if b.Baseline != "moderate" || b.Revision != 5 || b.CRM == nil || b.CIS == nil {
		t.Fatalf("baseline %q, revision %d, sheets %v %v", b.Baseline, b.Revision, b.CRM, b.CIS)
	}
	if b.CRM.HeaderRow != 5 || b.CRM.Columns[workbook.RoleAnswer] != 1 || b.CRM.Columns[workbook.RoleText] != 3 {
		t.Errorf("CRM header row %d, columns %v", b.CRM.HeaderRow, b.CRM.Columns)
	}
	if len(b.CRM.Ignored) != 1 || !strings.Contains(b.CRM.Ignored[0], `C5 "Notes"`) {
		t.Errorf("ignored %q", b.CRM.Ignored)
	}
	var ids, answers, texts []string
	for _, r := range b.CRM.Rows {
		ids = append(ids, b.CRM.Value(r, workbook.RoleID))
		answers = append(answers, b.CRM.Value(r, workbook.RoleAnswer))
		texts = append(texts, b.CRM.Value(r, workbook.RoleText))
	}
	if got := strings.Join(ids, "|"); got != "AC-1(a)|ac-1 (b)|AC-02 (c)|AC-2(a)|AC-2(b)|Total" {
		t.Errorf("ids %q (blank rows skipped)", got)
	}
	if texts[0] != "Rich text" || !strings.Contains(texts[1], "second line") {
		t.Errorf("texts %q", texts)
	}
	if b.CIS.Headers["origination:inherited"] != "Inherited from Pre-Existing Authorization (Azure Government)" {
		t.Errorf("CIS headers %v", b.CIS.Headers)
	}
}

func TestReadRefusesBadFiles(t *testing.T) {
	good := handTyped(t)
	tests := []struct {
		name, want string
		data       []byte
		notXLSX    bool
	}{
		{name: "text", data: []byte("Control ID,Answer\nAC-1,Yes\n"), want: "not a zip package", notXLSX: true},
		{name: "empty", data: nil, want: "the file is empty", notXLSX: true},
		{name: "encrypted or xls", data: append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 512)...), want: "encrypted workbook or an old .xls", notXLSX: true},
		{name: "truncated", data: good[:len(good)/2], want: "", notXLSX: true},
		{name: "zip bomb", data: bomb(t, good), want: "unzips to more than 4 MiB", notXLSX: true},
		{name: "no CRM sheets", data: noSheets(t), want: "no CIS or CRM worksheet"},
		{name: "row past the last", want: "past Excel's last row",
			data: withPart(t, good, "xl/worksheets/sheet1.xml", []byte(`<worksheet><sheetData><row r="4000000000"><c r="A4000000000"><v>1</v></c></row></sheetData></worksheet>`))},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			_, err := workbook.Read(bytes.NewReader(tc.data), workbook.ReadOptions{MaxBytes: 4 << 20})
			if err == nil {
				t.Fatal("no error")
			}
			if tc.notXLSX != errors.Is(err, workbook.ErrNotWorkbook) {
				t.Errorf("errors.Is(ErrNotWorkbook) = %v for %v", !tc.notXLSX, err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q lacks %q", err, tc.want)
			}
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("took %v", d) // a refusal must not read the whole bomb
			}
		})
	}
}

// bomb is a real workbook whose first sheet unzips to 16 MiB of zeros.
func bomb(t testing.TB, good []byte) []byte {
	return withPart(t, good, "xl/worksheets/sheet1.xml", make([]byte, 16<<20))
}

// withPart is a real workbook with one part replaced.
func withPart(t testing.TB, good []byte, name string, data []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(good), int64(len(good)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == name {
			w.Write(data)
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(w, rc)
		rc.Close()
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestHandTypedFixture keeps testdata/workbooks/hand-typed.xlsx, which the
// importer's tests read, made by handTyped (go test -update rewrites it).
func TestHandTypedFixture(t *testing.T) {
	p := filepath.Join(repo, "testdata", "workbooks", "hand-typed.xlsx")
	if golden.Update() {
		if err := os.WriteFile(p, handTyped(t), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	b, err := workbook.Read(bytes.NewReader(data), workbook.ReadOptions{})
	if err != nil || len(b.CRM.Rows) != 6 {
		t.Fatalf("fixture: %v", err)
	}
}

func noSheets(t testing.TB) []byte {
	f := excelize.NewFile()
	defer f.Close()
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// FuzzRead feeds arbitrary bytes to the reader with small unzip limits:
// errors are fine, panics and hangs are not.
func FuzzRead(f *testing.F) {
	good := handTyped(f)
	f.Add(good)
	f.Add(good[:len(good)/3])
	f.Add(noSheets(f))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := workbook.Read(bytes.NewReader(data), workbook.ReadOptions{MaxBytes: 1 << 20})
		if err == nil && b.CRM == nil && b.CIS == nil {
			t.Fatal("a workbook read without CIS or CRM sheets")
		}
	})
}

// BenchmarkReadLargestReal reads the largest published workbook.
func BenchmarkReadLargestReal(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(repo, "..", "shared", "data", "real-crms", "cloud.gov-Pages-CIS-Worksheet.xlsx"))
	if err != nil {
		b.Skip("../shared/data is not present")
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := workbook.Read(bytes.NewReader(data), workbook.ReadOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadHigh reads a workbook crm wrote for the High example.
func BenchmarkReadHigh(b *testing.B) {
	s := load(b, "iaas-high.yaml")
	s.Provenance = &workbook.Provenance{Tool: "bench", Line: func(string) int { return 1 }}
	data := write(b, s)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := workbook.Read(bytes.NewReader(data), workbook.ReadOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
