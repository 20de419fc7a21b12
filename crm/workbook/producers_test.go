package workbook_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// trickyTexts are responsibilities a person types: escapes that must stay
// escapes, markup that is text, edge spaces, line breaks and tabs.
var trickyTexts = []string{
	"&lt; stays &amp; <b>bold</b> & \"quoted\"",
	"  leading and trailing  \nsecond line\ttab",
	"Ünïcödé — “curly” and a non\u00a0breaking space",
}

// rewriteWithOpenpyxl loads a workbook with openpyxl, types trickyTexts into
// responsibilities cells of hand-typed.xlsx's AC-1(a), AC-1(b) and AC-2(b)
// rows and saves it: openpyxl writes inline strings and names its parts its
// own way.
const rewriteWithOpenpyxl = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Moderate CRM Worksheet"]
for row, text in zip((6, 7, 11), json.loads(sys.argv[3])):
    ws.cell(row=row, column=4, value=text)
wb.save(sys.argv[2])
`

// TestOtherProducersReadAlike reads workbooks that openpyxl and LibreOffice
// wrote. Each must read as excelize reads it, and keep exactly the text the
// producer was given.
func TestOtherProducersReadAlike(t *testing.T) {
	py := python(t)
	soffice := sofficeOrSkip(t)
	dir := t.TempDir()
	hand := filepath.Join(dir, "hand.xlsx")
	if err := os.WriteFile(hand, handTypedFile(t), 0o644); err != nil {
		t.Fatal(err)
	}
	texts, err := json.Marshal(trickyTexts)
	if err != nil {
		t.Fatal(err)
	}
	byOpenpyxl := filepath.Join(dir, "openpyxl.xlsx")
	if out, err := exec.Command(py, "-c", rewriteWithOpenpyxl, hand, byOpenpyxl, string(texts)).CombinedOutput(); err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
	converted := filepath.Join(dir, "lo")
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", converted, byOpenpyxl)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	byLibreOffice := filepath.Join(converted, "openpyxl.xlsx")

	var first [][]string
	for _, copy := range []struct {
		path, storesStrings string
	}{{byOpenpyxl, `t="inlineStr"`}, {byLibreOffice, `t="s"`}} {
		path := copy.path
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		// The two copies are worth having only while they store strings
		// in the two ways a worksheet can.
		if sheet := zipPart(t, data, "xl/worksheets/sheet1.xml"); !bytes.Contains(sheet, []byte(copy.storesStrings)) {
			t.Fatalf("%s: its first sheet has no %s cells", filepath.Base(path), copy.storesStrings)
		}
		got := crmTexts(t, data)
		if d := cmp.Diff(excelizeTexts(t, data), got); d != "" {
			t.Errorf("%s: crm and excelize read different text (-excelize +crm):\n%s", filepath.Base(path), d)
		}
		for _, typed := range trickyTexts {
			if !contains(got, typed) {
				t.Errorf("%s: typed text %q is not read back; read %q", filepath.Base(path), typed, got)
			}
		}
		// Both producers were given the same cells, so they read the same.
		all := cells(t, data)
		if first == nil {
			first = all
		} else if d := cmp.Diff(first, all); d != "" {
			t.Errorf("LibreOffice's copy reads other cells than openpyxl's (-openpyxl +LibreOffice):\n%s", d)
		}
	}
}

// sofficeOrSkip finds LibreOffice; CI installs it, so there its absence fails.
func sofficeOrSkip(t *testing.T) string {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("LibreOffice is missing: .ci/run must install libreoffice-calc-nogui")
		}
		t.Skip("LibreOffice (soffice) is not installed")
	}
	return soffice
}
