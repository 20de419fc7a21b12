package validate

import (
	"strings"
	"testing"

	"github.com/crm-tool/crm/crm/controlid"
	"github.com/google/go-cmp/cmp"
)

func TestServiceModelDefaults(t *testing.T) {
	rows := []string{"PE-3(a)", "CM-6(a)", "SA-11(a)", "SC-28", "AC-2(a)", "AC-1(a)", "AT-2(a)"}
	// CM-6 and AT-2 are on FedRAMP's draft list of agency-responsible
	// controls: never Yes (the template's own example of Shared is
	// security awareness training).
	want := map[string][]string{
		"iaas": {"Yes", "No", "No", "No", "Partial", "No", "Partial"},
		"paas": {"Yes", "Partial", "No", "Partial", "Partial", "No", "Partial"},
		"saas": {"Yes", "Partial", "Yes", "Partial", "Partial", "No", "Partial"},
	}
	for model, answers := range want {
		t.Run(model, func(t *testing.T) {
			in := "schema_version: 1\nsystem: {csp: Acme, name: Acme Test, baseline: moderate}\ndefaults:\n  - service_model: " + model + "\n  - {families: [AC, AT, AU, CA, CM, CP, IA, IR, MA, MP, PE, PL, PS, RA, SA, SC, SI, SR], status: implemented}\n"
			res, err := Bytes("in.yaml", []byte(in))
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Findings) != 0 {
				t.Fatalf("findings: %+v", res.Findings)
			}
			set := res.Rows
			var got []string
			for _, id := range rows {
				for _, r := range set {
					if r.ID == controlid.MustParse(id) {
						got = append(got, r.Answer.Label())
						if r.AnswerFrom.Pointer != "/defaults/0" {
							t.Errorf("%s answered from %q", id, r.AnswerFrom.Pointer)
						}
					}
				}
			}
			if d := cmp.Diff(answers, got); d != "" {
				t.Errorf("answers for %v (-want +got):\n%s", rows, d)
			}
		})
	}
}

func TestServiceModelDefaultTakesNoFields(t *testing.T) {
	in := validLow + "  - {service_model: saas, status: implemented}\n  - {service_model: saas, families: [AC]}\n"
	res, err := Bytes("in.yaml", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, f := range res.Findings {
		msgs = append(msgs, f.Pointer+": "+f.Message)
	}
	got := strings.Join(msgs, "\n")
	for _, want := range []string{"/defaults/1: a service_model default takes no other fields", "/defaults/2: a service_model default takes no other fields"} {
		if !strings.Contains(got, want) {
			t.Errorf("findings lack %q:\n%s", want, got)
		}
	}
}

// TestServiceModelDefaultsLeaveNSORows: on LI-SaaS a service_model default
// gives rows tailored NSO no answer (they need none), and no finding asks
// for one.
func TestServiceModelDefaultsLeaveNSORows(t *testing.T) {
	in := "schema_version: 1\nsystem: {csp: Acme, name: Acme Test, baseline: li-saas, service_models: [saas]}\nleveraged: [{id: up, name: Up, fedramp_id: F1, type: fedramp-jab, impact: moderate}]\ndefaults:\n  - service_model: saas\n  - {families: [AC, AT, AU, CA, CM, CP, IA, IR, MA, MP, PE, PL, PS, RA, SA, SC, SI, SR], status: implemented}\n"
	res, err := Bytes("in.yaml", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		t.Errorf("finding %s: %s", f.Rule, f.Message)
	}
	for _, r := range res.Rows {
		if r.ID == controlid.MustParse("AC-7(a)") && (r.Answer != "" || len(r.Origination) > 0) {
			t.Errorf("AC-7(a), tailored NSO: %q %v", r.Answer, r.Origination)
		}
	}
}
