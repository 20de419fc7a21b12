package validate

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/schemacheck"
	"github.com/crm-tool/crm/crm/source"
	"github.com/crm-tool/crm/schemas"
)

// TestDistinctEntriesFindTheSame checks that checking distinct entries
// first changes no schema problem, on every fixture and on documents whose
// repeated entries pass or fail.
func TestDistinctEntriesFindTheSame(t *testing.T) {
	schema, err := schemacheck.Input()
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string][]byte{
		"repeated-valid.json": []byte(`{"schema_version": 1, "system": {"csp": "A", "name": "B", "baseline": "low"},
			"controls": {"AC-1": {"answer": "yes"}, "AC-2": {"answer": "yes"}, "AC-3": {"answer": "no", "customer": "Customers do it."}}}`),
		"repeated-invalid.json": []byte(`{"schema_version": 1, "system": {"csp": "A", "name": "B", "baseline": "low"},
			"controls": {"AC-1": {"answer": "maybe"}, "AC-2": {"answer": "maybe"}, "AC-3": {"answer": "yes"}, "AC-4": {"answer": "yes"}}}`),
		"repeated-then-other-fails.json": []byte(`{"schema_version": 1, "system": {"csp": "", "name": "B", "baseline": "low"},
			"controls": {"AC-1": {"status": ["planned", "planned"]}, "AC-2": {"status": ["planned", "planned"]}, "AC-3": {"origination": 7}}}`),
	}
	for _, dir := range []string{filepath.Join(repo, "testdata", "input", "invalid"), filepath.Join(repo, "testdata", "examples")} {
		names, err := filepath.Glob(filepath.Join(dir, "*.*"))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range names {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			docs[name] = data
		}
	}
	for name, data := range docs {
		src, err := source.Decode(name, data)
		if err != nil {
			continue // the syntax fixture
		}
		want, err := schema.Problems(src.Value)
		if err != nil {
			t.Fatal(err)
		}
		got, err := inputProblems(schema, src.Value)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(want, got, cmp.AllowUnexported(schemacheck.Problem{})); d != "" {
			t.Errorf("%s: problems differ (-all entries +distinct first):\n%s", name, d)
		}
	}
}

// TestDocumentProblemsFindTheSame: a typed document (an imported workbook)
// checked distinct entries first has the problems of the whole document as
// JSON, whether its repeated entries pass or fail.
func TestDocumentProblemsFindTheSame(t *testing.T) {
	schema, err := schemacheck.Input()
	if err != nil {
		t.Fatal(err)
	}
	sys := crm.System{CSP: "A", Name: "B", Baseline: "low"}
	docs := map[string]*crm.Document{
		"repeated valid": {SchemaVersion: 1, System: sys, Controls: map[string]crm.Entry{
			"AC-1": {Answer: crm.AnswerYes}, "AC-2": {Answer: crm.AnswerYes}, "AC-3": {Answer: crm.AnswerNo, Customer: "Customers do it."}}},
		"repeated invalid": {SchemaVersion: 1, System: sys, Controls: map[string]crm.Entry{
			"AC-1": {Answer: "maybe"}, "AC-2": {Answer: "maybe"}, "AC-3": {Answer: crm.AnswerYes}, "AC-4": {Answer: crm.AnswerYes}}},
		"distinct invalid": {SchemaVersion: 1, System: sys, Controls: map[string]crm.Entry{
			"AC-1": {Status: []crm.Status{"bogus"}}, "AC-2": {PlannedDate: "soon"}}},
		"invalid outside the controls": {SchemaVersion: 1, System: crm.System{Name: "B", Baseline: "low"}, Controls: map[string]crm.Entry{
			"AC-1": {Answer: crm.AnswerYes}, "AC-2": {Answer: crm.AnswerYes}}},
	}
	for name, doc := range docs {
		v, err := jsonValue(doc)
		if err != nil {
			t.Fatal(err)
		}
		want, err := schema.Problems(v)
		if err != nil {
			t.Fatal(err)
		}
		if name != "repeated valid" && len(want) == 0 {
			t.Fatalf("%s: the schema finds nothing; the case tests nothing", name)
		}
		got, err := documentProblems(schema, doc)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(want, got, cmp.AllowUnexported(schemacheck.Problem{})); d != "" {
			t.Errorf("%s: problems differ (-whole document +distinct first):\n%s", name, d)
		}
	}
}

// TestControlsAreCheckedOneByOne holds the input schema to what checking
// distinct entries first relies on: "controls" constrains each entry alone,
// not how many there are or how they relate.
func TestControlsAreCheckedOneByOne(t *testing.T) {
	raw, err := schemas.FS.ReadFile(schemas.Input)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Properties struct {
			Controls map[string]json.RawMessage `json:"controls"`
		} `json:"properties"`
	}
	var root map[string]json.RawMessage
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &root); err != nil {
		t.Fatal(err)
	}
	for keyword := range root {
		switch keyword {
		case "$schema", "$id", "$defs", "title", "description", "type", "required", "additionalProperties", "properties":
		default:
			t.Errorf("the schema's root has %q, which may look at the controls as a whole", keyword)
		}
	}
	for keyword := range doc.Properties.Controls {
		switch keyword {
		case "description", "type", "additionalProperties":
		default:
			t.Errorf("controls has %q: distinctControls may no longer check the same document", keyword)
		}
	}
	if len(doc.Properties.Controls) == 0 {
		t.Error("the schema has no controls property")
	}
}

func TestDistinctControls(t *testing.T) {
	tests := []struct {
		name    string
		doc     string
		kept    int
		reduces bool
	}{
		{"repeats", `{"controls": {"A": {"x": [1, "a"]}, "B": {"x": [1, "a"]}, "C": {"x": [1, "b"]}}}`, 2, true},
		{"key order does not matter", `{"controls": {"A": {"x": 1, "y": 2}, "B": {"y": 2, "x": 1}}}`, 1, true},
		{"numbers are compared as written", `{"controls": {"A": {"x": 1}, "B": {"x": 1.0}}}`, 0, false},
		{"nothing repeats", `{"controls": {"A": {"x": true}, "B": {"x": false}, "C": {"x": null}}}`, 0, false},
		{"no controls", `{"system": {}}`, 0, false},
		{"not a document", `[1, 2]`, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v any
			dec := json.NewDecoder(strings.NewReader(tt.doc))
			dec.UseNumber()
			if err := dec.Decode(&v); err != nil {
				t.Fatal(err)
			}
			slim, ok := distinctControls(v)
			if ok != tt.reduces {
				t.Fatalf("reduced = %v, want %v", ok, tt.reduces)
			}
			if ok {
				if got := len(slim.(map[string]any)["controls"].(map[string]any)); got != tt.kept {
					t.Errorf("kept %d entries, want %d", got, tt.kept)
				}
			}
		})
	}
}
