package workbook

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/xuri/excelize/v2"
)

// written is a High workbook of this package's own, with every kind of cell
// it writes and text that needs escaping.
func written(t *testing.T) []byte {
	t.Helper()
	set := catalog.Default().Baseline(catalog.High)
	rows := make([]crm.Row, len(set.Rows))
	for i, br := range set.Rows {
		rows[i] = crm.Row{ID: br.ID, Member: br.Member, Answer: crm.AnswerPartial,
			Fields: crm.Fields{Origination: []crm.Origination{crm.Shared}, Status: []crm.Status{crm.Implemented},
				Customer: "Agencies <do> \"this\" & that\u00a0— line one\nline two\ttab _x000D_ done"}}
	}
	doc := &crm.Document{System: crm.System{CSP: "A&B", Name: "Sys <1>", Baseline: "high"}}
	var buf bytes.Buffer
	if err := Write(&buf, &Spec{Doc: doc, Baseline: catalog.High, Rows: rows, Provenance: &Provenance{Tool: "t", Line: func(string) int { return 1 }}}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestScannerMatchesExcelize reads every sheet of every workbook at hand
// with the scanner and with excelize's GetRows, and wants the same cells.
func TestScannerMatchesExcelize(t *testing.T) {
	books := map[string][]byte{"written": written(t)}
	shared := filepath.Join("..", "..", "..", "shared", "data")
	for _, p := range []string{
		filepath.Join("..", "..", "testdata", "workbooks", "hand-typed.xlsx"),
		filepath.Join(shared, "SSP-Appendix-J-CSO-CIS-and-CRM-Workbook.xlsx"),
		filepath.Join(shared, "REV_4_SSP-A09-FedRAMP-Low-or-Moderate-CIS-Workbook-Template.xlsx"),
		filepath.Join(shared, "FedRAMP_Security_Controls_Baseline.xlsx"),
		filepath.Join(shared, "real-crms", "cloud.gov-CIS-Worksheet.xlsx"),
		filepath.Join(shared, "real-crms", "cloud.gov-Pages-CIS-Worksheet.xlsx"),
		filepath.Join(shared, "real-crms", "cloud.gov-Pages-CIS-and-CRM-Workbook.xlsx"),
	} {
		if data, err := os.ReadFile(p); err == nil {
			books[filepath.Base(p)] = data
		}
	}
	for name, data := range books {
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		p, err := openPkg(data, 1<<30)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, sheet := range f.GetSheetList() {
			want, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			got, _, err := p.rows(sheet)
			if err != nil {
				t.Fatalf("%s %q: %v", name, sheet, err)
			}
			if d := cmp.Diff(want, got, cmpopts.EquateEmpty()); d != "" {
				t.Errorf("%s %q: scanner and excelize differ (-excelize +scanner):\n%s", name, sheet, d)
			}
		}
		f.Close()
	}
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
		var w rowWriter
		w.start(2, 0)
		w.cell(3, 1, text)
		w.end()
		var buf bytes.Buffer
		if err := save(x, &buf, map[string][]*piece{"Sheet1": w.done()}, docTime); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		want, err := f.GetRows("Sheet1", excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		p, err := openPkg(buf.Bytes(), 1<<20)
		if err != nil {
			t.Fatal(err)
		}
		got, _, err := p.rows("Sheet1")
		if err != nil {
			t.Fatal(err)
		}
		// GetRows keeps a trailing row whose cells are all empty.
		if d := cmp.Diff(trimRows(want), got, cmpopts.EquateEmpty()); d != "" {
			t.Errorf("%q: scanner and excelize differ (-excelize +scanner):\n%s", text, d)
		}
	})
}

func TestRev4Style(t *testing.T) {
	// The rule as a regular expression, to hold the hand-written one to.
	rule := regexp.MustCompile(`^[A-Za-z]{2}-0\d|\) \(|^[A-Za-z]{2}-\d{2} \(`)
	ids := []string{"AC-02", "AC-02 (07)", "ac-01 (a)", "AC-2", "AC-2(7)", "AC-2(7) (a)", "AC-12 (1)", "AC-12(1)",
		"AC-1", "SI-4 (4)", "SI-04(4)", "XX-0", "AC-0x", "A1-02", "AC-1a (", "AC-12 x", "AC-99 (", "", "AC", "@[-02", "[{-01", "AC-12(", "ACX02"}
	for _, br := range catalog.Default().Baseline(catalog.High).Rows {
		ids = append(ids, br.ID.String())
	}
	for _, id := range ids {
		if got, want := rev4Style(id), rule.MatchString(id); got != want {
			t.Errorf("rev4Style(%q) = %v, want %v", id, got, want)
		}
	}
}

// FuzzSheetRows feeds arbitrary sheet XML to the scanner: errors are fine;
// panics, hangs and rows past Excel's limits are not.
func FuzzSheetRows(f *testing.F) {
	f.Add([]byte(`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>x&amp;y</t></is></c></row></sheetData></worksheet>`))
	f.Add([]byte(`<row r="3"><c r="B3"><f>1+1</f><v>2</v></c><c><v>7</v></c></row><!-- c --><![CDATA[<row>]]>`))
	f.Add([]byte(`<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`))
	f.Add([]byte(`<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:r><x:t>a</x:t></x:r><x:rPh><x:t>b</x:t></x:rPh></x:is></x:c></x:row>`))
	p := &pkg{shared: []string{"zero", "one"}}
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := p.sheetRows(data, nil)
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
		strings.Repeat(`<row><c r="XFD1"><v>1</v></c></row>`, 200),
	} {
		if _, err := (&pkg{}).sheetRows([]byte(sheet), nil); err == nil {
			t.Errorf("%.60s…: read without an error", sheet)
		}
	}
	rows, err := (&pkg{}).sheetRows([]byte(`<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`), nil)
	if err != nil || len(rows) != maxRows || len(rows[maxRows-1]) != maxColumns {
		t.Errorf("the last cell Excel allows: %d rows, %v", len(rows), err)
	}
}
