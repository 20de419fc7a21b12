package validate

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/report"
	"github.com/google/go-cmp/cmp"
)

// TestReviewFixtures: workbooks filled in by hand in the template's layout
// (testdata/workbooks/review, made by crm/workbook's fixtures_test.go)
// give zero errors when clean, and every planted defect at its sheet and
// cell, at the severity README gives.
func TestReviewFixtures(t *testing.T) {
	dir := filepath.Join(repo, "testdata", "workbooks", "review")
	verdict := func(name string) []crm.Finding {
		t.Helper()
		res, err := File(filepath.Join(dir, name), "")
		if err != nil {
			t.Fatal(err)
		}
		return res.Findings
	}
	for _, clean := range []string{"template-low-clean.xlsx", "variant-low-clean.xlsx"} {
		for _, f := range verdict(clean) {
			if f.Severity == crm.Error {
				t.Errorf("%s: %s %s", clean, report.Location(f), f.Message)
			}
		}
	}
	wantAt := func(name string, want []string) {
		t.Helper()
		var got []string
		for _, f := range verdict(name) {
			if f.Severity != crm.Info && f.Rule != "repeated-text" && f.Rule != "provider-not-in-place" {
				got = append(got, string(f.Severity)+" "+f.Rule+" "+strings.TrimPrefix(report.Location(f), filepath.Join(dir, name)+": "))
			}
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%s (-want +got):\n%s", name, d)
		}
	}
	wantAt("template-low-planted.xlsx", []string{
		"error no-origination 'Low CIS Worksheet'!G55",
		"error status-combination 'Low CIS Worksheet'!B118",
		"error policy-origination 'Low CIS Worksheet'!L194",
		"error duplicate-row 'Low CIS Worksheet'!A427",
		"error missing-rows 'Low CRM Worksheet'",
		"error invalid-answer 'Low CRM Worksheet'!B9",
		"warning cis-crm-mismatch 'Low CRM Worksheet'!B268",
		"error unknown-id 'Low CRM Worksheet'!A327",
		"error blank-rows 'Low CRM Worksheet'!B371",
		"error duplicate-row 'Low CRM Worksheet'!A428",
	})
	wantAt("template-low-blank.xlsx", []string{"error blank-rows 'Low CRM Worksheet'!B5"})
	wantAt("template-low-incomplete.xlsx", []string{"error missing-rows 'Low CRM Worksheet'"})
	// The mismatch stands at the answer and at the marks.
	for _, f := range verdict("template-low-planted.xlsx") {
		if f.Rule == "cis-crm-mismatch" && (len(f.Related) != 1 || f.Related[0].Sheet != "Low CIS Worksheet" || f.Related[0].Cell != "J267") {
			t.Errorf("cis-crm-mismatch related %+v", f.Related)
		}
	}
}

// TestREADMERealWorkbookErrors keeps README's table of the error-level
// findings crm gives the three published cloud.gov workbooks.
func TestREADMERealWorkbookErrors(t *testing.T) {
	real := filepath.Join(repo, "..", "shared", "data", "real-crms")
	var lines []string
	for _, w := range []struct{ file, label string }{
		{"cloud.gov-Pages-CIS-and-CRM-Workbook.xlsx", "cloud.gov Pages (Rev 5, Moderate)"},
		{"cloud.gov-CIS-Worksheet.xlsx", "cloud.gov PaaS (Rev 4, Moderate)"},
		{"cloud.gov-Pages-CIS-Worksheet.xlsx", "cloud.gov Pages (Rev 4, Low)"},
	} {
		res, err := File(filepath.Join(real, w.file), "")
		if err != nil {
			t.Skip("../shared/data is not present")
		}
		byRule := map[string]int{}
		warnings := 0
		for _, f := range res.Findings {
			switch f.Severity {
			case crm.Error:
				byRule[f.Rule] += max(1, len(f.Rows))
			case crm.Warning:
				warnings++
			}
		}
		var parts []string
		for _, rule := range sortedMapKeys(byRule) {
			parts = append(parts, "`"+rule+"` "+strconv.Itoa(byRule[rule]))
		}
		lines = append(lines, "| "+w.label+" | "+strings.Join(parts, ", ")+" | "+strconv.Itoa(warnings)+" |")
	}
	readme, err := os.ReadFile(filepath.Join(repo, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if table := strings.Join(lines, "\n"); !strings.Contains(string(readme), table) {
		t.Errorf("README.md does not hold the real workbooks' errors:\n%s", table)
	}
}

// TestBlankTemplatesFail: FedRAMP's own templates, unfilled, are not a CRM
// (a blank Rev 4 template once passed).
func TestBlankTemplatesFail(t *testing.T) {
	for _, name := range []string{"REV_4_SSP-A09-FedRAMP-Low-or-Moderate-CIS-Workbook-Template.xlsx", "SSP-Appendix-J-CSO-CIS-and-CRM-Workbook.xlsx"} {
		data, err := os.ReadFile(filepath.Join(repo, "..", "shared", "data", name))
		if err != nil {
			t.Skip("../shared/data is not present")
		}
		res, err := Workbook(name, data, "moderate")
		if err != nil {
			t.Fatal(err)
		}
		blank := false
		for _, f := range res.Findings {
			blank = blank || f.Rule == "blank-rows" && f.Severity == crm.Error
		}
		if !blank {
			t.Errorf("%s: no blank-rows error: %+v", name, res.Findings)
		}
	}
}

// TestSARIFForWorkbooks: every result GitHub code scanning takes has a
// region, and a workbook's result names its 'Sheet'!Cell in the message and
// as a logical location.
func TestSARIFForWorkbooks(t *testing.T) {
	res, err := File(filepath.Join(repo, "testdata", "workbooks", "review", "template-low-planted.xlsx"), "")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := report.FindingsFormats.Write(&buf, "sarif", &report.Validation{Tool: "test", Files: 1, Findings: res.Findings}); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						Region *struct{ StartLine int }
					}
					LogicalLocations []struct{ FullyQualifiedName string }
				}
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	results := log.Runs[0].Results
	if len(results) != len(res.Findings) || len(results) == 0 {
		t.Fatalf("%d results for %d findings", len(results), len(res.Findings))
	}
	for i, r := range results {
		loc := r.Locations[0]
		if loc.PhysicalLocation.Region == nil || loc.PhysicalLocation.Region.StartLine < 1 {
			t.Errorf("result %d has no region GitHub accepts", i)
		}
		if len(loc.LogicalLocations) != 1 || !strings.HasPrefix(r.Message.Text, loc.LogicalLocations[0].FullyQualifiedName+": ") || !strings.HasPrefix(r.Message.Text, "'") {
			t.Errorf("result %d: message %q, logical %+v", i, r.Message.Text, loc.LogicalLocations)
		}
	}
}
