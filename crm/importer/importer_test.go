package importer_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/importer"
	"github.com/crm-tool/crm/crm/inputdoc"
	"github.com/crm-tool/crm/crm/validate"
	"github.com/crm-tool/crm/crm/workbook"
	"github.com/google/go-cmp/cmp"
)

const repo = "../.."

var shared = filepath.Join(repo, "..", "shared", "data")

func readShared(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(shared, name))
	if errors.Is(err, os.ErrNotExist) {
		t.Skip("../shared/data is not present")
	}
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func convert(t testing.TB, name string, data []byte, b catalog.Baseline) *importer.Result {
	t.Helper()
	book, err := workbook.Read(bytes.NewReader(data), workbook.ReadOptions{Baseline: b})
	if err != nil {
		t.Fatal(err)
	}
	return importer.Convert(name, book)
}

// TestRealWorkbooks reads the three published cloud.gov workbooks and
// checks the Yes / Partial / No rows read from each against their counts.
func TestRealWorkbooks(t *testing.T) {
	tests := []struct {
		file              string
		revision          int
		baseline          catalog.Baseline
		rows              int
		yes, partial, no  int
		withoutAnswer     int
		leveraged, ignore string
	}{
		{file: "cloud.gov-Pages-CIS-and-CRM-Workbook.xlsx", revision: 0, baseline: catalog.Moderate, rows: 688, yes: 201, partial: 129, no: 358,
			leveraged: "AWS GovCloud", ignore: `'Moderate CRM Worksheet'!C4 "FIPS-199 Impact Low (L) & Moderate (M)"`},
		{file: "cloud.gov-CIS-Worksheet.xlsx", revision: 4, baseline: catalog.Moderate, rows: 616, yes: 124, partial: 142, no: 350,
			leveraged: "AWS GovCloud", ignore: `'PaaS CRM'!D3 "Internal cloud.gov COMMENTS (REMOVE column before publishing)"`},
		// A Low CRM on the Rev 4 Low-or-Moderate template: the CRM sheet's
		// 337 rows are the CRM; the 279 Moderate rows only its CIS sheet
		// lists are the sheet-rows-differ warning, not rows.
		{file: "cloud.gov-Pages-CIS-Worksheet.xlsx", revision: 4, baseline: catalog.Low, rows: 337, yes: 124, partial: 27, no: 186, withoutAnswer: 0,
			leveraged: "AWS GovCloud"},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			res := convert(t, tc.file, readShared(t, filepath.Join("real-crms", tc.file)), "")
			d := res.Doc
			n := res.Answers()
			got := []any{d.Revision, catalog.Baseline(d.System.Baseline), len(d.Controls), n[crm.AnswerYes], n[crm.AnswerPartial], n[crm.AnswerNo], n[""]}
			want := []any{tc.revision, tc.baseline, tc.rows, tc.yes, tc.partial, tc.no, tc.withoutAnswer}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("revision, baseline, rows, yes, partial, no, unanswered (-want +got):\n%s", diff)
			}
			if len(d.Leveraged) != 1 || d.Leveraged[0].Name != tc.leveraged {
				t.Errorf("leveraged = %+v, want %q from the inherited column's header", d.Leveraged, tc.leveraged)
			}
			if tc.ignore != "" && !strings.Contains(strings.Join(res.Notes, "\n"), tc.ignore) {
				t.Errorf("notes %q do not mention the unread column %s", res.Notes, tc.ignore)
			}
			for _, f := range res.Unplaced {
				t.Errorf("unexpected %s at %s!%s: %s", f.Rule, f.Sheet, f.Cell, f.Message)
			}
		})
	}
}

// TestRealWorkbookDetails checks cells that real workbooks spell their own
// way: a multi-mark row, a formula's cached text.
func TestRealWorkbookDetails(t *testing.T) {
	res := convert(t, "pages.xlsx", readShared(t, "real-crms/cloud.gov-Pages-CIS-Worksheet.xlsx"), "")
	e := res.Doc.Controls["AC-1(a)"]
	if e.Answer != crm.AnswerNo || !strings.HasPrefix(e.Customer, "The site leveraging Pages will need to inherit") {
		t.Errorf("AC-1(a) from cached formula values: %+v", e)
	}
	e = res.Doc.Controls["AC-2(a)"]
	if d := cmp.Diff([]crm.Origination{crm.Shared, crm.Inherited}, []crm.Origination(e.Origination)); d != "" {
		t.Errorf("AC-2(a) origination:\n%s", d)
	}
}

