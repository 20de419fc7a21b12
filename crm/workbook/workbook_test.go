package workbook_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/diff"
	"github.com/crm-tool/crm/crm/validate"
	"github.com/crm-tool/crm/crm/workbook"
	"github.com/crm-tool/crm/internal/golden"
	"github.com/crm-tool/crm/templates"
	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
)

const repo = "../.."

// load validates an example and returns its workbook spec.
func load(t testing.TB, name string) *workbook.Spec {
	t.Helper()
	path := filepath.Join(repo, "testdata", "examples", name)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := validate.Bytes("testdata/examples/"+name, data)
	if err != nil {
		t.Fatal(err)
	}
	if res.Doc == nil {
		t.Fatalf("%s: %v", name, res.Findings)
	}
	return &workbook.Spec{
		Doc: res.Doc, Baseline: catalog.Baseline(res.Doc.System.Baseline), Rows: res.Rows,
		Provenance: &workbook.Provenance{
			Tool: "crm test", Input: name, InputSHA256: "0123", SchemaVersion: 1, Catalog: "5.0.1", Baselines: "fedramp",
			Line: func(ptr string) int { l, _ := res.Locate(ptr); return l },
		},
	}
}

func write(t testing.TB, s *workbook.Spec) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := workbook.Write(&buf, s); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func open(t testing.TB, raw []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

var examples = []string{"saas-moderate.yaml", "iaas-high.yaml", "paas-low.yaml", "saas-li-saas.yaml"}

// TestReadBack reads every generated workbook back and checks each row of
// the CIS and CRM sheets against the resolved input.
func TestReadBack(t *testing.T) {
	layout := templates.AppendixJ()
	for _, name := range examples {
		t.Run(name, func(t *testing.T) {
			s := load(t, name)
			f := open(t, write(t, s))
			title := s.Baseline.Title()
			cisName, crmName := title+" CIS Worksheet", title+" CRM Worksheet"
			wantSheets := []string{"Instructions", "Example CRM Worksheet Responses", cisName, crmName, "Summary", "Provenance", "Record of Change"}
			if s.Baseline == catalog.LISaaS {
				wantSheets = slices.Insert(wantSheets, 2, "Key to LI-SaaS Baseline")
			}
			if d := cmp.Diff(wantSheets, f.GetSheetList()); d != "" {
				t.Fatalf("sheets (-want +got):\n%s", d)
			}
			// As the template: its footer on every sheet, the table
			// headers repeated on every printed page, FedRAMP's examples.
			for _, sheet := range wantSheets {
				hf, err := f.GetHeaderFooter(sheet)
				if err != nil || !strings.Contains(hf.OddFooter, "Controlled Unclassified Information") || !strings.Contains(hf.OddFooter, "&P") {
					t.Errorf("%s footer %+v %v", sheet, hf, err)
				}
			}
			titles := map[string]string{}
			for _, dn := range f.GetDefinedName() {
				if dn.Name == "_xlnm.Print_Titles" {
					titles[dn.Scope] = dn.RefersTo
				}
			}
			hr := layout.CRM.HeaderRow[string(s.Baseline)]
			if titles[cisName] != "'"+cisName+"'!$2:$3" || titles[crmName] != fmt.Sprintf("'%s'!$%d:$%d", crmName, hr, hr) {
				t.Errorf("print titles %v", titles)
			}
			if ex, _ := f.GetRows("Example CRM Worksheet Responses"); len(ex) != 2+62 || ex[1][0] != "Control ID" {
				t.Errorf("Example CRM Worksheet Responses: %d rows", len(ex))
			}
			cis, err := f.GetRows(cisName)
			if err != nil {
				t.Fatal(err)
			}
			crmRows, err := f.GetRows(crmName)
			if err != nil {
				t.Fatal(err)
			}
			hr = layout.CRM.HeaderRow[string(s.Baseline)]
			if len(cis) != 3+len(s.Rows) || len(crmRows) != hr+len(s.Rows) {
				t.Fatalf("CIS %d rows, CRM %d rows; want %d and %d", len(cis), len(crmRows), 3+len(s.Rows), hr+len(s.Rows))
			}
			// The template's header, then the authorizations the rows
			// inherit from, as an agency looks them up.
			if got, want := cell(cis[2], 12), inheritedHeader(s.Doc); got != want {
				t.Errorf("CIS M3 = %q, want %q", got, want)
			}
			if d := cmp.Diff(layout.CRM.Headers, crmRows[hr-1]); d != "" {
				t.Errorf("CRM headers:\n%s", d)
			}
			for i := range s.Rows {
				r := &s.Rows[i]
				got := cis[3+i]
				if cell(got, 0) != r.ID.String() {
					t.Fatalf("CIS row %d: id %q, want %s", 4+i, cell(got, 0), r.ID)
				}
				for j, c := range layout.CIS.StatusColumns {
					if (cell(got, 1+j) == "X") != slices.Contains(r.Status, crm.Status(c.Value)) {
						t.Errorf("%s: status %s mark %q", r.ID, c.Value, cell(got, 1+j))
					}
				}
				for j, c := range layout.CIS.OriginationColumns {
					if (cell(got, 6+j) == "X") != slices.Contains(r.Origination, crm.Origination(c.Value)) {
						t.Errorf("%s: origination %s mark %q", r.ID, c.Value, cell(got, 6+j))
					}
				}
				row := crmRows[hr+i]
				want := []string{r.ID.String(), r.Answer.Label(), crm.Responsibility(r, s.Doc, "")}
				if d := cmp.Diff(want, []string{cell(row, 0), cell(row, 1), cell(row, 2)}); d != "" {
					t.Errorf("CRM row %d (-want +got):\n%s", hr+1+i, d)
				}
			}
			dvs, err := f.GetDataValidations(crmName)
			if err != nil || len(dvs) != 1 {
				t.Fatalf("validations %v, %v", dvs, err)
			}
			if want := fmt.Sprintf("B%d:B%d", hr+1, hr+len(s.Rows)); dvs[0].Sqref != want || dvs[0].Formula1 != `"No,Partial,Yes"` {
				t.Errorf("validation %s %s, want %s over \"No,Partial,Yes\"", dvs[0].Sqref, dvs[0].Formula1, want)
			}
			checkSummary(t, f, s)
		})
	}
}

func cell(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

// checkSummary compares the Summary sheet with a count of the rows.
func checkSummary(t *testing.T, f *excelize.File, s *workbook.Spec) {
	t.Helper()
	rows, err := f.GetRows("Summary")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][4]int{}
	for _, r := range s.Rows {
		c := want[r.ID.Family]
		c[0]++
		switch r.Answer {
		case crm.AnswerYes:
			c[1]++
		case crm.AnswerPartial:
			c[2]++
		case crm.AnswerNo:
			c[3]++
		}
		want[r.ID.Family] = c
	}
	got := map[string][4]int{}
	var total [4]int
	for _, row := range rows[3:] {
		var c [4]int
		for j := range c {
			fmt.Sscan(cell(row, 2+j), &c[j])
		}
		if cell(row, 0) == "Total" {
			total = c
			continue
		}
		got[cell(row, 0)] = c
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Summary rows per family (-counted +sheet):\n%s", d)
	}
	if total[0] != len(s.Rows) || total[1]+total[2]+total[3] != len(s.Rows) {
		t.Errorf("Summary total %v does not account for %d rows", total, len(s.Rows))
	}
}

func TestDeterministic(t *testing.T) {
	s := load(t, "paas-low.yaml")
	a, b := write(t, s), write(t, s)
	if !bytes.Equal(a, b) {
		t.Error("the same input gave different bytes")
	}
}

func TestFormulaTextStaysText(t *testing.T) {
	s := load(t, "paas-low.yaml")
	evil := []string{`=HYPERLINK("http://example.invalid","x")`, "+1+1", "-2+3", "@SUM(A1)"}
	for i, text := range evil {
		s.Rows[i].Customer = text
		s.Rows[i].Services = nil
	}
	f := open(t, write(t, s))
	for i, text := range evil {
		c := fmt.Sprintf("C%d", 5+i)
		formula, err := f.GetCellFormula("Low CRM Worksheet", c)
		if err != nil || formula != "" {
			t.Errorf("%s: formula %q, %v", c, formula, err)
		}
		if v, _ := f.GetCellValue("Low CRM Worksheet", c); v != text {
			t.Errorf("%s = %q, want %q", c, v, text)
		}
		if typ, _ := f.GetCellType("Low CRM Worksheet", c); typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
			t.Errorf("%s has type %v, want a string", c, typ)
		}
	}
}

