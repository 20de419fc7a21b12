package oscal_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/build"
	"github.com/crm-tool/crm/crm/inputdoc"
	"github.com/crm-tool/crm/crm/oscal"
	"github.com/crm-tool/crm/crm/validate"
)

const repo = "../.."

var shared = filepath.Join(repo, "..", "shared", "data")

// inputs are every example: the service models and the leveraged chain.
var inputs = []string{
	"testdata/examples/saas-moderate.yaml", "testdata/examples/iaas-high.yaml", "testdata/examples/paas-low.yaml",
	"testdata/examples/saas-li-saas.yaml", "testdata/chain/iaas.yaml", "testdata/chain/paas.yaml", "testdata/chain/saas.yaml",
	"testdata/notes/every-note.yaml",
}

func load(t *testing.T, name string) *validate.Result {
	t.Helper()
	res, err := validate.File(filepath.Join(repo, name), "")
	if err != nil || res.Doc == nil {
		t.Fatalf("%s: %v", name, err)
	}
	return res
}

func exportJSON(t *testing.T, res *validate.Result) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := oscal.WriteJSON(&buf, oscal.Export(res.Doc, res.Rows, build.OSCALLinks(res))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func decodeAny(t *testing.T, raw []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestExportMatchesNISTSchema validates every export against NIST's OSCAL
// 1.1.2 complete JSON schema.
func TestExportMatchesNISTSchema(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(shared, "oscal", "oscal_complete_schema-1-1-2.json"))
	if err != nil {
		t.Skip("../shared/data/oscal is not present")
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("https://crm.invalid/oscal-1.1.2.json", bytes.NewReader(raw)); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("https://crm.invalid/oscal-1.1.2.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range inputs {
		if err := schema.Validate(decodeAny(t, exportJSON(t, load(t, name)))); err != nil {
			t.Errorf("%s: the SSP does not match the OSCAL 1.1.2 schema: %#v", name, err)
		}
	}
}

// TestExportUsesFedRAMPValues checks FedRAMP-namespaced properties against
// FedRAMP's registry of allowed values.
func TestExportUsesFedRAMPValues(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(shared, "fedramp_values.json"))
	if err != nil {
		t.Skip("../shared/data is not present")
	}
	// The registry is XML turned into JSON: a one-value enum is an object,
	// not a list, and some values are numbers.
	var reg struct {
		Values struct {
			Sets []struct {
				Name    string `json:"name"`
				Allowed struct {
					Enum json.RawMessage `json:"enum"`
				} `json:"allowed-values"`
			} `json:"value-set"`
		} `json:"fedramp-values"`
	}
	if err := json.Unmarshal(raw, &reg); err != nil {
		t.Fatal(err)
	}
	type entry struct {
		Value any `json:"value"`
	}
	allowed := map[string][]string{}
	for _, s := range reg.Values.Sets {
		var many []entry
		if err := json.Unmarshal(s.Allowed.Enum, &many); err != nil {
			var one entry
			if json.Unmarshal(s.Allowed.Enum, &one) == nil {
				many = []entry{one}
			}
		}
		for _, e := range many {
			allowed[s.Name] = append(allowed[s.Name], fmt.Sprint(e.Value))
		}
	}
	if len(allowed["control-origination"]) != 5 || len(allowed["control-implementation-status"]) != 5 {
		t.Fatalf("registry not read: %v", allowed)
	}
	setOf := map[string]string{
		"control-origination": "control-origination", "implementation-status": "control-implementation-status",
		"authorization-type": "authorization-type", "cloud-service-model": "service-model", "cloud-deployment-model": "deployment-model",
	}
	for _, name := range inputs {
		var walk func(v any)
		walk = func(v any) {
			switch x := v.(type) {
			case map[string]any:
				if x["ns"] == oscal.FedRAMPNS {
					prop, _ := x["name"].(string)
					value, _ := x["value"].(string)
					if set, ok := setOf[prop]; ok && !slices.Contains(allowed[set], value) {
						t.Errorf("%s: %s %q is not one of FedRAMP's %v", name, prop, value, allowed[set])
					}
					if prop == "impact-level" && !strings.HasPrefix(value, "fips-199-") {
						t.Errorf("%s: impact-level %q", name, value)
					}
				}
				for _, c := range x {
					walk(c)
				}
			case []any:
				for _, c := range x {
					walk(c)
				}
			}
		}
		walk(decodeAny(t, exportJSON(t, load(t, name))))
	}
}

// TestRoundTrip: input → OSCAL → input keeps every row's answer,
// origination, status, texts, dates and leveraged authorization, in JSON
// and in YAML.
func TestRoundTrip(t *testing.T) {
	for _, name := range inputs {
		src := load(t, name)
		for _, format := range []string{"json", "yaml"} {
			t.Run(name+"/"+format, func(t *testing.T) {
				var buf bytes.Buffer
				write := oscal.WriteJSON
				if format == "yaml" {
					write = oscal.WriteYAML
				}
				if err := write(&buf, oscal.Export(src.Doc, src.Rows, oscal.Links{})); err != nil {
					t.Fatal(err)
				}
				ssp, err := oscal.Decode("ssp."+format, buf.Bytes())
				if err != nil {
					t.Fatal(err)
				}
				doc, notes := oscal.Import(&ssp.SSP)
				if len(notes) > 0 {
					t.Errorf("notes: %q", notes)
				}
				var yaml bytes.Buffer
				if err := inputdoc.Write(&yaml, doc, inputdoc.Options{}); err != nil {
					t.Fatal(err)
				}
				// Beside the original, so that leveraged CRMs resolve.
				back, err := validate.Bytes(filepath.Join(repo, filepath.Dir(name), "roundtrip.yaml"), yaml.Bytes())
				if err != nil || back.Doc == nil {
					t.Fatalf("imported document: %v %+v", err, back.Findings)
				}
				if d := cmp.Diff(src.Doc.System, back.Doc.System); d != "" {
					t.Errorf("system (-exported +imported):\n%s", d)
				}
				if d := cmp.Diff(src.Doc.Leveraged, back.Doc.Leveraged); d != "" {
					t.Errorf("leveraged (-exported +imported):\n%s", d)
				}
				if d := cmp.Diff(src.Doc.Services, back.Doc.Services); d != "" {
					t.Errorf("services (-exported +imported):\n%s", d)
				}
				for i := range src.Rows {
					a, b := &src.Rows[i], &back.Rows[i]
					want := []any{a.ID, a.Answer, a.AnswerStated, []crm.Origination(a.Origination), []crm.Status(a.Status), a.Customer, a.Services, a.Provider, a.Explanation, a.PlannedDate, a.Leveraged, a.IsTodo()}
					got := []any{b.ID, b.Answer, b.AnswerStated, []crm.Origination(b.Origination), []crm.Status(b.Status), b.Customer, b.Services, b.Provider, b.Explanation, b.PlannedDate, b.Leveraged, b.IsTodo()}
					if d := cmp.Diff(want, got, cmpOpts...); d != "" {
						t.Fatalf("%s (-exported +imported):\n%s", a.ID, d)
					}
				}
			})
		}
	}
}

var cmpOpts = []cmp.Option{cmp.Transformer("emptyMap", func(m map[string]string) map[string]string {
	if len(m) == 0 {
		return nil
	}
	return m
})}

// TestUUIDsAreStable: the same input gives the same UUIDs, and editing one
// row changes no UUID and only that row's statement.
func TestUUIDsAreStable(t *testing.T) {
	src := load(t, "testdata/examples/paas-low.yaml")
	a := exportJSON(t, src)
	if b := exportJSON(t, src); !bytes.Equal(a, b) {
		t.Fatal("two exports of one input differ")
	}
	for i := range src.Rows {
		if src.Rows[i].ID.String() == "AC-2(a)" {
			src.Rows[i].Customer = "A new duty."
		}
	}
	b := exportJSON(t, src)
	var before, after oscal.Document
	if err := json.Unmarshal(a, &before); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &after); err != nil {
		t.Fatal(err)
	}
	changed := 0
	for i, ir := range before.SSP.ControlImplementation.ImplementedRequirements {
		for j, st := range ir.Statements {
			st2 := after.SSP.ControlImplementation.ImplementedRequirements[i].Statements[j]
			if st.UUID != st2.UUID {
				t.Fatalf("%s changed UUID", st.StatementID)
			}
			if !cmp.Equal(st, st2) {
				changed++
				if st.StatementID != "ac-2_smt.a" {
					t.Errorf("%s changed", st.StatementID)
				}
			}
		}
	}
	if changed != 1 {
		t.Errorf("%d statements changed, want 1", changed)
	}
}

