package catalog

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crm-tool/crm/crm/controlid"
	"github.com/google/go-cmp/cmp"
)

// sharedData is the reference data folder, present on developer machines and
// in CI but not needed by the product.
var sharedData = filepath.Join("..", "..", "..", "shared", "data")

func TestCatalogCounts(t *testing.T) {
	c := Default()
	var total, withdrawn, enhancements int
	for _, ctl := range c.Controls() {
		if ctl.ID.Family == "IA" && ctl.ID.Control == 13 {
			continue // added in release 5.1.1; the counts below are release 5.0.1's
		}
		total++
		if ctl.Withdrawn {
			withdrawn++
		}
		if ctl.ID.Enhancement > 0 {
			enhancements++
		}
	}
	if total != 1189 || withdrawn != 182 || enhancements != 867 {
		t.Errorf("catalog: %d controls+enhancements (%d enhancements), %d withdrawn; want 1189 (867), 182", total, enhancements, withdrawn)
	}
	if got := len(c.Families()); got != 20 {
		t.Errorf("families = %d, want 20", got)
	}
	if _, ok := c.Control(controlid.MustParse("IA-13(3)")); !ok {
		t.Error("IA-13(3) (release 5.1.1) is missing")
	}
}

func TestBaselineCounts(t *testing.T) {
	tests := []struct {
		baseline                         Baseline
		total, controls, core, rows, fam int
	}{
		{baseline: High, total: 410, controls: 191, core: 100, rows: 791, fam: 18},
		{baseline: Moderate, total: 323, controls: 181, core: 79, rows: 688, fam: 18},
		{baseline: Low, total: 156, controls: 135, core: 34, rows: 424, fam: 18},
		{baseline: LISaaS, total: 156, controls: 135, core: 0, rows: 424, fam: 18},
	}
	for _, tc := range tests {
		t.Run(string(tc.baseline), func(t *testing.T) {
			set := Default().Baseline(tc.baseline)
			var controls, core int
			families := map[string]bool{}
			for _, m := range set.Members {
				if m.ID.Enhancement == 0 {
					controls++
				}
				if m.Core {
					core++
				}
				families[m.ID.Family] = true
			}
			got := [5]int{len(set.Members), controls, core, len(set.Rows), len(families)}
			want := [5]int{tc.total, tc.controls, tc.core, tc.rows, tc.fam}
			if got != want {
				t.Errorf("total, controls, core, rows, families = %v, want %v", got, want)
			}
		})
	}
}

func TestLISaaSMethods(t *testing.T) {
	set := Default().Baseline(LISaaS)
	counts := map[string]int{}
	for _, m := range set.Members {
		counts[strings.Join(m.Methods, "+")]++
	}
	want := map[string]int{"ATTEST": 75, "ASSESS": 44, "ASSESS+CONDITIONAL": 21, "NSO": 11, "FED": 3, "NSO+ASSESS": 1, "NSO+ATTEST": 1}
	if d := cmp.Diff(want, counts); d != "" {
		t.Errorf("LI-SaaS methods per control (-want +got):\n%s", d)
	}
	for id, method := range map[string]string{"AC-1": "ATTEST", "AC-2": "ASSESS", "AC-7": "NSO", "AC-8": "FED"} {
		if m, ok := set.Member(controlid.MustParse(id)); !ok || !m.HasMethod(method) {
			t.Errorf("%s: want method %s", id, method)
		}
	}
}

// TestRowsMatchTemplate compares each baseline's row inventory, in order, with
// the Control ID columns of the official Rev 5 Appendix J template.
func TestRowsMatchTemplate(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(sharedData, "SSP-Appendix-J-CSO-CIS-and-CRM-Workbook.rows.json"))
	if errors.Is(err, os.ErrNotExist) {
		t.Skip("../shared/data is not present")
	}
	if err != nil {
		t.Fatal(err)
	}
	var sheets map[string][]string
	if err := json.Unmarshal(raw, &sheets); err != nil {
		t.Fatal(err)
	}
	for _, b := range Baselines() {
		var got []string
		for _, r := range Default().Baseline(b).Rows {
			got = append(got, r.ID.String())
		}
		for _, kind := range []string{"CIS", "CRM"} {
			sheet := b.Title() + " " + kind + " Worksheet"
			if d := cmp.Diff(sheets[sheet], got); d != "" {
				t.Errorf("%s rows differ from the template (-template +ours):\n%s", sheet, d)
			}
		}
	}
}