func TestServiceFilter(t *testing.T) {
	s := load(t, "saas-moderate.yaml")
	s.Service = "pipelines"
	f := open(t, write(t, s))
	rows, _ := f.GetRows("Moderate CRM Worksheet")
	for _, row := range rows[4:] {
		if strings.Contains(cell(row, 2), "Acme Dashboards:") {
			t.Fatalf("%s: another service's text in a pipelines CRM: %q", cell(row, 0), cell(row, 2))
		}
	}
	if got := cell(rows[7], 2); !strings.Contains(got, "Acme Data Pipelines: Approve and review service accounts") {
		t.Errorf("AC-2(b) text = %q", got)
	}
}

func TestCheckTooLong(t *testing.T) {
	s := load(t, "saas-moderate.yaml")
	s.Rows[3].Customer = strings.Repeat("x", 30000)
	s.Rows[3].Services = map[string]string{"dashboards": strings.Repeat("y", 3000)}
	fs := workbook.Check(s)
	if len(fs) != 1 || fs[0].Sheet != "Moderate CRM Worksheet" || fs[0].Cell != "C8" || !strings.Contains(fs[0].Message, "AC-2(a)") {
		t.Errorf("findings = %+v", fs)
	}
	s.Service = "pipelines" // the long dashboards paragraph is left out
	if fs := workbook.Check(s); len(fs) != 0 {
		t.Errorf("with --service: %+v", fs)
	}
}