// TestImportOtherTools reads an SSP written the way FedRAMP's examples put
// it: origination and status on the implemented requirement, the old
// namespace, no crm properties.
func TestImportOtherTools(t *testing.T) {
	const ssp = `{"system-security-plan": {"uuid": "11111111-1111-4111-8111-111111111111",
	 "metadata": {"title": "t", "last-modified": "2024-01-01T00:00:00Z", "version": "1", "oscal-version": "1.1.2",
	   "parties": [{"uuid": "22222222-2222-4222-8222-222222222222", "type": "organization", "name": "Other CSP"}]},
	 "import-profile": {"href": "https://example.invalid/FedRAMP_rev5_HIGH-baseline_profile.json"},
	 "system-characteristics": {"system-ids": [{"identifier-type": "https://fedramp.gov", "id": "F123"}], "system-name": "Other",
	   "description": "d", "system-information": {"information-types": [{"title": "t", "description": "d"}]},
	   "status": {"state": "operational"}, "authorization-boundary": {"description": "b"}},
	 "system-implementation": {"users": [{"uuid": "33333333-3333-4333-8333-333333333333"}],
	   "components": [{"uuid": "44444444-4444-4444-8444-444444444444", "type": "this-system", "title": "t", "description": "d", "status": {"state": "operational"}}]},
	 "control-implementation": {"description": "d", "implemented-requirements": [
	   {"uuid": "55555555-5555-4555-8555-555555555555", "control-id": "ac-2",
	    "props": [{"name": "control-origination", "ns": "http://fedramp.gov/ns/oscal", "value": "sp-corporate"},
	              {"name": "control-origination", "ns": "http://fedramp.gov/ns/oscal", "value": "sp-system"},
	              {"name": "implementation-status", "ns": "http://fedramp.gov/ns/oscal", "value": "implemented"}],
	    "statements": [{"statement-id": "ac-2_smt.a", "uuid": "66666666-6666-4666-8666-666666666666",
	      "by-components": [{"component-uuid": "44444444-4444-4444-8444-444444444444", "uuid": "77777777-7777-4777-8777-777777777777",
	        "description": "We manage accounts.", "export": {"provided": [{"uuid": "88888888-8888-4888-8888-888888888888", "description": "p"}],
	        "responsibilities": [{"uuid": "99999999-9999-4999-8999-999999999999", "description": "Customers approve accounts."}]}}]}]}]}}}`
	doc, err := oscal.Decode("other.json", []byte(ssp))
	if err != nil {
		t.Fatal(err)
	}
	got, _ := oscal.Import(&doc.SSP)
	if got.System.Baseline != "high" || got.System.CSP != "Other CSP" || got.System.FedRAMPID != "F123" {
		t.Errorf("system %+v", got.System)
	}
	e := got.Controls["AC-2(a)"]
	want := crm.Entry{Origination: []crm.Origination{crm.SPHybrid}, Status: []crm.Status{crm.Implemented},
		Answer: crm.AnswerPartial, Provider: "We manage accounts.", Customer: "Customers approve accounts."}
	if d := cmp.Diff(want, e); d != "" {
		t.Errorf("AC-2(a) (-want +got):\n%s", d)
	}
}

