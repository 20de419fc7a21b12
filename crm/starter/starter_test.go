package starter

import (
	"bytes"
	"strings"
	"testing"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/validate"
)

func TestStarterValidatesAndCoversEveryRow(t *testing.T) {
	for _, b := range catalog.Baselines() {
		for _, model := range []string{"iaas", "paas", "saas"} {
			t.Run(string(b)+"/"+model, func(t *testing.T) {
				var buf bytes.Buffer
				if err := Write(&buf, Options{Baseline: b, ServiceModel: model, Leveraged: []string{"AWS GovCloud (US)"}}); err != nil {
					t.Fatal(err)
				}
				res, err := validate.Bytes("starter.yaml", buf.Bytes())
				if err != nil {
					t.Fatal(err)
				}
				// The one error is what only the user knows: the leveraged
				// authorization's type and impact (its FedRAMP id is a
				// placeholder, a warning).
				if res.Doc == nil {
					t.Fatalf("starter does not follow the schema: %+v", res.Findings)
				}
				for _, f := range res.Findings {
					if f.Severity == crm.Error && f.Rule != "leveraged-incomplete" || f.Rule == "leveraged-incomplete" && !strings.Contains(f.Message, "has no type, impact:") {
						t.Errorf("%s %s", f.Rule, f.Message)
					}
				}
				todo, unanswered := crm.Unfinished(res.Rows, "")
				if len(todo) != len(res.Rows) || len(unanswered) != 0 {
					t.Errorf("%d rows, %d todo, %d unanswered", len(res.Rows), len(todo), len(unanswered))
				}
				for _, r := range res.Rows {
					if b == catalog.LISaaS && r.Member.HasMethod("NSO") {
						if r.Answer != "" || !r.IsTodo() {
							t.Fatalf("%s, tailored NSO: answered %q, todo %v", r.ID, r.Answer, r.IsTodo())
						}
						continue // no security impact: left unanswered, for review
					}
					own := crm.LayerRow
					if r.ID.Part == "" {
						own = crm.LayerControl // a control without parts is its own row
					}
					if r.AnswerFrom.Layer != own {
						t.Fatalf("%s answered by %s, want its own row entry", r.ID, r.AnswerFrom.Layer)
					}
					if r.Member.HasMethod("FED") && r.Answer != crm.AnswerNo {
						t.Fatalf("%s: FED row answered %s", r.ID, r.Answer)
					}
					isInherited := len(r.Origination) == 1 && r.Origination[0] == crm.Inherited
					if isInherited != (r.Leveraged == "aws-govcloud-us") {
						t.Fatalf("%s: origination %v, leveraged %q", r.ID, r.Origination, r.Leveraged)
					}
					if r.ID.Family == "PE" && r.ID.Control != 1 && isInherited != (model != "iaas") {
						t.Fatalf("%s on %s: origination %v", r.ID, model, r.Origination)
					}
				}
			})
		}
	}
}

func TestStarterComments(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, Options{Baseline: catalog.Low, ServiceModel: "iaas"}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"# AC-2 Account Management (CORE)\n  AC-2(a): {", "offering on the FedRAMP Low baseline", "service_models: [iaas]"} {
		if !strings.Contains(out, want) {
			t.Errorf("starter lacks %q", want)
		}
	}
	if strings.Contains(out, "leveraged:") {
		t.Error("no --leveraged, yet a leveraged section")
	}
}

func TestLeveragedID(t *testing.T) {
	for in, want := range map[string]string{"AWS GovCloud (US)": "aws-govcloud-us", "Azure Government": "azure-government", "!!!": "leveraged"} {
		if got := crm.LeveragedID(in); got != want {
			t.Errorf("LeveragedID(%q) = %q, want %q", in, got, want)
		}
	}
}
