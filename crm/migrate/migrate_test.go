package migrate_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/inputdoc"
	"github.com/crm-tool/crm/crm/migrate"
	"github.com/crm-tool/crm/crm/validate"
	"github.com/google/go-cmp/cmp"
)

const repo = "../.."

func load(t *testing.T, path string) *validate.Result {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		t.Skipf("%s is not present", path)
	}
	res, err := validate.File(path, "")
	if err != nil || res.Doc == nil {
		t.Fatalf("%s: %v", path, err)
	}
	return res
}

// revalidate writes the migrated document and checks it as an input.
func revalidate(t *testing.T, doc *crm.Document) *validate.Result {
	t.Helper()
	var buf bytes.Buffer
	if err := inputdoc.Write(&buf, doc, inputdoc.Options{}); err != nil {
		t.Fatal(err)
	}
	res, err := validate.Bytes("migrated.yaml", buf.Bytes())
	if err != nil || res.Doc == nil {
		t.Fatalf("migrated document: %v %+v", err, res.Findings)
	}
	return res
}

func counts(r *migrate.Report) [4]int {
	return [4]int{r.Carried, len(r.New), len(r.Changed), len(r.Dropped)}
}

func TestModerateToHigh(t *testing.T) {
	src := load(t, filepath.Join(repo, "testdata", "examples", "saas-moderate.yaml"))
	doc, rep, err := migrate.Migrate(src.Doc, src.Rows, catalog.High)
	if err != nil {
		t.Fatal(err)
	}
	if got := counts(rep); got != [4]int{688, 103, 0, 0} {
		t.Errorf("carried, new, changed, dropped = %v", got)
	}
	out := revalidate(t, doc)
	old := map[string]*crm.Row{}
	for i := range src.Rows {
		old[src.Rows[i].ID.String()] = &src.Rows[i]
	}
	for i := range out.Rows {
		r := &out.Rows[i]
		o, carried := old[r.ID.String()]
		if !carried {
			if !r.IsTodo() || r.Answer != "" {
				t.Errorf("new row %s: todo %v, answer %q", r.ID, r.IsTodo(), r.Answer)
			}
			continue
		}
		want := []any{o.Answer, crm.Responsibility(o, src.Doc, ""), []crm.Status(o.Status)}
		got := []any{r.Answer, crm.Responsibility(r, out.Doc, ""), []crm.Status(r.Status)}
		if d := cmp.Diff(want, got); d != "" || r.IsTodo() {
			t.Fatalf("%s carried wrongly (todo %v):\n%s", r.ID, r.IsTodo(), d)
		}
	}
}

func TestHighToModerate(t *testing.T) {
	src := load(t, filepath.Join(repo, "testdata", "examples", "iaas-high.yaml"))
	_, rep, err := migrate.Migrate(src.Doc, src.Rows, catalog.Moderate)
	if err != nil {
		t.Fatal(err)
	}
	if got := counts(rep); got != [4]int{688, 0, 0, 103} {
		t.Errorf("carried, new, changed, dropped = %v", got)
	}
	if rep.Dropped[0].Reason != "not in the FedRAMP Moderate baseline" {
		t.Errorf("dropped %+v", rep.Dropped[0])
	}
}

// TestRev4ToRev5 migrates cloud.gov's Rev 4 PaaS workbook to Rev 5 Moderate.
func TestRev4ToRev5(t *testing.T) {
	src := load(t, filepath.Join(repo, "..", "shared", "data", "real-crms", "cloud.gov-CIS-Worksheet.xlsx"))
	doc, rep, err := migrate.Migrate(src.Doc, src.Rows, catalog.Moderate)
	if err != nil {
		t.Fatal(err)
	}
	// Controls that were one row in Rev 4 and have parts in Rev 5 are
	// carried to each part (changed, for review); no part is filled from a
	// withdrawn control linked into a policy control.
	if got := counts(rep); got != [4]int{379, 99, 210, 56} {
		t.Errorf("carried, new, changed, dropped = %v", got)
	}
	find := func(items []migrate.Item, row string) string {
		for _, it := range items {
			if it.Row == row {
				return it.Reason
			}
		}
		return ""
	}
	if r := find(rep.Dropped, "AC-2(10)"); r != "AC-2(10) was withdrawn from Rev 5: incorporated into AC-2(k)" {
		t.Errorf("AC-2(10) dropped as %q", r)
	}
	if r := find(rep.Changed, "IA-2(6)(a)"); !strings.Contains(r, "carried from withdrawn IA-2(11)") {
		t.Errorf("IA-2(6)(a) changed as %q", r)
	}
	if r := find(rep.Changed, "AC-2(a)"); !strings.Contains(r, "other parts in Rev 5") {
		t.Errorf("AC-2(a) changed as %q", r)
	}
	for _, part := range []string{"AU-3(a)", "AU-3(f)", "SC-13(b)"} {
		if r := find(rep.Changed, part); !strings.Contains(r, "was one row in Rev 4; its answer and text are carried to each Rev 5 part") {
			t.Errorf("%s changed as %q", part, r)
		}
		if e := doc.Controls[part]; e.Answer == "" && len(e.Origination) == 0 || e.Todo == nil || !*e.Todo {
			t.Errorf("%s lost its Rev 4 answer or its todo: %+v", part, e)
		}
	}
	if r := find(rep.New, "MA-1(c)"); r == "" || doc.Controls["MA-1(c)"].Customer != "" {
		t.Errorf("MA-1(c), the policy review, was filled from withdrawn MA-4(2): %q %+v", r, doc.Controls["MA-1(c)"])
	}
	if doc.Revision != 0 || doc.System.Baseline != "moderate" {
		t.Errorf("revision %d, baseline %s", doc.Revision, doc.System.Baseline)
	}
	out := revalidate(t, doc)
	todo, _ := crm.Unfinished(out.Rows, "")
	if len(todo) != 135+174 {
		t.Errorf("%d rows marked todo, want the new and the changed", len(todo))
	}
}

func TestNothingToMigrate(t *testing.T) {
	src := load(t, filepath.Join(repo, "testdata", "examples", "paas-low.yaml"))
	if _, _, err := migrate.Migrate(src.Doc, src.Rows, catalog.Low); err == nil || !strings.Contains(err.Error(), "nothing to migrate") {
		t.Errorf("error = %v", err)
	}
}
