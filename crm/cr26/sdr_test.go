package cr26_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/cr26"
	"github.com/crm-tool/crm/crm/report"
	"github.com/crm-tool/crm/crm/schemacheck"
	"github.com/crm-tool/crm/crm/validate"
	"github.com/crm-tool/crm/internal/golden"
)

const repo = "../.."

func resolved(t *testing.T, name string) *validate.Result {
	t.Helper()
	res, err := validate.File(filepath.Join(repo, "testdata", name), "")
	if err != nil || res.Doc == nil {
		t.Fatalf("%s: %v", name, err)
	}
	return res
}

func sdrJSON(t *testing.T, res *validate.Result) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := report.ExportFormats.Write(&buf, "sdr", report.Export{Doc: res.Doc, Rows: res.Rows}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestSDRGolden keeps the SDR of the PaaS example, which has parameter
// values, a planned row, a leveraged IaaS and customer duties.
func TestSDRGolden(t *testing.T) {
	golden.Check(t, repo, "sdr-paas-low.json", sdrJSON(t, resolved(t, "examples/paas-low.yaml")))
}

// TestSDRFollowsFedRAMPSchema validates the SDR of inputs of every kind
// against FedRAMP's schema (the embedded copy, which the schemas package's
// tests hold equal to ../shared/data/fedramp-cr26) and the intended shape.
func TestSDRFollowsFedRAMPSchema(t *testing.T) {
	schema, err := schemacheck.SDR()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"examples/paas-low.yaml", "examples/saas-moderate.yaml", "notes/every-note.yaml", "chain/saas.yaml"} {
		res := resolved(t, name)
		res.Doc.System.PackageOverviewURI = "https://example.com/cpo.json"
		raw := sdrJSON(t, res)
		var v any
		if err := json.Unmarshal(raw, &v); err != nil {
			t.Fatal(err)
		}
		if ps, err := schema.Problems(v); err != nil || len(ps) > 0 {
			t.Errorf("%s: %v %v", name, err, schemacheck.Lines(ps))
		}
		if err := cr26.CheckSDR(raw); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestCheckSDRRefusesOtherShapes: the intended-shape check refuses what the
// draft's schema lets pass.
func TestCheckSDRRefusesOtherShapes(t *testing.T) {
	ok := `{"certificationPackageOverviewUri":"https://x.example/cpo","securityControls":[{"controlId":"AC-1","controlImplementationStatus":"Implemented","controlImplementationDescription":"d"}],"fedRampRequirements":[]}`
	if err := cr26.CheckSDR([]byte(ok)); err != nil {
		t.Fatalf("a good SDR: %v", err)
	}
	for name, doc := range map[string]string{
		"unknown field":  strings.Replace(ok, `"controlId"`, `"controlID":"AC-1","controlId"`, 1),
		"no description": strings.Replace(ok, `"controlImplementationDescription":"d"`, `"controlImplementationDescription":""`, 1),
		"bad status":     strings.Replace(ok, `"Implemented"`, `"Planned"`, 1),
		"no control id":  strings.Replace(ok, `"controlId":"AC-1"`, `"controlId":""`, 1),
	} {
		if err := cr26.CheckSDR([]byte(doc)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestStatus(t *testing.T) {
	row := func(st ...crm.Status) crm.Row { return crm.Row{Fields: crm.Fields{Status: st}} }
	for _, tc := range []struct {
		rows []crm.Row
		want string
	}{
		{[]crm.Row{row(crm.Implemented), row(crm.Alternative)}, cr26.StatusImplemented},
		{[]crm.Row{row(crm.Implemented), row(crm.Planned)}, cr26.StatusPartlyImplemented},
		{[]crm.Row{row(crm.Partial, crm.Planned)}, cr26.StatusPartlyImplemented},
		{[]crm.Row{row(crm.Planned)}, cr26.StatusNotImplemented},
		{[]crm.Row{row(crm.NotApplicable)}, cr26.StatusNotImplemented},
		{[]crm.Row{row()}, cr26.StatusNotImplemented},
		{[]crm.Row{row(crm.Implemented), row(crm.NotApplicable)}, cr26.StatusPartlyImplemented},
	} {
		if got := cr26.Status(tc.rows); got != tc.want {
			t.Errorf("%v: %s, want %s", tc.rows, got, tc.want)
		}
	}
}

// TestSDRCarriesTheResponsibilityModel: the description says, part by part,
// what the provider does, what is inherited from whom and what customers
// must do, and the precise status the enum cannot hold.
func TestSDRCarriesTheResponsibilityModel(t *testing.T) {
	res := resolved(t, "examples/paas-low.yaml")
	var sdr cr26.SDR
	if err := json.Unmarshal(sdrJSON(t, res), &sdr); err != nil {
		t.Fatal(err)
	}
	by := map[string]cr26.SecurityControl{}
	for _, c := range sdr.SecurityControls {
		by[c.ControlID] = c
	}
	if len(sdr.SecurityControls) != len(crm.RollUpAll(res.Rows)) {
		t.Errorf("%d controls, want every control of the baseline", len(sdr.SecurityControls))
	}
	for _, tc := range []struct{ control, want string }{
		{"PE-3", "Inherited from Northwind Compute, FedRAMP FR2209876543."},
		{"AC-2", "Customers (Can Be Inherited from CSP: Partial): Customers manage the developer"},
		{"CP-9", "Control origination: Service Provider System Specific; Configured by Customer"},
		{"AC-1", "Customers (Can Be Inherited from CSP: No): The customer keeps its own policy"},
	} {
		if !strings.Contains(by[tc.control].Description, tc.want) {
			t.Errorf("%s does not say %q:\n%s", tc.control, tc.want, by[tc.control].Description)
		}
	}
	if pv := by["AC-1"].ParameterValues; len(pv) != 3 || pv[0].ParameterID != "ac-01_odp.01" {
		t.Errorf("AC-1's parameter values: %+v", pv)
	}
	if len(sdr.LeveragedServices) != 1 || sdr.LeveragedServices[0].FedRAMPID != "FR2209876543" {
		t.Errorf("leveraged services: %+v", sdr.LeveragedServices)
	}
}