// TestExportDoesNotPresentWhatIsNotInPlace: a planned row is offered with
// its status first, never as plainly provided, and a not-applicable row
// provides nothing.
func TestExportDoesNotPresentWhatIsNotInPlace(t *testing.T) {
	doc := oscal.Export(load(t, "testdata/notes/every-note.yaml").Doc, load(t, "testdata/notes/every-note.yaml").Rows, oscal.Links{})
	byStatement := map[string]oscal.ByComponent{}
	for _, ir := range doc.SSP.ControlImplementation.ImplementedRequirements {
		for _, st := range ir.Statements {
			byStatement[st.StatementID] = st.ByComponents[0]
		}
	}
	planned := byStatement["au-11_smt"]
	if planned.ImplementationStatus == nil || planned.ImplementationStatus.State != "planned" {
		t.Errorf("AU-11 status %+v", planned.ImplementationStatus)
	}
	if planned.Export == nil || len(planned.Export.Provided) != 1 || !strings.HasPrefix(planned.Export.Provided[0].Description, "Not yet in place at the provider: planned, expected by 2027-03-31.") {
		t.Errorf("AU-11 export %+v", planned.Export)
	}
	if na := byStatement["ac-14_smt.a"]; na.Export != nil && len(na.Export.Provided) > 0 {
		t.Errorf("AC-14(a), not applicable, is provided: %+v", na.Export.Provided)
	}
	if ok := byStatement["ac-3_smt"]; ok.Export == nil || len(ok.Export.Provided) != 1 || strings.Contains(ok.Export.Provided[0].Description, "Not yet") {
		t.Errorf("AC-3, implemented, export %+v", ok.Export)
	}
}

// risky is an input whose values YAML 1.1 readers take for other types when
// they are written plain: yes/no/on/off, numbers, a date.
const risky = `schema_version: 1
system: {csp: "yes", name: "on", baseline: low, service_models: [paas], version: "1.10", date: 2026-01-01}
services: [{id: "no", name: "off"}, {id: "123", name: "1e3"}]
leveraged: [{id: "y", name: "null", fedramp_id: "0x1F", type: fedramp-jab, impact: high}]
defaults:
  - {families: [AC, AT, AU, CA, CM, CP, IA, IR, MA, MP, PE, PL, PS, RA, SA, SC, SI, SR], origination: sp-system, status: implemented}
controls:
  PE-3: {origination: inherited, leveraged: "y"}
  AC-2(a): {origination: [sp-system, customer-configured], customer: "true", services: {"no": "false", "123": "~"}}
`

