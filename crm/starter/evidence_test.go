package starter

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/controlid"
	"github.com/crm-tool/crm/crm/validate"
)

const repo = "../.."

var shared = filepath.Join(repo, "..", "shared", "data")

// agencyResponsible reads FedRAMP's draft list of agency-responsible
// controls, skipping the test when ../shared is not present.
func agencyResponsible(t *testing.T) map[controlid.ID]bool {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(shared, "fedramp-cr26", "agency_responsible_controls.draft.json"))
	if err != nil {
		t.Skip("../shared/data is not present")
	}
	var list []struct {
		ID string `json:"control_id"`
	}
	if err := json.Unmarshal(raw, &list); err != nil {
		t.Fatal(err)
	}
	out := map[controlid.ID]bool{}
	for _, x := range list {
		id, err := controlid.Parse(x.ID)
		if err != nil {
			t.Fatalf("%s: %v", x.ID, err)
		}
		out[id] = true
	}
	return out
}

// defaults resolves a baseline from the service-model defaults alone, as
// crm init does.
func defaults(t *testing.T, b catalog.Baseline, model string) []crm.Row {
	t.Helper()
	set := catalog.Default().Baseline(b)
	layers, err := crm.ServiceModelLayers(model, "", "", set)
	if err != nil {
		t.Fatal(err)
	}
	return crm.Resolve(set, &crm.Layers{ServiceModel: layers, Sets: federal(set)})
}

// TestNoAgencyResponsibleControlAnsweredYes: a control FedRAMP's draft list
// gives agencies a part of is never answered Yes by a default, on any
// baseline or service model.
func TestNoAgencyResponsibleControlAnsweredYes(t *testing.T) {
	agency := agencyResponsible(t)
	for _, b := range catalog.Baselines() {
		for _, model := range []string{"iaas", "paas", "saas"} {
			for _, r := range defaults(t, b, model) {
				if agency[r.Member.ID] && r.Answer == crm.AnswerYes {
					t.Errorf("%s %s: %s is agency-responsible, answered Yes", b, model, r.ID)
				}
			}
		}
	}
}

// TestLISaaSNSORowsGetNoDefault: rows FedRAMP tailors NSO need no answer,
// and the defaults give them none.
func TestLISaaSNSORowsGetNoDefault(t *testing.T) {
	n := 0
	for _, r := range defaults(t, catalog.LISaaS, "saas") {
		if r.Member.HasMethod("NSO") {
			n++
			if r.Answer != "" || len(r.Origination) > 0 {
				t.Errorf("%s, tailored NSO, answered %q %v", r.ID, r.Answer, r.Origination)
			}
		}
	}
	if n == 0 {
		t.Fatal("no NSO rows in LI-SaaS")
	}
}

// TestREADMEServiceModelFigures keeps README's figures true: per service
// model, how the defaults answer the Moderate rows of the agency-responsible
// controls, and how often they agree with the published SaaS CRM of
// cloud.gov Pages (Moderate).
func TestREADMEServiceModelFigures(t *testing.T) {
	agency := agencyResponsible(t)
	pages, err := validate.File(filepath.Join(shared, "real-crms", "cloud.gov-Pages-CIS-and-CRM-Workbook.xlsx"), "")
	if err != nil {
		t.Fatal(err)
	}
	published := map[controlid.ID]crm.Answer{}
	for _, r := range pages.Rows {
		published[r.ID] = r.Answer
	}
	var lines []string
	for _, model := range []string{"iaas", "paas", "saas"} {
		n := map[crm.Answer]int{}
		agree, both := 0, 0
		for _, r := range defaults(t, catalog.Moderate, model) {
			if agency[r.Member.ID] {
				n[r.Answer]++
			}
			if p := published[r.ID]; p != "" && r.Answer != "" {
				both++
				if p == r.Answer {
					agree++
				}
			}
		}
		lines = append(lines, fmt.Sprintf("| %s | %d | %d | %d | %d of %d |", modelNames[model], n[crm.AnswerYes], n[crm.AnswerPartial], n[crm.AnswerNo], agree, both))
	}
	readme, err := os.ReadFile(filepath.Join(repo, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	table := strings.Join(lines, "\n")
	if !strings.Contains(string(readme), table) {
		t.Errorf("README.md does not hold the service-model figures:\n%s", table)
	}
}
