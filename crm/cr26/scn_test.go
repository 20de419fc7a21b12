package cr26_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/crm-tool/crm/crm/cr26"
	"github.com/crm-tool/crm/crm/diff"
	"github.com/crm-tool/crm/crm/report"
	"github.com/crm-tool/crm/crm/schemacheck"
	"github.com/crm-tool/crm/internal/golden"
)

func side(t *testing.T, name string) *diff.Side {
	t.Helper()
	res := resolved(t, name)
	res.Doc.System.PackageOverviewURI = "https://example.com/cpo.json"
	return &diff.Side{Name: name, Doc: res.Doc, Rows: res.Rows}
}

func scnJSON(t *testing.T, old, new *diff.Side, o cr26.SCNOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	c := report.Comparison{Result: diff.Compare(old, new, diff.Options{}), New: new, SCN: o}
	if err := report.DiffFormats.Write(&buf, "scn", c); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestSCNGolden keeps the notification of the diff fixtures' two versions,
// whose changes move responsibility both ways, and checks it against
// FedRAMP's schema and the intended shape.
func TestSCNGolden(t *testing.T) {
	raw := scnJSON(t, side(t, "diff/v1.yaml"), side(t, "diff/v2.yaml"), cr26.SCNOptions{})
	golden.Check(t, repo, "scn-v1-v2.json", raw)
	schema, err := schemacheck.SCN()
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	if ps, err := schema.Problems(v); err != nil || len(ps) > 0 {
		t.Errorf("%v %v", err, schemacheck.Lines(ps))
	}
	if err := cr26.CheckSCN(raw); err != nil {
		t.Error(err)
	}
	var n cr26.SCN
	if err := json.Unmarshal(raw, &n); err != nil {
		t.Fatal(err)
	}
	if n.ChangeType != cr26.Transformative || !strings.Contains(n.CustomerImpact, "What customers must now do that they did not: ") {
		t.Errorf("a shift toward customers: %s, %q", n.ChangeType, n.CustomerImpact)
	}
}

// TestSCNWithoutShiftsIsAdaptive: a version that only rewords what
// customers do moves no responsibility toward them.
func TestSCNWithoutShiftsIsAdaptive(t *testing.T) {
	v2 := side(t, "diff/v2.yaml")
	var n cr26.SCN
	if err := json.Unmarshal(scnJSON(t, v2, v2, cr26.SCNOptions{}), &n); err != nil {
		t.Fatal(err)
	}
	if n.ChangeType != cr26.Adaptive || n.CustomerImpact != "No change to what customers must do." || len(n.ImpactedControls) != 0 {
		t.Errorf("no change: %+v", n)
	}
	o := cr26.SCNOptions{ChangeType: cr26.Transformative, Reason: "new region", Plan: &cr26.Plan{Summary: "in May", PlannedStart: "2027-05-01"}}
	if err := json.Unmarshal(scnJSON(t, v2, v2, o), &n); err != nil {
		t.Fatal(err)
	}
	if n.ChangeType != cr26.Transformative || n.ChangeTypeExplanation != "Chosen by the provider." || n.Reason != "new region" || n.PlanAndTimeline.PlannedStart != "2027-05-01" {
		t.Errorf("the provider's choices: %+v", n)
	}
}

func TestCheckSCNRefusesOtherShapes(t *testing.T) {
	ok := `{"certificationPackageOverviewUri":"https://x.example/cpo","changeType":"Adaptive","changeDescription":"d"}`
	if err := cr26.CheckSCN([]byte(ok)); err != nil {
		t.Fatalf("a good SCN: %v", err)
	}
	for name, doc := range map[string]string{
		"unknown field":    strings.Replace(ok, `"changeType"`, `"ChangeType":"Adaptive","changeType"`, 1),
		"bad type":         strings.Replace(ok, `"Adaptive"`, `"Minor"`, 1),
		"plan, no summary": strings.Replace(ok, `"changeDescription":"d"`, `"changeDescription":"d","planAndTimeline":{"plannedStart":"2027-01-01"}`, 1),
		"no description":   strings.Replace(ok, `"changeDescription":"d"`, `"changeDescription":""`, 1),
	} {
		if err := cr26.CheckSCN([]byte(doc)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