func TestRev4Rows(t *testing.T) {
	rows := Default().Rev4Rows()
	if len(rows) != 616 {
		t.Fatalf("Rev 4 rows = %d, want 616", len(rows))
	}
	seen := map[controlid.ID]bool{}
	for _, r := range rows {
		if seen[r] {
			t.Errorf("duplicate Rev 4 row %s", r)
		}
		seen[r] = true
	}
	if !seen[controlid.MustParse("IR-4(c)")] {
		t.Error("IR-04 (c) missing: the template's second IR-04 (a) should read as (c)")
	}
	if rows[0].String() != "AC-1(a)" {
		t.Errorf("first Rev 4 row = %s", rows[0])
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		in          string
		wantErr     string
		suggestions []string
	}{
		{in: "AC-2(3)(a)"},
		{in: "AC-2(10)"}, // withdrawn controls are known ids
		{in: "IA-13(1)"},
		{in: "AC-26", wantErr: "no such control", suggestions: []string{"AC-25", "AC-24", "AC-23"}},
		{in: "AC-2(14)", wantErr: "no such control", suggestions: []string{"AC-2(13)", "AC-2(12)", "AC-2(11)"}},
		{in: "AC-2(m)", wantErr: "AC-2 has parts (a) to (l)", suggestions: []string{"AC-2"}},
		{in: "AC-3(a)", wantErr: "AC-3 has no lettered parts", suggestions: []string{"AC-3"}},
		{in: "ZZ-1", wantErr: "there is no family ZZ"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			_, err := Default().Lookup(controlid.MustParse(tc.in))
			if tc.wantErr == "" {
				if err != nil {
					t.Fatalf("Lookup: %v", err)
				}
				return
			}
			var ue *UnknownIDError
			if !errors.As(err, &ue) {
				t.Fatalf("Lookup error = %v, want *UnknownIDError", err)
			}
			if !strings.Contains(ue.Error(), tc.wantErr) {
				t.Errorf("error %q lacks %q", ue, tc.wantErr)
			}
			if tc.suggestions != nil {
				var got []string
				for _, s := range ue.Suggestions {
					got = append(got, s.String())
				}
				if d := cmp.Diff(tc.suggestions, got); d != "" {
					t.Errorf("suggestions (-want +got):\n%s", d)
				}
			}
		})
	}
}

func TestWithdrawnNote(t *testing.T) {
	tests := map[string]string{
		"AC-2(10)": "incorporated into AC-2(k)",
		"AT-3(4)":  "moved to AT-2(4)",
		"AC-13":    "incorporated into AC-2 and AU-6",
		"SA-12":    "incorporated into the SR family",
	}
	for in, want := range tests {
		ctl, ok := Default().Control(controlid.MustParse(in))
		if !ok || !ctl.Withdrawn {
			t.Fatalf("%s: not a withdrawn control", in)
		}
		if got := ctl.WithdrawnNote(); got != want {
			t.Errorf("%s: WithdrawnNote() = %q, want %q", in, got, want)
		}
	}
}

