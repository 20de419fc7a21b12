// Package obligations lists what a CRM leaves to the agency: every Partial
// and No row with the duties it names, for the services the agency uses,
// and apart from them the rows the provider has not put in place yet.
package obligations

import (
	"fmt"
	"strings"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
)

// Duty is one thing the agency must do: for every customer (Service "") or
// for users of one service.
type Duty struct {
	Service string `json:"service,omitempty"`
	Text    string `json:"text"`
}

// Sections of the checklist, in the order they are listed.
const (
	// SectionDuties are rows the provider does not give whole: what the
	// agency must do.
	SectionDuties = "duties"
	// SectionConditional are rows answered Yes whose CRM text still says
	// something to the customer, often a condition ("if you use the log
	// drain, this becomes yours"): the agency must read them.
	SectionConditional = "conditional"
	// SectionNotInPlace are rows customers are to inherit that the provider
	// has not put in place yet (planned or partly implemented): the agency
	// cannot rely on them until the date given, and must plan for that.
	SectionNotInPlace = "not-in-place"
)

// Obligation is a row the provider does not give whole, or does not give
// yet.
type Obligation struct {
	Section string `json:"section"`
	Row     string `json:"row"`
	Family  string `json:"family"`
	Title   string `json:"title"`
	Answer  string `json:"answer"`
	Duties  []Duty `json:"duties"` // empty when the CRM does not say what
}

// Duties counts the obligations of the duties section.
func Duties(obls []Obligation) int { return Count(obls, SectionDuties) }

// Count counts the obligations of a section.
func Count(obls []Obligation, section string) int {
	n := 0
	for _, o := range obls {
		if o.Section == section {
			n++
		}
	}
	return n
}

// Build lists the obligations of a resolved CRM. services, when not empty,
// names the services the agency uses (ids or names); rows whose only duties
// belong to other services are left out.
func Build(doc *crm.Document, rows []crm.Row, services []string) ([]Obligation, error) {
	use := map[string]bool{}
	for _, name := range services {
		s, ok := doc.FindService(strings.TrimSpace(name))
		if !ok {
			return nil, fmt.Errorf("no service %q in the CRM (it lists %s)", name, doc.ServiceIDs())
		}
		use[s.ID] = true
	}
	var out, conditional, pending []Obligation
	for i := range rows {
		r := &rows[i]
		if crm.NotInPlace(r) {
			pending = append(pending, Obligation{Section: SectionNotInPlace, Row: r.ID.String(), Family: r.ID.Family, Title: r.Member.Title,
				Answer: r.Answer.Label(), Duties: []Duty{{Text: crm.Notes(r, doc)[0]}}})
		}
		if r.Answer == crm.AnswerYes {
			if text := crm.CustomerText(r, doc, ""); text != "" {
				conditional = append(conditional, Obligation{Section: SectionConditional, Row: r.ID.String(), Family: r.ID.Family, Title: r.Member.Title,
					Answer: r.Answer.Label(), Duties: []Duty{{Text: text}}})
			}
			continue
		}
		if r.Answer != crm.AnswerPartial && r.Answer != crm.AnswerNo {
			continue
		}
		o := Obligation{Section: SectionDuties, Row: r.ID.String(), Family: r.ID.Family, Title: r.Member.Title, Answer: r.Answer.Label(), Duties: []Duty{}}
		if r.Customer != "" {
			o.Duties = append(o.Duties, Duty{Text: r.Customer})
		}
		otherServices := false
		for _, s := range doc.Services {
			text := r.Services[s.ID]
			if text == "" {
				continue
			}
			if len(use) > 0 && !use[s.ID] {
				otherServices = true
				continue
			}
			o.Duties = append(o.Duties, Duty{Service: s.Name, Text: text})
		}
		if len(o.Duties) == 0 && otherServices {
			continue // only users of services the agency does not use have duties here
		}
		out = append(out, o)
	}
	return append(append(out, conditional...), pending...), nil
}

func impactOf(baseline string) string {
	if baseline == string(catalog.LISaaS) {
		return string(catalog.Low)
	}
	return baseline
}

// AsInput starts the agency's own input: the provider as a leveraged
// authorization whose CRM (at crmPath) fills every family, and a todo entry,
// with its duties as comments, for every obligation.
func AsInput(provider *crm.Document, crmPath string, obls []Obligation) (*crm.Document, map[string][]string) {
	sys := provider.System
	// The provider's impact level is its baseline's (LI-SaaS is a Low
	// authorization); its FedRAMP id, when the CRM does not give it, and its
	// authorization type are left for the agency to fill, as validation says.
	lv := crm.Leveraged{ID: crm.LeveragedID(sys.Name), Name: sys.Name, FedRAMPID: sys.FedRAMPID, Impact: impactOf(sys.Baseline), CRM: crmPath}
	if lv.FedRAMPID == "" {
		lv.FedRAMPID = crm.FedRAMPIDPlaceholder
	}
	if sys.Baseline == string(catalog.LISaaS) {
		lv.Type = "fedramp-li-saas"
	}
	var families []string
	seen := map[string]bool{}
	set := catalog.Default().Baseline(catalog.Baseline(sys.Baseline))
	for _, m := range set.Members {
		if !seen[m.ID.Family] {
			seen[m.ID.Family] = true
			families = append(families, m.ID.Family)
		}
	}
	lv.Inherit = families
	doc := &crm.Document{
		SchemaVersion: crm.SchemaVersion,
		System:        crm.System{CSP: "TODO: your agency", Name: "TODO: your system", Baseline: sys.Baseline},
		Leveraged:     []crm.Leveraged{lv},
		Defaults:      []crm.Default{{Families: families, Fields: crm.Fields{Status: []crm.Status{crm.Implemented}}}},
		Controls:      map[string]crm.Entry{},
	}
	comments := map[string][]string{}
	todo := true
	for _, o := range obls {
		if o.Section != SectionDuties {
			continue // the provider's to finish, not the agency's
		}
		doc.Controls[o.Row] = crm.Entry{Todo: &todo}
		for _, d := range o.Duties {
			line := fmt.Sprintf("%s %s (%s): %s", o.Row, o.Answer, sys.Name, strings.Join(strings.Fields(d.Text), " "))
			if d.Service != "" {
				line = fmt.Sprintf("%s %s (%s, %s): %s", o.Row, o.Answer, sys.Name, d.Service, strings.Join(strings.Fields(d.Text), " "))
			}
			comments[o.Row] = append(comments[o.Row], line)
		}
	}
	return doc, comments
}