func TestRev4Template(t *testing.T) {
	res := convert(t, "rev4.xlsx", readShared(t, "REV_4_SSP-A09-FedRAMP-Low-or-Moderate-CIS-Workbook-Template.xlsx"), "")
	if res.Doc.Revision != 4 || len(res.Doc.Controls) != 616 {
		t.Fatalf("revision %d, %d rows; want 4, 616", res.Doc.Revision, len(res.Doc.Controls))
	}
	// The template lists IR-04 (a) twice; the second is read as IR-04 (c).
	for _, f := range res.Findings {
		t.Errorf("unexpected finding %s at %s!%s: %s", f.Rule, f.Sheet, f.Cell, f.Message)
	}
	if _, ok := res.Doc.Controls["IR-4(c)"]; !ok {
		t.Error("IR-4(c) missing")
	}
	if notes := strings.Join(res.Notes, "\n"); strings.Count(notes, "read as IR-04 (c)") != 2 {
		t.Errorf("notes %q should say so for both sheets", notes)
	}
	if n := res.Answers(); n[""] != 616 {
		t.Errorf("an empty template has answers: %v", n)
	}
}

// TestOfficialTemplateFilled fills FedRAMP's Rev 5 template for each baseline
// and reads it back: every row's answer, marks and text.
func TestOfficialTemplateFilled(t *testing.T) {
	tpl := readShared(t, "SSP-Appendix-J-CSO-CIS-and-CRM-Workbook.xlsx")
	for _, example := range []string{"iaas-high.yaml", "saas-moderate.yaml", "paas-low.yaml", "saas-li-saas.yaml", "../notes/every-note.yaml"} {
		t.Run(example, func(t *testing.T) {
			spec := load(t, example)
			var buf bytes.Buffer
			if err := workbook.Fill(&buf, bytes.NewReader(tpl), spec, workbook.FillOptions{}); err != nil {
				t.Fatal(err)
			}
			// Several baselines' sheets, one filled: the filled one is found alone.
			res := convert(t, "filled.xlsx", buf.Bytes(), "")
			if got := catalog.Baseline(res.Doc.System.Baseline); got != spec.Baseline {
				t.Fatalf("read baseline %s, want %s", got, spec.Baseline)
			}
			compareRows(t, spec, res.Doc)
		})
	}
}

// load validates a shipped example into a workbook spec.
func load(t testing.TB, name string) *workbook.Spec {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repo, "testdata", "examples", filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	res, err := validate.Bytes(name, data)
	if err != nil || res.Doc == nil {
		t.Fatalf("%s: %v %v", name, err, res.Findings)
	}
	return &workbook.Spec{Doc: res.Doc, Baseline: catalog.Baseline(res.Doc.System.Baseline), Rows: res.Rows}
}

// compareRows checks that doc holds, per row of spec, the same answer,
// marks and responsibilities text.
func compareRows(t *testing.T, spec *workbook.Spec, doc *crm.Document) {
	t.Helper()
	if len(doc.Controls) != len(spec.Rows) {
		t.Fatalf("%d rows read, want %d", len(doc.Controls), len(spec.Rows))
	}
	for i := range spec.Rows {
		r := &spec.Rows[i]
		e, ok := doc.Controls[r.ID.String()]
		if !ok {
			t.Fatalf("row %s missing", r.ID)
		}
		answer := e.Answer
		if answer == "" {
			answer = crm.DeriveAnswer(e.Origination)
		}
		want := []any{r.Answer, []crm.Origination(r.Origination), []crm.Status(r.Status), crm.Responsibility(r, spec.Doc, "")}
		got := []any{answer, []crm.Origination(e.Origination), []crm.Status(e.Status), e.Customer}
		if d := cmp.Diff(want, got); d != "" {
			t.Fatalf("%s (-generated +read):\n%s", r.ID, d)
		}
	}
}