// TestGoldenDump reads a generated workbook back and compares a text dump of
// its layout and cells with testdata/golden.
func TestGoldenDump(t *testing.T) {
	s := load(t, "saas-li-saas.yaml")
	got := dump(t, open(t, write(t, s)), 40)
	golden.Check(t, repo, "workbook-saas-li-saas.txt", []byte(got))
}

// dump prints each sheet's merges, widths, panes, validations, conditional
// formats and the first maxRows rows of cells with their style's font and
// fill.
func dump(t *testing.T, f *excelize.File, maxRows int) string {
	t.Helper()
	var b strings.Builder
	props, _ := f.GetDocProps()
	fmt.Fprintf(&b, "props: creator=%q title=%q created=%s modified=%s\n", props.Creator, props.Title, props.Created, props.Modified)
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(&b, "\n== %s\n", sheet)
		merges, _ := f.GetMergeCells(sheet)
		var ms []string
		for _, m := range merges {
			ms = append(ms, m.GetStartAxis()+":"+m.GetEndAxis())
		}
		sort.Strings(ms)
		fmt.Fprintf(&b, "merges: %v\n", ms)
		var widths []string
		for c := 1; c <= 13; c++ {
			w, _ := f.GetColWidth(sheet, mustCol(c))
			widths = append(widths, fmt.Sprintf("%s=%g", mustCol(c), w))
		}
		fmt.Fprintf(&b, "widths: %s\n", strings.Join(widths, " "))
		panes, _ := f.GetPanes(sheet)
		fmt.Fprintf(&b, "panes: freeze=%v ysplit=%d topleft=%s\n", panes.Freeze, panes.YSplit, panes.TopLeftCell)
		dvs, _ := f.GetDataValidations(sheet)
		for _, dv := range dvs {
			fmt.Fprintf(&b, "validation: %s %s %s blank=%v error=%v\n", dv.Sqref, dv.Type, dv.Formula1, dv.AllowBlank, dv.ShowErrorMessage)
		}
		cfs, _ := f.GetConditionalFormats(sheet)
		var ranges []string
		for r, opts := range cfs {
			for _, o := range opts {
				ranges = append(ranges, r+" "+o.Type+" "+o.Criteria)
			}
		}
		sort.Strings(ranges)
		for _, r := range ranges {
			fmt.Fprintf(&b, "conditional: %s\n", r)
		}
		rows, _ := f.GetRows(sheet)
		for i, row := range rows {
			if i >= maxRows {
				fmt.Fprintf(&b, "... %d more rows\n", len(rows)-maxRows)
				break
			}
			for j, v := range row {
				if v == "" {
					continue
				}
				name, _ := excelize.CoordinatesToCellName(j+1, i+1)
				style := ""
				if id, err := f.GetCellStyle(sheet, name); err == nil && id != 0 {
					if st, err := f.GetStyle(id); err == nil && st.Font != nil {
						style = fmt.Sprintf(" [%s %gpt bold=%v %s fill=%v wrap=%v]", st.Font.Family, st.Font.Size, st.Font.Bold, st.Font.Color, st.Fill.Color, st.Alignment != nil && st.Alignment.WrapText)
					}
				}
				if len(v) > 70 {
					v = v[:70] + "…"
				}
				fmt.Fprintf(&b, "%s %q%s\n", name, v, style)
			}
		}
	}
	return b.String()
}

