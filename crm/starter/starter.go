// Package starter writes a starter input document: every row of a baseline
// pre-filled from the service-model defaults, the control titles as
// comments, and each row marked todo for review.
package starter

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/controlid"
	"github.com/crm-tool/crm/schemas"
)

// Options say what to start from.
type Options struct {
	Baseline     catalog.Baseline
	ServiceModel string   // iaas, paas or saas
	Leveraged    []string // names of the authorizations the system runs on
}

// LeveragedID is the id a leveraged authorization's name gets in the input:
// "AWS GovCloud (US)" → "aws-govcloud-us".
func LeveragedID(name string) string {
	id := strings.Trim(nonID.ReplaceAllString(strings.ToLower(name), "-"), "-")
	if id == "" {
		return "leveraged"
	}
	return id
}

var nonID = regexp.MustCompile(`[^a-z0-9]+`)

var modelNames = map[string]string{"iaas": "IaaS", "paas": "PaaS", "saas": "SaaS"}

// Write writes the starter document.
func Write(w io.Writer, o Options) error {
	set := catalog.Default().Baseline(o.Baseline)
	if set == nil {
		return fmt.Errorf("unknown baseline %q", o.Baseline)
	}
	var inheritFrom string
	if len(o.Leveraged) > 0 {
		inheritFrom = LeveragedID(o.Leveraged[0])
	}
	layers, err := crm.ServiceModelLayers(o.ServiceModel, inheritFrom, "")
	if err != nil {
		return err
	}
	rows := crm.Resolve(set, &crm.Layers{ServiceModel: layers, Sets: federal(set)})

	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	p("# yaml-language-server: $schema=%s\n", schemas.Input)
	p("# (write the schema beside this file with: crm schema -o %s)\n#\n", schemas.Input)
	p("# Starter CRM input for a %s offering on the FedRAMP %s baseline, written by\n", modelNames[o.ServiceModel], o.Baseline.Title())
	p("# crm init. Every row is pre-filled from crm's %s defaults (templates/service-models.yaml)\n", o.ServiceModel)
	p("# and marked todo: review each row, change what is not true of your system, and\n")
	p("# delete its todo. The customer texts are generic: say what your customers must do.\n")
	p("# crm generate refuses rows still marked todo.\n")
	p("schema_version: 1\n\nsystem:\n")
	p("  csp: %s\n  name: %s\n  baseline: %s\n  service_models: [%s]\n", q("TODO: your company"), q("TODO: your offering"), o.Baseline, o.ServiceModel)
	if len(o.Leveraged) > 0 {
		p("\n# Authorizations this system runs on. Add fedramp_id, type and impact.\nleveraged:\n")
		for _, name := range o.Leveraged {
			p("  - {id: %s, name: %s}\n", LeveragedID(name), q(name))
		}
	}
	p("\n# The implementation status of every row; change it where a row is not implemented.\ndefaults:\n")
	p("  - families: [%s]\n    status: implemented\n", strings.Join(families(set), ", "))
	p("\ncontrols:\n")
	var last *catalog.Member
	for i := range rows {
		r := &rows[i]
		if r.Member != last {
			last = r.Member
			core := ""
			if r.Member.Core {
				core = " (CORE)"
			}
			p("\n  # %s %s%s\n", r.Member.ID, r.Member.Title, core)
		}
		p("  %s: {%s}\n", r.ID, entry(r))
	}
	return bw.Flush()
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

// entry writes a row's fields as a flow mapping, todo last.
func entry(r *crm.Row) string {
	var parts []string
	if len(r.Origination) == 1 {
		parts = append(parts, "origination: "+string(r.Origination[0]))
	} else if len(r.Origination) > 1 {
		o := make([]string, len(r.Origination))
		for i, x := range r.Origination {
			o[i] = string(x)
		}
		parts = append(parts, "origination: ["+strings.Join(o, ", ")+"]")
	}
	if r.AnswerStated {
		parts = append(parts, "answer: "+q(string(r.Answer)))
	}
	if r.Leveraged != "" && slices.Contains(r.Origination, crm.Inherited) {
		parts = append(parts, "leveraged: "+r.Leveraged)
	}
	if r.Customer != "" {
		parts = append(parts, "customer: "+q(r.Customer))
	}
	parts = append(parts, "todo: true")
	return strings.Join(parts, ", ")
}

// q quotes a string for YAML: a JSON string is a valid YAML double-quoted
// scalar.
func q(s string) string {
	raw, _ := json.Marshal(s)
	return string(raw)
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
