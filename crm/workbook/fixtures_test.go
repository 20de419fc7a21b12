package workbook_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/internal/golden"
	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
)

// Review fixtures: Low CIS and CRM worksheets filled in as a person fills
// FedRAMP's template (X marks, typed answers, no Provenance sheet), written
// by other code than crm's writer. crm/validate's TestReviewFixtures checks
// their verdicts; go test ./crm/workbook -update rewrites them.

// handRow is one row as a person types it.
type handRow struct {
	id          string
	status      []int // 0-based status columns (0 Implemented … 4 N/A)
	origination []int // 0-based origination columns (0 SP Corporate … 6 Inherited)
	answer      string
	text        string
}

// cleanLow is every Low row filled in without a defect: the provider's own
// rows Yes, policy rows No with the agency's part, account management
// Shared, physical protection inherited, and a planned row that says so.
func cleanLow() []handRow {
	var out []handRow
	for _, r := range catalog.Default().Baseline(catalog.Low).Rows {
		id := r.ID.String()
		row := handRow{id: id, status: []int{0}, origination: []int{1}, answer: "Yes"}
		switch {
		case r.ID.Control == 1 && r.ID.Enhancement == 0:
			row.origination, row.answer, row.text = []int{0}, "No", "The agency keeps its own policy and procedures for this family."
		case r.ID.Family == "AC" && r.ID.Control == 2:
			row.origination, row.answer, row.text = []int{5}, "Partial", "Agencies manage the accounts of their own users."
		case r.ID.Family == "PE":
			row.origination = []int{6}
		case id == "AU-11":
			row.status, row.text = []int{2}, "Planned for 2027-03-31: the log archive is being built."
		}
		out = append(out, row)
	}
	return out
}

// plantedDefects are the defects planted in the clean rows, with the
// finding each must give (rule, cell, severity): crm/validate checks them.
var plantedDefects = []struct {
	row   string
	plant func(*handRow)
}{
	{"AC-2(b)", func(r *handRow) { r.answer = "Maybe" }},                                          // invalid-answer
	{"AU-2(a)", func(r *handRow) { r.origination = nil }},                                         // no-origination
	{"CM-2(a)", func(r *handRow) { r.status = []int{0, 4} }},                                      // status-combination
	{"IR-1(a)", func(r *handRow) { r.origination = []int{5}; r.answer = "Partial" }},              // policy-origination
	{"PL-2(a)", func(r *handRow) { r.origination = []int{3}; r.text = "Agencies write theirs." }}, // cis-crm-mismatch
	{"SC-7(a)", func(r *handRow) { r.status, r.origination, r.answer = nil, nil, "" }},            // blank-rows
	{"SI-4(a)", nil}, // missing-rows: the row is left out of both sheets
	{"RA-5(a)", func(r *handRow) { r.id = "RA-99(a)" }}, // unknown-id
}

func plantedLow() []handRow {
	rows := cleanLow()
	var out []handRow
	for _, r := range rows {
		skip := false
		for _, p := range plantedDefects {
			if p.row == r.id {
				if p.plant == nil {
					skip = true
				} else {
					p.plant(&r)
				}
			}
		}
		if !skip {
			out = append(out, r)
		}
	}
	return append(out, handRow{id: "AC-3", status: []int{0}, origination: []int{1}, answer: "Yes"}) // duplicate-row
}

// layoutVariant is how a provider lays its workbook out.
type layoutVariant struct {
	titles   bool   // the template's title rows
	party    string // appended to provider headers, as real CRMs do: " (Acme Corp)"
	notes    bool   // an extra Notes column between the answer and the text
	lowerIDs bool   // ids typed in lower case
}

