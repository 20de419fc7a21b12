package build_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/build"
	"github.com/crm-tool/crm/crm/validate"
	"github.com/crm-tool/crm/crm/workbook"
)

var example = filepath.Join("..", "..", "testdata", "examples", "paas-low.yaml")

func exampleData(t *testing.T, edit func(string) string) []byte {
	t.Helper()
	data, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		data = []byte(edit(string(data)))
	}
	return data
}

// todoAC appends an AC-2(a) entry still marked todo.
func todoAC(s string) string {
	return strings.Replace(s, "\ncontrols:\n", "\ncontrols:\n  AC-2(a):\n    todo: true\n", 1)
}

func TestPlan(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(string) string
		o       build.Options
		refused string // a refusal's reason holds this
		err     error  // or the error is this
	}{
		{name: "finished input", o: build.Options{FailOn: crm.Error, Tool: "crm test"}},
		{name: "errors", edit: func(s string) string { return strings.Replace(s, "baseline: low", "baseline: lowest", 1) },
			o: build.Options{FailOn: crm.Error}, refused: "the input has errors"},
		{name: "todo", edit: todoAC, o: build.Options{FailOn: crm.Error}, refused: "1 rows still marked todo (AC-2(a))"},
		{name: "todo allowed", edit: todoAC, o: build.Options{FailOn: crm.Error, AllowTodo: true}},
		{name: "unknown service", o: build.Options{FailOn: crm.Error, Service: "nope"}, err: build.ErrUnknownService},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wb, err := build.Plan("in.yaml", exampleData(t, tc.edit), "out.xlsx", tc.o)
			var refusal *build.Refusal
			switch {
			case tc.refused != "":
				if !errors.As(err, &refusal) || !strings.Contains(refusal.Reason, tc.refused) {
					t.Fatalf("err = %v, want a refusal saying %q", err, tc.refused)
				}
				return
			case tc.err != nil:
				if !errors.Is(err, tc.err) {
					t.Fatalf("err = %v, want %v", err, tc.err)
				}
				return
			case err != nil:
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := wb.Write(&buf); err != nil {
				t.Fatal(err)
			}
			book, err := workbook.Read(bytes.NewReader(buf.Bytes()), workbook.ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if got, want := len(book.CRM.Rows), len(wb.Result.Rows); got != want {
				t.Errorf("the workbook's CRM sheet has %d rows, want %d", got, want)
			}
			hasProvenance := false
			for _, s := range book.Sheets {
				hasProvenance = hasProvenance || s == "Provenance"
			}
			if hasProvenance != (tc.o.Tool != "") {
				t.Errorf("Provenance sheet: %v with Tool %q", hasProvenance, tc.o.Tool)
			}
			if d := wb.Inputs(); len(d) == 0 || d[0] != "in.yaml" {
				t.Errorf("inputs %q do not start with the input", d)
			}
		})
	}
}

func TestPlanRefusesRev4(t *testing.T) {
	data := exampleData(t, func(s string) string {
		return strings.Replace(s, "schema_version: 1\n", "schema_version: 1\nrevision: 4\n", 1)
	})
	_, err := build.Plan("in.yaml", data, "out.xlsx", build.Options{FailOn: crm.Error})
	var refusal *build.Refusal
	if err == nil || errors.As(err, &refusal) || !strings.Contains(err.Error(), "Rev 4") {
		t.Errorf("err = %v, want the Rev 4 error", err)
	}
}

func TestReady(t *testing.T) {
	for _, tc := range []struct {
		name   string
		edit   func(string) string
		force  bool
		refuse string
	}{
		{name: "finished"},
		{name: "todo", edit: todoAC, refuse: "rows still marked todo"},
		{name: "todo forced", edit: todoAC, force: true},
		{name: "not the schema", edit: func(s string) string { return strings.Replace(s, "schema_version: 1", "schema_version: one", 1) },
			force: true, refuse: "does not follow the input schema"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := validate.Bytes("in.yaml", exampleData(t, tc.edit))
			if err != nil {
				t.Fatal(err)
			}
			r := build.Ready(res, tc.force)
			if (r != nil) != (tc.refuse != "") || r != nil && !strings.Contains(r.Reason, tc.refuse) {
				t.Errorf("Ready = %v, want a refusal saying %q", r, tc.refuse)
			}
		})
	}
}
