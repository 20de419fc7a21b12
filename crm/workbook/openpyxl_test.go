package workbook_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/crm-tool/crm/crm"
	"github.com/google/go-cmp/cmp"
)

// readWithOpenpyxl is a second, independent reader: Python's openpyxl.
const readWithOpenpyxl = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames, "cis": [], "crm": [], "validations": []}
cis = wb[sys.argv[2]]
for row in cis.iter_rows(min_row=1, values_only=True):
    out["cis"].append(["" if v is None else str(v) for v in row])
crm = wb[sys.argv[3]]
for row in crm.iter_rows(min_row=1, values_only=True):
    out["crm"].append(["" if v is None else str(v) for v in row])
for dv in crm.data_validations.dataValidation:
    out["validations"].append([dv.type, dv.formula1, str(dv.sqref)])
ro = openpyxl.load_workbook(sys.argv[1], read_only=True)
out["read_only_rows"] = {ws.title: sum(1 for _ in ws.iter_rows(values_only=True)) for ws in ro.worksheets}
json.dump(out, sys.stdout)
`

// python finds an interpreter that has openpyxl: Debian's python3-openpyxl
// serves /usr/bin/python3, which may not be the first python3 on PATH.
func python(t *testing.T) string {
	for _, p := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(p, "-c", "import openpyxl").Run() == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("openpyxl is missing: .ci/run must install python3-openpyxl")
	}
	t.Skip("no python3 with openpyxl; install python3-openpyxl")
	return ""
}

func TestOpenpyxlReadsWorkbook(t *testing.T) {
	py := python(t)
	s := load(t, "saas-moderate.yaml")
	path := filepath.Join(t.TempDir(), "crm.xlsx")
	if err := os.WriteFile(path, write(t, s), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, "-c", readWithOpenpyxl, path, "Moderate CIS Worksheet", "Moderate CRM Worksheet")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	raw, err := cmd.Output()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, stderr.String())
	}
	var got struct {
		Sheets      []string       `json:"sheets"`
		CIS         [][]string     `json:"cis"`
		CRM         [][]string     `json:"crm"`
		Validations [][]string     `json:"validations"`
		ReadOnly    map[string]int `json:"read_only_rows"`
	}
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]string{"Instructions", "Example CRM Worksheet Responses", "Moderate CIS Worksheet", "Moderate CRM Worksheet", "Summary", "Provenance", "Record of Change"}, got.Sheets); d != "" {
		t.Errorf("sheets:\n%s", d)
	}
	if got.CRM[3][0] != "Control ID" || got.CRM[3][1] != "Can Be Inherited from CSP" || got.CIS[2][12] != "Inherited from Pre-Existing  Authorization (AWS GovCloud (US), FedRAMP F1603047866)" {
		t.Errorf("headers: CRM %q, CIS M3 %q", got.CRM[3], got.CIS[2][12])
	}
	if len(got.CRM) != 4+len(s.Rows) {
		t.Fatalf("CRM has %d rows, want %d", len(got.CRM), 4+len(s.Rows))
	}
	for i := range s.Rows {
		r := &s.Rows[i]
		want := []string{r.ID.String(), r.Answer.Label(), crm.Responsibility(r, s.Doc, "")}
		if d := cmp.Diff(want, got.CRM[4+i][:3]); d != "" {
			t.Errorf("CRM row %d (-want +got):\n%s", 5+i, d)
		}
		if got.CIS[3+i][0] != r.ID.String() {
			t.Errorf("CIS row %d: %q", 4+i, got.CIS[3+i][0])
		}
	}
	// Streaming readers trust each sheet's recorded dimension.
	if got.ReadOnly["Moderate CRM Worksheet"] != len(got.CRM) || got.ReadOnly["Moderate CIS Worksheet"] != len(got.CIS) || got.ReadOnly["Instructions"] < 20 || got.ReadOnly["Summary"] < 20 {
		t.Errorf("openpyxl read-only rows %v", got.ReadOnly)
	}
	if d := cmp.Diff([][]string{{"list", `"No,Partial,Yes"`, "B5:B692"}}, got.Validations); d != "" {
		t.Errorf("validations (-want +got):\n%s", d)
	}
}