// TestRoundTrip generates each example, imports it, writes the import as an
// input document, generates again and compares every resolved row.
func TestRoundTrip(t *testing.T) {
	for _, example := range []string{"iaas-high.yaml", "saas-moderate.yaml", "paas-low.yaml", "saas-li-saas.yaml"} {
		t.Run(example, func(t *testing.T) {
			spec := load(t, example)
			spec.Provenance = &workbook.Provenance{Tool: "test", Line: func(string) int { return 0 }}
			var first bytes.Buffer
			if err := workbook.Write(&first, spec); err != nil {
				t.Fatal(err)
			}
			imp := convert(t, "first.xlsx", first.Bytes(), "")
			var yaml bytes.Buffer
			if err := inputdoc.Write(&yaml, imp.Doc, inputdoc.Options{}); err != nil {
				t.Fatal(err)
			}
			again, err := validate.Bytes("imported.yaml", yaml.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			if again.Doc == nil {
				t.Fatalf("the imported document does not validate: %+v", again.Findings)
			}
			// The parameters and the system block's CR26 fields, kept on the
			// Provenance sheet, for the SDR and OSCAL of a workbook.
			if d := cmp.Diff(spec.Doc.Parameters, again.Doc.Parameters); d != "" {
				t.Errorf("parameters changed in the round trip (-first +again):\n%s", d)
			}
			if again.Doc.System.PackageOverviewURI != spec.Doc.System.PackageOverviewURI {
				t.Errorf("package overview %q, want %q", again.Doc.System.PackageOverviewURI, spec.Doc.System.PackageOverviewURI)
			}
			for i := range spec.Rows {
				a, b := &spec.Rows[i], &again.Rows[i]
				// The customer text as the input held it: crm's notes are
				// taken off again, never doubled.
				want := []any{a.ID, a.Answer, []crm.Origination(a.Origination), []crm.Status(a.Status), crm.Responsibility(a, spec.Doc, ""), a.Explanation, a.PlannedDate, a.Provider, a.Leveraged, a.PassOn, crm.CustomerText(a, spec.Doc, "")}
				got := []any{b.ID, b.Answer, []crm.Origination(b.Origination), []crm.Status(b.Status), crm.Responsibility(b, again.Doc, ""), b.Explanation, b.PlannedDate, b.Provider, b.Leveraged, b.PassOn, b.Customer}
				if d := cmp.Diff(want, got); d != "" {
					t.Fatalf("row %s changed in the round trip (-first +again):\n%s", a.ID, d)
				}
			}
			var second bytes.Buffer
			spec2 := &workbook.Spec{Doc: again.Doc, Baseline: spec.Baseline, Rows: again.Rows}
			if err := workbook.Write(&second, spec2); err != nil {
				t.Fatal(err)
			}
			compareRows(t, spec, convert(t, "second.xlsx", second.Bytes(), "").Doc)
		})
	}
}

// TestHandTyped imports cells as people type them.
func TestHandTyped(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repo, "testdata", "workbooks", "hand-typed.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	res := convert(t, "hand-typed.xlsx", data, "")
	got := map[string]string{}
	for k, e := range res.Doc.Controls {
		got[k] = string(e.Answer) + "|" + e.Customer
	}
	want := map[string]string{
		"AC-1(a)": "yes|Rich text",
		"AC-1(b)": "partial|First line\r\nsecond line", // as written: import never alters text
		"AC-2(c)": "no|merged",
		"AC-2(a)": "|",
		"AC-2(b)": "|x",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("rows (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]crm.Origination{crm.Shared, crm.Inherited}, []crm.Origination(res.Doc.Controls["AC-1(b)"].Origination)); d != "" {
		t.Errorf("AC-1(b) marks ✓ and x:\n%s", d)
	}
	if len(res.Doc.Leveraged) != 1 || res.Doc.Leveraged[0].Name != "Azure Government" || res.Doc.Controls["AC-1(b)"].Leveraged != "azure-government" {
		t.Errorf("leveraged %+v", res.Doc.Leveraged)
	}
	var findings []string
	for _, f := range res.Findings {
		findings = append(findings, f.Sheet+"!"+f.Cell+" "+f.Rule)
	}
	wantFindings := []string{
		"Moderate CRM Worksheet! sheet-rows-differ",
		"Moderate CRM Worksheet!B11 invalid-answer",
		"Moderate CRM Worksheet!A12 unknown-id",
	}
	if d := cmp.Diff(wantFindings, findings); d != "" {
		t.Errorf("findings (-want +got):\n%s", d)
	}
}

// BenchmarkImportLargestReal reads and converts the largest published
// workbook (cloud.gov Pages, Rev 4: 616 CIS rows, 337 formula CRM rows,
// which are the CRM).
func BenchmarkImportLargestReal(b *testing.B) {
	data := readShared(b, "real-crms/cloud.gov-Pages-CIS-Worksheet.xlsx")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if res := convert(b, "pages.xlsx", data, ""); len(res.Doc.Controls) != 337 {
			b.Fatal(len(res.Doc.Controls))
		}
	}
}

// BenchmarkValidateLargestReal adds every rule to the import.
func BenchmarkValidateLargestReal(b *testing.B) {
	data := readShared(b, "real-crms/cloud.gov-Pages-CIS-Worksheet.xlsx")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := validate.Workbook("pages.xlsx", data, ""); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkValidateGeneratedHigh validates a workbook crm wrote for the High
// example: reading, importing and every rule.
func BenchmarkValidateGeneratedHigh(b *testing.B) {
	spec := load(b, "iaas-high.yaml")
	spec.Provenance = &workbook.Provenance{Tool: "bench", Line: func(string) int { return 1 }}
	var buf bytes.Buffer
	if err := workbook.Write(&buf, spec); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := validate.Workbook("high.xlsx", buf.Bytes(), ""); err != nil {
			b.Fatal(err)
		}
	}
}

// TestUnvaluedFormulas: the importer reports each formula cell without a
// saved value where it stands.
func TestUnvaluedFormulas(t *testing.T) {
	crmTable := &workbook.Table{Sheet: "Low CRM Worksheet", HeaderRow: 4, Columns: map[string]int{workbook.RoleID: 0, workbook.RoleAnswer: 1},
		Rows: []workbook.TableRow{{Row: 5, Cells: []string{"AC-1(a)", ""}}}, Unvalued: []string{"B5"}}
	res := importer.Convert("book.xlsx", &workbook.Book{Baseline: "low", Revision: 5, CRM: crmTable})
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Rule+" "+f.Sheet+"!"+f.Cell)
	}
	if d := cmp.Diff([]string{"formula-without-value Low CRM Worksheet!B5"}, got); d != "" {
		t.Errorf("findings (-want +got):\n%s", d)
	}
}
