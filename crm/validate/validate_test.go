package validate

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/report"
	"github.com/crm-tool/crm/internal/golden"
	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v5"
)

// repo is the repository root, from this package's folder.
const repo = "../.."

// invalidInputs validates every fixture in testdata/input/invalid, named as
// from the repository root, plus a text too long for a cell.
func invalidInputs(t *testing.T) *report.Validation {
	t.Helper()
	dir := filepath.Join(repo, "testdata", "input", "invalid")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	v := &report.Validation{Tool: "test", Rules: crm.Rules}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		res, err := Bytes("testdata/input/invalid/"+e.Name(), data)
		if err != nil {
			t.Fatal(err)
		}
		v.Files++
		v.Findings = append(v.Findings, res.Findings...)
	}
	long := validLow + "controls:\n  AC-2: {answer: partial, customer: \"" + strings.Repeat("Customers review accounts. ", 1300) + "\"}\n"
	res, err := Bytes("generated/text-too-long.yaml", []byte(long))
	if err != nil {
		t.Fatal(err)
	}
	v.Files++
	v.Findings = append(v.Findings, res.Findings...)
	crm.SortFindings(v.Findings)
	return v
}

// validLow answers every Low row Yes.
const validLow = `schema_version: 1
system: {csp: Acme Cloud, name: Acme Test, baseline: low, service_models: [paas]}
defaults:
  - families: [AC, AT, AU, CA, CM, CP, IA, IR, MA, MP, PE, PL, PS, RA, SA, SC, SI, SR]
    origination: sp-system
    status: implemented
`

func TestGoldenFindings(t *testing.T) {
	v := invalidInputs(t)
	for _, format := range report.FindingsFormats.Names() {
		var buf bytes.Buffer
		if err := report.FindingsFormats.Write(&buf, format, v); err != nil {
			t.Fatal(err)
		}
		golden.Check(t, repo, "invalid-findings."+format, buf.Bytes())
	}
}

// TestEveryRuleHasAFixture makes sure each rule fires somewhere in the
// invalid fixtures (expired-waiver is tested with a project file, the
// workbook rules with workbooks, by TestReviewFixtures over
// testdata/workbooks/review among others, the chain rules by TestChainRules
// over testdata/chain).
func TestEveryRuleHasAFixture(t *testing.T) {
	fired := map[string]bool{"expired-waiver": true, "invalid-answer": true, "sheet-rows-differ": true,
		"blank-rows": true, "missing-rows": true, "checks-not-made": true, // TestReviewFixtures
		"unreadable": true, "misnamed": true, // cmd/crm: TestBatchReportsEveryFile, TestContentDecides
		"formula-without-value": true, // crm/importer: TestUnvaluedFormulas
		"upstream-unreadable":   true, "upstream-no": true, "upstream-missing-row": true, "upstream-duty": true, "pass-on-without-duty": true,
		"leveraged-incomplete": true, "leveraged-impact-below": true,
		"missing-package-overview": true, "missing-parameter": true, "missing-date-authorized": true} // TestExportFindings
	for _, f := range invalidInputs(t).Findings {
		fired[f.Rule] = true
		if _, ok := crm.LookupRule(f.Rule); !ok {
			t.Errorf("finding with unregistered rule %q", f.Rule)
		}
	}
	for _, r := range crm.Rules {
		if !fired[r.ID] {
			t.Errorf("rule %s fires in no fixture of testdata/input/invalid", r.ID)
		}
	}
}