// TestYAMLReadsTheSameInPyYAML loads crm's YAML outputs with PyYAML, a YAML
// 1.1 reader, and wants exactly the values the JSON form holds.
func TestYAMLReadsTheSameInPyYAML(t *testing.T) {
	if _, err := exec.LookPath("/usr/bin/python3"); err != nil {
		t.Skip("no /usr/bin/python3")
	}
	if err := exec.Command("/usr/bin/python3", "-c", "import yaml").Run(); err != nil {
		t.Skip("PyYAML is not installed (Debian: python3-yaml)")
	}
	res, err := validate.Bytes("risky.yaml", []byte(risky))
	if err != nil || res.Doc == nil {
		t.Fatalf("%v %+v", err, res.Findings)
	}
	ssp := oscal.Export(res.Doc, res.Rows, oscal.Links{})
	var sspYAML, sspJSON, docYAML bytes.Buffer
	if err := oscal.WriteYAML(&sspYAML, ssp); err != nil {
		t.Fatal(err)
	}
	if err := oscal.WriteJSON(&sspJSON, ssp); err != nil {
		t.Fatal(err)
	}
	if err := inputdoc.Write(&docYAML, res.Doc, inputdoc.Options{}); err != nil {
		t.Fatal(err)
	}
	docJSON, err := json.Marshal(res.Doc)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, pair := range map[string][2][]byte{"ssp": {sspYAML.Bytes(), sspJSON.Bytes()}, "input": {docYAML.Bytes(), docJSON}} {
		y, j := filepath.Join(dir, name+".yaml"), filepath.Join(dir, name+".json")
		if err := os.WriteFile(y, pair[0], 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(j, pair[1], 0o644); err != nil {
			t.Fatal(err)
		}
		script := "import json,sys,yaml\na=yaml.safe_load(open(sys.argv[1]))\nb=json.load(open(sys.argv[2]))\nsys.exit(0 if a==b else 1)"
		if out, err := exec.Command("/usr/bin/python3", "-c", script, y, j).CombinedOutput(); err != nil {
			t.Errorf("%s: PyYAML reads other values than the JSON holds (%v)\n%s", name, err, out)
		}
	}
}

// TestLinksToUpstreamCRMs: a leveraging system's SSP names its leveraged
// system's own export: each inherited entry its provided UUID, each duty
// the system meets (OSCAL satisfied) its responsibility UUID, all of them
// UUIDs that the leveraged CRM's own export has.
func TestLinksToUpstreamCRMs(t *testing.T) {
	var saas, paas oscal.Document
	if err := json.Unmarshal(exportJSON(t, load(t, "testdata/chain/saas.yaml")), &saas); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(exportJSON(t, load(t, "testdata/chain/paas.yaml")), &paas); err != nil {
		t.Fatal(err)
	}
	provided, responsibilities := map[string]bool{}, map[string]bool{}
	for _, ir := range paas.SSP.ControlImplementation.ImplementedRequirements {
		for _, st := range ir.Statements {
			for _, bc := range st.ByComponents {
				if bc.Export == nil {
					continue
				}
				for _, p := range bc.Export.Provided {
					provided[p.UUID] = true
				}
				for _, r := range bc.Export.Responsibilities {
					responsibilities[r.UUID] = true
				}
			}
		}
	}
	var inherited, satisfied int
	for _, ir := range saas.SSP.ControlImplementation.ImplementedRequirements {
		for _, st := range ir.Statements {
			for _, bc := range st.ByComponents {
				for _, in := range bc.Inherited {
					if in.ProvidedUUID != "" {
						inherited++
						if !provided[in.ProvidedUUID] {
							t.Errorf("%s: inherited names provided %s, which the PaaS export lacks", st.StatementID, in.ProvidedUUID)
						}
					}
				}
				for _, s := range bc.Satisfied {
					satisfied++
					if !responsibilities[s.ResponsibilityUUID] || s.Description == "" {
						t.Errorf("%s: satisfied names responsibility %s, which the PaaS export lacks", st.StatementID, s.ResponsibilityUUID)
					}
				}
			}
		}
	}
	if inherited == 0 || satisfied == 0 {
		t.Errorf("%d inherited entries with a provided UUID, %d satisfied entries: want some of each", inherited, satisfied)
	}
}
