package report

import (
	"bytes"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crm-tool/crm/crm/obligations"
	"github.com/xuri/excelize/v2"
)

// risky are texts a spreadsheet would take for formulas.
var risky = []string{`=HYPERLINK("http://example.invalid","click")`, "+1+1", "-2+3", "@SUM(1,2)", "\tTab first", "\rCR first"}

func TestNeutralise(t *testing.T) {
	for _, s := range risky {
		if got := neutralise(s); got != "'"+s {
			t.Errorf("neutralise(%q) = %q", s, got)
		}
	}
	for _, s := range []string{"", "plain", "a=b", " =not first", "'already"} {
		if got := neutralise(s); got != s {
			t.Errorf("neutralise(%q) = %q, want it as it is", s, got)
		}
	}
}

// TestCSVOpensAsText writes an obligations CSV whose duties start like
// formulas, reads it back as CSV, and, when LibreOffice is installed, has
// LibreOffice import it: every cell is text, none a formula.
func TestCSVOpensAsText(t *testing.T) {
	var obls []obligations.Obligation
	for _, s := range risky {
		obls = append(obls, obligations.Obligation{Section: obligations.SectionDuties, Row: "AC-2(a)", Family: "AC", Title: "Account Management", Answer: "No",
			Duties: []obligations.Duty{{Text: s}}})
	}
	var buf bytes.Buffer
	if err := ObligationsFormats.Write(&buf, "csv", Checklist{Provider: "Acme", Obligations: obls}); err != nil {
		t.Fatal(err)
	}
	records, err := csv.NewReader(bytes.NewReader(buf.Bytes())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range risky {
		if got := records[1+i][6]; got != "'"+s {
			t.Errorf("duty %d reads %q", i, got)
		}
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "obligations.csv")
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--convert-to", "xlsx", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "obligations.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetList()[0]
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for r := range rows {
		for c := range rows[r] {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if formula, _ := f.GetCellFormula(sheet, cell); formula != "" {
				t.Errorf("LibreOffice made %s a formula: %s", cell, formula)
			}
		}
	}
	if got := rows[1][6]; !strings.HasPrefix(got, "'=HYPERLINK") {
		t.Errorf("LibreOffice shows %q", got)
	}
}