func TestExamplesAreValid(t *testing.T) {
	files, err := Expand([]string{filepath.Join(repo, "testdata", "examples")})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no examples")
	}
	rep, err := Files(context.Background(), files, Options{KeepDocuments: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Two examples show provider rows that are not in place yet; that
	// warning, on exactly those rows, is what they are for.
	meant := map[string]bool{"iaas-high.yaml CM-6(a)": true, "iaas-high.yaml IR-4(1)": true, "saas-moderate.yaml CM-8(a)": true}
	for _, f := range rep.Findings {
		if key := filepath.Base(f.File) + " " + strings.Join(f.Rows, " "); f.Rule == "provider-not-in-place" && meant[key] {
			delete(meant, key)
			continue
		}
		t.Errorf("%s", report.Location(f)+": "+f.Rule+": "+f.Message)
	}
	for key := range meant {
		t.Errorf("no provider-not-in-place warning on %s", key)
	}
	for _, r := range rep.Results {
		for _, row := range r.Rows {
			if row.Answer == "" && row.Applicable() {
				t.Errorf("%s: row %s unresolved", r.File, row.ID)
			}
		}
	}
}

func TestFilesOrderAndParallelism(t *testing.T) {
	dir := t.TempDir()
	var names []string
	for i, body := range []string{validLow, "schema_version: 1\n", validLow + "controls:\n  AC-99: {}\n"} {
		name := filepath.Join(dir, string(rune('c'-i))+".yaml")
		if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	sort.Strings(names)
	files, err := Expand([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(names, files); d != "" {
		t.Fatalf("Expand (-want +got):\n%s", d)
	}
	var first []crm.Finding
	for _, jobs := range []int{1, 2, 8} {
		rep, err := Files(context.Background(), files, Options{Jobs: jobs}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = rep.Findings
			continue
		}
		if d := cmp.Diff(first, rep.Findings); d != "" {
			t.Errorf("jobs=%d changed the findings:\n%s", jobs, d)
		}
	}
	if len(first) != 2 {
		t.Errorf("findings = %+v, want a schema and an unknown-id finding", first)
	}
}

// TestSARIFMatchesSchema checks the SARIF golden against OASIS's SARIF 2.1.0
// schema, when ../shared/data holds it.
func TestSARIFMatchesSchema(t *testing.T) {
	schemaPath := filepath.Join(repo, "..", "shared", "data", "sarif-schema-2.1.0.json")
	raw, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Skip("../shared/data/sarif-schema-2.1.0.json is not present")
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("https://crm.invalid/sarif-2.1.0.json", bytes.NewReader(raw)); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("https://crm.invalid/sarif-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	out, err := os.ReadFile(filepath.Join(repo, "testdata", "golden", "invalid-findings.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader(out))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(v); err != nil {
		t.Errorf("SARIF output does not match the SARIF 2.1.0 schema: %#v", err)
	}
}

// TestGoldenResolution renders the PaaS example's rows with their provenance.
func TestGoldenResolution(t *testing.T) {
	name := "testdata/examples/paas-low.yaml"
	data, err := os.ReadFile(filepath.Join(repo, name))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Bytes(name, data)
	if err != nil {
		t.Fatal(err)
	}
	r := &report.Resolution{File: name, Baseline: res.Doc.System.Baseline, Rows: res.Rows, Locate: res.Locate}
	for _, format := range []string{"text", "csv"} {
		var buf bytes.Buffer
		if err := report.RowsFormats.Write(&buf, format, r); err != nil {
			t.Fatal(err)
		}
		golden.Check(t, repo, "resolve-paas-low."+format, buf.Bytes())
	}
	var buf bytes.Buffer
	if err := report.RowsFormats.Write(&buf, "json", r); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Rows     []json.RawMessage `json:"rows"`
		Controls []struct {
			ID     string `json:"id"`
			Answer string `json:"answer"`
		} `json:"controls"`
		Summary report.AnswerCounts `json:"summary"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Rows) != 424 || len(doc.Controls) != 156 {
		t.Errorf("rows %d, controls %d; want 424, 156", len(doc.Rows), len(doc.Controls))
	}
	if s := doc.Summary; s.Yes+s.Partial+s.No != 424 || s.Unresolved != 0 {
		t.Errorf("summary %+v does not account for 424 rows", s)
	}
}
