package workbook_test

import (
	"bytes"
	"fmt"
	"github.com/crm-tool/crm/crm/workbook"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crm-tool/crm/crm"
	"github.com/google/go-cmp/cmp"
)

var officialTemplate = filepath.Join(repo, "..", "shared", "data", "SSP-Appendix-J-CSO-CIS-and-CRM-Workbook.xlsx")

// TestFillOfficialTemplate fills FedRAMP's own template for every example
// and checks the baseline's sheets row by row and that the others are kept.
func TestFillOfficialTemplate(t *testing.T) {
	tpl, err := os.ReadFile(officialTemplate)
	if err != nil {
		t.Skip("../shared/data has no official template")
	}
	before := open(t, tpl)
	for _, name := range examples {
		t.Run(name, func(t *testing.T) {
			s := load(t, name)
			var buf bytes.Buffer
			if err := workbook.Fill(&buf, bytes.NewReader(tpl), s); err != nil {
				t.Fatal(err)
			}
			f := open(t, buf.Bytes())
			if d := cmp.Diff(before.GetSheetList(), f.GetSheetList()); d != "" {
				t.Errorf("sheets changed:\n%s", d)
			}
			title := s.Baseline.Title()
			hr := 4
			if title == "High" {
				hr = 3
			}
			crmRows, _ := f.GetRows(title + " CRM Worksheet")
			cisRows, _ := f.GetRows(title + " CIS Worksheet")
			for i := range s.Rows {
				r := &s.Rows[i]
				want := []string{r.ID.String(), r.Answer.Label(), crm.Responsibility(r, s.Doc, "")}
				if d := cmp.Diff(want, []string{cell(crmRows[hr+i], 0), cell(crmRows[hr+i], 1), cell(crmRows[hr+i], 2)}); d != "" {
					t.Fatalf("CRM row %d (-want +got):\n%s", hr+1+i, d)
				}
				if got := strings.Count(strings.Join(cisRows[3+i][1:], ""), "X"); got != len(r.Status)+len(r.Origination) {
					t.Fatalf("CIS row %d: %d marks, want %d", 4+i, got, len(r.Status)+len(r.Origination))
				}
			}
			dvs, _ := f.GetDataValidations(title + " CRM Worksheet")
			if len(dvs) != 1 || dvs[0].Sqref != fmt.Sprintf("B%d:B%d", hr+1, hr+len(s.Rows)) {
				t.Errorf("validations: %+v", dvs)
			}
			for _, other := range []string{"Instructions", "Example CRM Worksheet Responses", "Record of Change"} {
				a, _ := before.GetRows(other)
				b, _ := f.GetRows(other)
				if d := cmp.Diff(a, b); d != "" {
					t.Errorf("%s changed:\n%s", other, d)
				}
			}
		})
	}
}

func TestFillRefusesOtherWorkbooks(t *testing.T) {
	s := load(t, "paas-low.yaml")
	s.Provenance = nil
	var buf bytes.Buffer
	if err := workbook.Write(&buf, load(t, "saas-moderate.yaml")); err != nil {
		t.Fatal(err)
	}
	err := workbook.Fill(&bytes.Buffer{}, bytes.NewReader(buf.Bytes()), s)
	if err == nil || !strings.Contains(err.Error(), `the template has no sheet "Low CIS Worksheet"`) {
		t.Errorf("error = %v", err)
	}
	err = workbook.Fill(&bytes.Buffer{}, strings.NewReader("not a zip"), s)
	if err == nil || !strings.Contains(err.Error(), "open template") {
		t.Errorf("error = %v", err)
	}
}
