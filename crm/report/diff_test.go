package report

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/diff"
	"github.com/crm-tool/crm/crm/validate"
	"github.com/crm-tool/crm/internal/golden"
	"github.com/google/go-cmp/cmp"
)

const repo = "../.."

// side loads a version from testdata/diff, named as from the repository root.
func side(t *testing.T, name string) *diff.Side {
	t.Helper()
	path := "testdata/diff/" + name
	res, err := validate.File(filepath.Join(repo, path), catalog.Baseline(""))
	if err != nil || res.Doc == nil {
		t.Fatalf("%s: %v %v", name, err, res)
	}
	return &diff.Side{Name: path, Doc: res.Doc, Rows: res.Rows}
}

// diffPairs cover every change kind between them.
var diffPairs = []struct {
	golden, old, new string
	opts             diff.Options
}{
	{golden: "diff-v1-v2", old: "v1.yaml", new: "v2.yaml"},
	{golden: "diff-baseline-up", old: "v2.yaml", new: "v2-moderate.yaml", opts: diff.Options{Families: map[string]bool{"PE": true}}},
	{golden: "diff-baseline-down", old: "v2-moderate.yaml", new: "v2.yaml", opts: diff.Options{Families: map[string]bool{"PE": true}}},
	{golden: "diff-rev4-rev5", old: "rev4.yaml", new: "v2.yaml", opts: diff.Options{Families: map[string]bool{"IR": true, "AC": true}}},
}

func TestDiffGoldens(t *testing.T) {
	seen := map[diff.Kind]bool{}
	for _, p := range diffPairs {
		res := diff.Compare(side(t, p.old), side(t, p.new), p.opts)
		for _, ch := range res.Changes {
			seen[ch.Kind] = true
		}
		for _, format := range []string{"text", "markdown", "json"} {
			var buf bytes.Buffer
			if err := DiffFormats.Write(&buf, format, Comparison{Result: res}); err != nil {
				t.Fatal(err)
			}
			ext := map[string]string{"text": "txt", "markdown": "md", "json": "json"}[format]
			golden.Check(t, repo, p.golden+"."+ext, buf.Bytes())
		}
	}
	for _, k := range diff.Kinds {
		if !seen[k] {
			t.Errorf("no golden pair shows a %s change", k)
		}
	}
}

func TestDiffNoChanges(t *testing.T) {
	res := diff.Compare(side(t, "v2.yaml"), side(t, "v2.yaml"), diff.Options{})
	if len(res.Changes) != 0 || res.Summarize().Line() != "no differences" {
		t.Errorf("changes %+v", res.Changes)
	}
	var buf bytes.Buffer
	if err := DiffFormats.Write(&buf, "markdown", Comparison{Result: res}); err != nil || !bytes.Contains(buf.Bytes(), []byte("No differences.")) {
		t.Errorf("markdown: %v %s", err, buf.String())
	}
}

// TestDiffRev4WorkbookAgainstRev5 diffs cloud.gov Pages' Rev 4 workbook
// (Low) against its Rev 5 one (Moderate): rows across revisions are remaps,
// not responsibility changes, unless matched by id.
func TestDiffRev4WorkbookAgainstRev5(t *testing.T) {
	load := func(name string) *diff.Side {
		path := filepath.Join(repo, "..", "shared", "data", "real-crms", name)
		if _, err := os.Stat(path); err != nil {
			t.Skip("../shared/data is not present")
		}
		res, err := validate.File(path, "")
		if err != nil || res.Doc == nil {
			t.Fatalf("%s: %v", name, err)
		}
		return &diff.Side{Name: name, Doc: res.Doc, Rows: res.Rows}
	}
	old, new := load("cloud.gov-Pages-CIS-Worksheet.xlsx"), load("cloud.gov-Pages-CIS-and-CRM-Workbook.xlsx")
	kinds := func(r *diff.Result) map[string]int { return r.Summarize().Kinds }
	// The Rev 4 workbook is a Low CRM on the Low-or-Moderate template: its
	// CRM sheet's 337 rows are its CRM, and the Moderate rows only its CIS
	// sheet lists are not (they once read as answered from their CIS
	// marks, and their Rev 5 answers as 131 customer shifts). Against the
	// Rev 5 Moderate CRM those rows now gain an answer. Text is compared as
	// written, so 31 texts differ in white space alone.
	want := map[string]int{"answer-changed": 188, "revision-remap": 181, "origination-changed": 190, "status-changed": 190,
		"text-changed": 202, "text-whitespace": 31, "system-changed": 3}
	res := diff.Compare(old, new, diff.Options{})
	if d := cmp.Diff(want, kinds(res)); d != "" {
		t.Errorf("changes per kind (-want +got):\n%s", d)
	}
	var remapIR4 bool
	for _, ch := range res.Changes {
		if ch.Kind == diff.RevisionRemap && ch.Row == "IR-4" {
			remapIR4 = true
		}
		if ch.Kind == diff.CustomerShift && ch.Row == "IR-4(a)" {
			t.Error("IR-4 changed its parts across revisions; its rows must not be compared")
		}
	}
	if !remapIR4 {
		t.Error("IR-4 (parts changed between Rev 4 and Rev 5) is not reported as a remap")
	}
	byID := diff.Compare(old, new, diff.Options{MatchByID: true})
	// Matching by id compares the rows the remap leaves out.
	if kinds(byID)["revision-remap"] != 0 || kinds(byID)["text-changed"] <= kinds(res)["text-changed"] {
		t.Errorf("--match-by-id: %v", kinds(byID))
	}
}
