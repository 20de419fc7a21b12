// Package starter writes a starter input document: every row of a baseline
// pre-filled from the service-model defaults, the control titles as
// comments, and each row marked todo for review.
package starter

import (
	"fmt"
	"io"
	"slices"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/controlid"
	"github.com/crm-tool/crm/crm/inputdoc"
	"github.com/crm-tool/crm/schemas"
)

// Options say what to start from.
type Options struct {
	Baseline     catalog.Baseline
	ServiceModel string   // iaas, paas or saas
	Leveraged    []string // names of the authorizations the system runs on
}

var modelNames = map[string]string{"iaas": "IaaS", "paas": "PaaS", "saas": "SaaS"}

// Write writes the starter document.
func Write(w io.Writer, o Options) error {
	set := catalog.Default().Baseline(o.Baseline)
	if set == nil {
		return fmt.Errorf("unknown baseline %q", o.Baseline)
	}
	var inheritFrom string
	if len(o.Leveraged) > 0 {
		inheritFrom = crm.LeveragedID(o.Leveraged[0])
	}
	layers, err := crm.ServiceModelLayers(o.ServiceModel, inheritFrom, "", set)
	if err != nil {
		return err
	}
	rows := crm.Resolve(set, &crm.Layers{ServiceModel: layers, Sets: federal(set)})

	doc := &crm.Document{
		SchemaVersion: crm.SchemaVersion,
		System: crm.System{
			CSP: "TODO: your company", Name: "TODO: your offering",
			Baseline: string(o.Baseline), ServiceModels: []string{o.ServiceModel},
		},
		Defaults: []crm.Default{{Families: families(set), Fields: crm.Fields{Status: []crm.Status{crm.Implemented}}}},
		Controls: make(map[string]crm.Entry, len(rows)),
	}
	// A leveraged entry FedRAMP accepts names the authorization's package
	// id, type and impact; the starter cannot know them, so the id is a
	// placeholder and crm validate names the type and impact still missing
	// (placeholder-text, leveraged-incomplete).
	for _, name := range o.Leveraged {
		doc.Leveraged = append(doc.Leveraged, crm.Leveraged{ID: crm.LeveragedID(name), Name: name, FedRAMPID: crm.FedRAMPIDPlaceholder})
	}
	titles := map[controlid.ID]string{}
	for i := range rows {
		r := &rows[i]
		doc.Controls[r.ID.String()] = entry(r)
		if _, ok := titles[r.Member.ID]; !ok {
			core := ""
			if r.Member.Core {
				core = " (CORE)"
			}
			titles[r.Member.ID] = fmt.Sprintf("%s %s%s", r.Member.ID, r.Member.Title, core)
		}
	}
	return inputdoc.Write(w, doc, inputdoc.Options{
		Header: []string{
			"yaml-language-server: $schema=" + schemas.Input,
			"(write the schema beside this file with: crm schema -o " + schemas.Input + ")",
			"",
			fmt.Sprintf("Starter CRM input for a %s offering on the FedRAMP %s baseline, written by", modelNames[o.ServiceModel], o.Baseline.Title()),
			fmt.Sprintf("crm init. Every row is pre-filled from crm's %s defaults (templates/service-models.yaml)", o.ServiceModel),
			"and marked todo: review each row, change what is not true of your system, and",
			"delete its todo. The customer texts are generic: say what your customers must do.",
			"The defaults entry gives every row the status implemented; change it where not.",
			"crm generate refuses rows still marked todo.",
		},
		Before: func(_ string, id controlid.ID) []string {
			if t, ok := titles[id.Base()]; ok {
				delete(titles, id.Base()) // once, before the control's first row
				return []string{t}
			}
			return nil
		},
	})
}

// federalText is what LI-SaaS rows tailored FED say: the agency's own work.
const federalText = "LI-SaaS tailors this control FED: it is the federal agency's responsibility, not the CSP's, and the agency implements it."

// federal answers LI-SaaS rows tailored FED No: never Yes, as FedRAMP's
// tailoring makes them a federal responsibility.
func federal(set *catalog.BaselineSet) []crm.DefaultLayer {
	if set.Baseline != catalog.LISaaS {
		return nil
	}
	d := crm.DefaultLayer{
		Layered: crm.Layered{Fields: &crm.Fields{Origination: []crm.Origination{crm.CustomerProvided}, Customer: federalText}},
		IDs:     map[controlid.ID]bool{},
	}
	for _, m := range set.Members {
		if m.HasMethod("FED") {
			d.IDs[m.ID] = true
		}
	}
	return []crm.DefaultLayer{d}
}

// entry is a row's resolved origination, stated answer, leveraged
// authorization (for inherited rows) and customer text, marked todo.
func entry(r *crm.Row) crm.Entry {
	todo := true
	e := crm.Entry{Origination: r.Origination, Customer: r.Customer, Todo: &todo}
	if r.AnswerStated {
		e.Answer = r.Answer
	}
	if slices.Contains(r.Origination, crm.Inherited) {
		e.Leveraged = r.Leveraged
	}
	return e
}

func families(set *catalog.BaselineSet) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range set.Members {
		if !seen[m.ID.Family] {
			seen[m.ID.Family] = true
			out = append(out, m.ID.Family)
		}
	}
	return out
}
