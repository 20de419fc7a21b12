package validate

import (
	"strings"
	"testing"

	"github.com/crm-tool/crm/crm/controlid"
	"github.com/google/go-cmp/cmp"
)

func TestServiceModelDefaults(t *testing.T) {
	rows := []string{"PE-3(a)", "CM-6(a)", "SA-11(a)", "SC-28", "AC-2(a)", "AC-1(a)", "AT-2(a)"}
	want := map[string][]string{
		"iaas": {"Yes", "No", "No", "No", "Partial", "No", "Yes"},
		"paas": {"Yes", "Yes", "No", "Partial", "Partial", "No", "Yes"},
		"saas": {"Yes", "Yes", "Yes", "Partial", "Partial", "No", "Yes"},
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
