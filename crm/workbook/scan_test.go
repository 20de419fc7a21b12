package workbook

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/xuri/excelize/v2"

	"github.com/crm-tool/crm/crm/workbook/internal/xlsx"
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
		p, err := xlsx.Open(data, 1<<30)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, sheet := range f.GetSheetList() {
			want, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			got, _, err := p.Rows(sheet)
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