// handFilled writes a Low workbook the way a person fills the template.
func handFilled(t testing.TB, rows []handRow, v layoutVariant) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	put := func(sheet string, col, row int, v string) {
		if v == "" {
			return
		}
		cell, err := excelize.CoordinatesToCellName(col, row)
		must(err)
		must(f.SetCellStr(sheet, cell, v))
	}
	must(f.SetSheetName("Sheet1", "Instructions"))
	for i, h := range []string{"CSP", "System Name", "", "System Identifier", "Impact Level"} {
		put("Instructions", 2+i, 4, h)
	}
	for i, h := range []string{"Acme Cloud", "Acme Forms", "", "FR2400000001", "Low"} {
		put("Instructions", 2+i, 5, h)
	}
	cis, crmSheet := "Low CIS Worksheet", "Low CRM Worksheet"
	_, err := f.NewSheet(cis)
	must(err)
	_, err = f.NewSheet(crmSheet)
	must(err)
	top := 1
	if v.titles {
		put(cis, 1, 1, "FedRAMP Low Control Implementation Summary (CIS) Worksheet")
		put(crmSheet, 1, 1, "FedRAMP Low Customer Responsibility Matrix (CRM) Worksheet")
		put(crmSheet, 1, 2, "GUIDANCE: see the Instructions.")
		top = 2
	}
	put(cis, 1, top, "Control ID")
	put(cis, 2, top, "Implementation Status")
	put(cis, 7, top, "Control Origination")
	statuses := []string{"Implemented", "Partially Implemented", "Planned", "Alternative Implementation", "N/A"}
	origins := []string{"Service Provider Corporate", "Service Provider System Specific", "Service Provider Hybrid (Corporate and System Specific)",
		"Configured by Customer (Customer System Specific)", "Provided by Customer (Customer System Specific)",
		"Shared (Service Provider and Customer Responsibility)", "Inherited from Pre-Existing  Authorization (Northwind Compute)"}
	for i, h := range statuses {
		put(cis, 2+i, top+1, h)
	}
	for i, h := range origins {
		if i < 3 {
			h += v.party
		}
		put(cis, 7+i, top+1, h)
	}
	crmHeader := top + 2
	headers := []string{"Control ID", "Can Be Inherited from CSP", "Specific Inheritance and Customer Agency/CSP Responsibilities"}
	if v.notes {
		headers = []string{"Control ID", "Can Be Inherited from CSP", "Notes", "Specific Inheritance and Customer Agency/CSP Responsibilities"}
	}
	for i, h := range headers {
		put(crmSheet, 1+i, crmHeader, h)
	}
	for i, r := range rows {
		id := r.id
		if v.lowerIDs {
			id = strings.ToLower(id)
		}
		put(cis, 1, top+2+i, id)
		for _, s := range r.status {
			put(cis, 2+s, top+2+i, "X")
		}
		for _, o := range r.origination {
			put(cis, 7+o, top+2+i, "X")
		}
		put(crmSheet, 1, crmHeader+1+i, id)
		put(crmSheet, 2, crmHeader+1+i, r.answer)
		put(crmSheet, len(headers), crmHeader+1+i, r.text)
	}
	var buf bytes.Buffer
	must(f.SetDocProps(&excelize.DocProperties{Creator: "a person", Created: "2026-01-01T00:00:00Z", Modified: "2026-01-01T00:00:00Z"}))
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// reviewFixtures are the review fixtures by file name.
func reviewFixtures(t testing.TB) map[string][]byte {
	return map[string][]byte{
		"template-low-clean.xlsx":      handFilled(t, cleanLow(), layoutVariant{titles: true}),
		"variant-low-clean.xlsx":       handFilled(t, cleanLow(), layoutVariant{party: " (Acme Corp)", notes: true, lowerIDs: true}),
		"template-low-planted.xlsx":    handFilled(t, plantedLow(), layoutVariant{titles: true}),
		"template-low-blank.xlsx":      handFilled(t, blankLow(), layoutVariant{titles: true}),
		"template-low-incomplete.xlsx": handFilled(t, cleanLow()[:200], layoutVariant{titles: true}),
	}
}

// blankLow lists every Low row and fills in none: an unfilled template.
func blankLow() []handRow {
	var out []handRow
	for _, r := range cleanLow() {
		out = append(out, handRow{id: r.id})
	}
	return out
}

// TestReviewFixtures keeps the committed review fixtures made by this code.
func TestReviewFixtures(t *testing.T) {
	for name, data := range reviewFixtures(t) {
		p := filepath.Join(repo, "testdata", "workbooks", "review", name)
		if golden.Update() {
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		committed, err := os.ReadFile(p)
		if err != nil {
			t.Fatalf("%s: %v (run go test ./crm/workbook -update)", name, err)
		}
		if !cmp.Equal(cells(t, committed), cells(t, data)) {
			t.Errorf("%s is stale: run go test ./crm/workbook -update", name)
		}
	}
}