func TestParseBaseline(t *testing.T) {
	for in, want := range map[string]Baseline{"High": High, " moderate": Moderate, "LOW": Low, "LI-SaaS": LISaaS, "lisaas": LISaaS} {
		if got, err := ParseBaseline(in); err != nil || got != want {
			t.Errorf("ParseBaseline(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseBaseline("medium"); err == nil || !strings.Contains(err.Error(), "high, moderate, low, li-saas") {
		t.Errorf("ParseBaseline(medium) error = %v", err)
	}
	if LISaaS.Title() != "LI-SaaS" || Moderate.Title() != "Moderate" {
		t.Error("Title spelling")
	}
}

// TestGeneratedFileIsFresh regenerates catalog_gen.go from ../shared/data
// and compares it with the committed copy.
func TestGeneratedFileIsFresh(t *testing.T) {
	if _, err := os.Stat(sharedData); err != nil {
		t.Skip("../shared/data is not present")
	}
	if testing.Short() {
		t.Skip("regeneration skipped in -short mode")
	}
	out := filepath.Join(t.TempDir(), "catalog_gen.go")
	if err := runGenerator(sharedData, out); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile("catalog_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(committed) {
		t.Error("catalog_gen.go is stale: run go generate ./crm/catalog")
	}
}

func runGenerator(data, out string) error {
	cmd := exec.Command("go", "run", "./internal/gen", "-data", data, "-out", out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go run ./internal/gen: %w\n%s", err, msg)
	}
	return nil
}

func TestRev4Set(t *testing.T) {
	set := Default().Rev4Set()
	if len(set.Rows) != 616 {
		t.Fatalf("rows = %d", len(set.Rows))
	}
	for _, m := range set.Members {
		if m.Title == "" {
			t.Errorf("Rev 4 control %s is not in the catalog", m.ID)
		}
	}
	if i, ok := set.RowIndex(controlid.MustParse("IR-4(c)")); !ok || set.Rows[i].ID.String() != "IR-4(c)" {
		t.Error("IR-4(c) missing from the Rev 4 set")
	}
	if _, ok := set.Member(controlid.MustParse("AC-2(10)")); !ok {
		t.Error("AC-2(10), a Rev 4 control withdrawn in Rev 5, is missing")
	}
}

// TestParameters holds the embedded parameters to FedRAMP's baselines: ids
// as the baselines spell them, labels, selections, and each baseline's own
// constraints.
func TestParameters(t *testing.T) {
	c := Default()
	ac2, _ := c.Control(controlid.MustParse("AC-2"))
	if len(ac2.Params) != 10 || ac2.Params[5].ID != "ac-02_odp.06" || ac2.Params[5].Label != "time period" {
		t.Errorf("AC-2 params: %+v", ac2.Params)
	}
	if _, p, err := c.Parameter("ac-01_odp.03"); err != nil || p.HowMany != "one-or-more" || len(p.Choices) != 3 {
		t.Errorf("AC-1's selection: %+v %v", p, err)
	}
	for _, tc := range []struct {
		b          Baseline
		ctl, param string
		want       string
	}{
		{High, "AC-2", "ac-02_odp.06", "twenty-four (24) hours"},
		{High, "AC-1", "ac-01_odp.05", "at least annually"},
		{Moderate, "AC-1", "ac-01_odp.05", "at least every 3 years"},
		{Low, "AC-2", "ac-02_odp.10", "at least annually"},
	} {
		m, ok := c.Baseline(tc.b).Member(controlid.MustParse(tc.ctl))
		if !ok {
			if tc.want != "" {
				t.Errorf("%s has no %s", tc.b, tc.ctl)
			}
			continue
		}
		if got := m.Constraints[tc.param]; got != tc.want {
			t.Errorf("%s %s: %q, want %q", tc.b, tc.param, got, tc.want)
		}
	}
}

func TestParameterLookup(t *testing.T) {
	c := Default()
	if ctl, p, err := c.Parameter("ac-02_odp.06"); err != nil || ctl.ID.String() != "AC-2" || p.ID != "ac-02_odp.06" {
		t.Errorf("ac-02_odp.06: %v %v %v", ctl, p, err)
	}
	for _, tc := range []struct{ id, first string }{
		{"ac-02_odp.11", "ac-02_odp.01"}, // the same control's first
		{"ac-2_odp.06", "ac-02_odp.06"},  // unpadded
		{"AC-02_ODP.06", "ac-02_odp.06"}, // ids are exact, as in OSCAL: every tool matches them as written
		{"ac-02.03_odp.3", "ac-02.03_odp.01"},
	} {
		_, _, err := c.Parameter(tc.id)
		var ue *UnknownParamError
		if !errors.As(err, &ue) || len(ue.Suggestions) == 0 || ue.Suggestions[0] != tc.first {
			t.Errorf("%s: %v", tc.id, err)
		}
	}
	if got := paramControl("ac-02.03_odp.01"); got != "ac-2.3" {
		t.Errorf("paramControl = %q", got)
	}
	if got := paramControl("sc-10_odp"); got != "sc-10" {
		t.Errorf("paramControl = %q", got)
	}
}