func mustCol(n int) string {
	name, err := excelize.ColumnNumberToName(n)
	if err != nil {
		panic(err)
	}
	return name
}

// TestGoldenChanges dumps the Changes workbook of the v1 → v2 diff.
func TestGoldenChanges(t *testing.T) {
	load := func(name string) *diff.Side {
		path := "testdata/diff/" + name
		res, err := validate.File(filepath.Join(repo, path), "")
		if err != nil || res.Doc == nil {
			t.Fatalf("%s: %v", name, err)
		}
		return &diff.Side{Name: path, Doc: res.Doc, Rows: res.Rows}
	}
	var buf bytes.Buffer
	if err := workbook.WriteChanges(&buf, diff.Compare(load("v1.yaml"), load("v2.yaml"), diff.Options{})); err != nil {
		t.Fatal(err)
	}
	got := dump(t, open(t, buf.Bytes()), 100)
	golden.Check(t, repo, "diff-v1-v2.xlsx.txt", []byte(got))
}

// TestProvenanceNamesUpstream: a row filled from a leveraged provider's CRM
// says so on the Provenance sheet, with the provider and its row.
func TestProvenanceNamesUpstream(t *testing.T) {
	res, err := validate.File(filepath.Join(repo, "testdata", "chain", "saas.yaml"), "")
	if err != nil || res.Doc == nil {
		t.Fatal(err)
	}
	s := &workbook.Spec{Doc: res.Doc, Baseline: catalog.Low, Rows: res.Rows,
		Provenance: &workbook.Provenance{Tool: "test", Line: func(string) int { return 10 }}}
	f := open(t, write(t, s))
	rows, err := f.GetRows("Provenance")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if len(r) > 4 && r[0] == "PE-3(a)" {
			if r[3] != "leveraged-crm" || r[4] != "/leveraged/0 (Fabrikam App Platform PE-3(a))" {
				t.Errorf("PE-3(a) provenance %q", r[:6])
			}
			return
		}
	}
	t.Error("no PE-3(a) on the Provenance sheet")
}

// inheritedHeader is the CIS Inherited header a document's workbook must
// have: the template's, with every authorization it lists by name and
// FedRAMP id (the shipped examples inherit from all of theirs).
func inheritedHeader(doc *crm.Document) string {
	h := "Inherited from Pre-Existing  Authorization"
	var labels []string
	for _, l := range doc.Leveraged {
		labels = append(labels, l.Name+", FedRAMP "+l.FedRAMPID)
	}
	if len(labels) > 0 {
		h += " (" + strings.Join(labels, "; ") + ")"
	}
	return h
}
