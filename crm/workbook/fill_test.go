package workbook_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/workbook"
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
			if err := workbook.Fill(&buf, bytes.NewReader(tpl), s, workbook.FillOptions{}); err != nil {
				t.Fatal(err)
			}
			f := open(t, buf.Bytes())
			title := s.Baseline.Title()
			// The other baselines' tabs are removed, as the template's
			// Instructions tell the CSP to.
			want := []string{"Instructions", "Example CRM Worksheet Responses", title + " CIS Worksheet", title + " CRM Worksheet"}
			if title == "LI-SaaS" {
				want = slices.Insert(want, 2, "Key to LI-SaaS Baseline")
			}
			want = append(want, "Record of Change")
			if d := cmp.Diff(want, f.GetSheetList()); d != "" {
				t.Errorf("sheets (-want +got):\n%s", d)
			}
			// The system block, in the template's own cells.
			sys := s.Doc.System
			id := sys.FedRAMPID
			if id == "" {
				id = "<System Identifier>" // left for validation to find
			}
			for ref, v := range map[string]string{"B5": sys.CSP, "C5": sys.Name, "E5": id, "F5": title} {
				if got, _ := f.GetCellValue("Instructions", ref); got != v {
					t.Errorf("Instructions %s = %q, want %q", ref, got, v)
				}
			}
			instructions, _ := f.GetRows("Instructions")
			text := fmt.Sprint(instructions)
			for _, ph := range []string{"<CSP Name>", "<System Name>", "<Impact Level>", "<CSO>"} {
				if strings.Contains(text, ph) {
					t.Errorf("Instructions still holds %s", ph)
				}
			}
			for i, r := range sys.Revisions {
				row := fmt.Sprint(9 + i)
				for col, v := range map[string]string{"B": r.Date, "C": r.Description, "D": r.Version, "F": r.Author} {
					if got, _ := f.GetCellValue("Instructions", col+row); got != v {
						t.Errorf("revision %d: %s%s = %q, want %q", i, col, row, got, v)
					}
				}
			}
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
			for _, other := range []string{"Example CRM Worksheet Responses", "Record of Change"} {
				a, _ := before.GetRows(other)
				b, _ := f.GetRows(other)
				if d := cmp.Diff(a, b); d != "" {
					t.Errorf("%s changed:\n%s", other, d)
				}
			}
		})
	}
}

func TestFillKeepsOtherBaselinesWhenAsked(t *testing.T) {
	tpl, err := os.ReadFile(officialTemplate)
	if err != nil {
		t.Skip("../shared/data has no official template")
	}
	var buf bytes.Buffer
	if err := workbook.Fill(&buf, bytes.NewReader(tpl), load(t, "saas-moderate.yaml"), workbook.FillOptions{KeepOtherBaselines: true}); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(open(t, tpl).GetSheetList(), open(t, buf.Bytes()).GetSheetList()); d != "" {
		t.Errorf("sheets changed:\n%s", d)
	}
}

func TestFillRefusesOtherWorkbooks(t *testing.T) {
	s := load(t, "paas-low.yaml")
	s.Provenance = nil
	var buf bytes.Buffer
	if err := workbook.Write(&buf, load(t, "saas-moderate.yaml")); err != nil {
		t.Fatal(err)
	}
	err := workbook.Fill(&bytes.Buffer{}, bytes.NewReader(buf.Bytes()), s, workbook.FillOptions{})
	if err == nil || !strings.Contains(err.Error(), `the template has no sheet "Low CIS Worksheet"`) {
		t.Errorf("error = %v", err)
	}
	err = workbook.Fill(&bytes.Buffer{}, strings.NewReader("not a zip"), s, workbook.FillOptions{})
	if err == nil || !strings.Contains(err.Error(), "open template") {
		t.Errorf("error = %v", err)
	}
}
