package cr26

import (
	"fmt"
	"slices"
	"strings"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/internal/markdown"
)

// SDR is the part of a Security Decision Record a CRM can fill: the
// package overview it belongs to, every control of the baseline, and the
// leveraged offerings. FedRAMP requirements (fedRampRequirements, required
// by the schema) are the provider's to describe: crm writes none.
type SDR struct {
	CertificationPackageOverviewURI string             `json:"certificationPackageOverviewUri"`
	SecurityControls                []SecurityControl  `json:"securityControls"`
	FedRAMPRequirements             []any              `json:"fedRampRequirements"`
	LeveragedServices               []LeveragedService `json:"leveragedServices,omitempty"`
}

// SecurityControl is one Rev 5 control (rule SDR-CSF-CTF).
type SecurityControl struct {
	ControlID       string           `json:"controlId"`
	ParameterValues []ParameterValue `json:"parameterValues,omitempty"`
	Status          string           `json:"controlImplementationStatus"`
	Description     string           `json:"controlImplementationDescription"`
}

// ParameterValue is one organization-defined parameter's value.
type ParameterValue struct {
	ParameterID    string `json:"parameterId"`
	ParameterValue string `json:"parameterValue"`
}

// LeveragedService is an offering the system inherits from. The field is
// the earlier CR26 draft's (cr26SecurityDecisionRecord.leveragedServices);
// the 2026-06-24 schema no longer names it and allows it.
type LeveragedService struct {
	FedRAMPID   string `json:"fedrampId,omitempty"`
	ServiceName string `json:"serviceName"`
}

// The schema's three statuses. The rule names five; Status maps them.
const (
	StatusImplemented        = "Implemented"
	StatusPartlyImplemented  = "Partially Implemented"
	StatusNotImplemented     = "Not Implemented"
	statusNotStated          = "status not stated"
	descriptionNotApplicable = "Not applicable"
)

// BuildSDR writes the SDR's controls from a resolved CRM: rows in baseline
// order, as crm.Resolve gives them.
func BuildSDR(doc *crm.Document, rows []crm.Row) *SDR {
	s := &SDR{CertificationPackageOverviewURI: doc.System.PackageOverviewURI, SecurityControls: []SecurityControl{}, FedRAMPRequirements: []any{}}
	for _, parts := range crm.ByControl(rows) {
		m := parts[0].Member
		s.SecurityControls = append(s.SecurityControls, SecurityControl{
			ControlID:       m.ID.String(),
			ParameterValues: parameterValues(doc, m.Params),
			Status:          Status(parts),
			Description:     describe(doc, parts),
		})
	}
	for _, l := range doc.Leveraged {
		s.LeveragedServices = append(s.LeveragedServices, LeveragedService{FedRAMPID: l.FedRAMPID, ServiceName: l.Name})
	}
	return s
}

// parameterValues are the document's values of a control's parameters, in
// catalog order.
func parameterValues(doc *crm.Document, params []catalog.Param) []ParameterValue {
	var out []ParameterValue
	for _, p := range params {
		if v, ok := doc.Parameters[p.ID]; ok {
			out = append(out, ParameterValue{ParameterID: p.ID, ParameterValue: v})
		}
	}
	return out
}

// Status maps a control's rows to the schema's three statuses. The rule
// (SDR-CSF-CTF) names five: Implemented and Alternative Implementation are
// implemented (an alternative is the provider's implementation); Partially
// Implemented, and a mix of implemented and planned parts, are partly
// implemented; Planned, a row with no status, and Not Applicable are not
// implemented: the schema has no value for "does not apply", and claiming
// an implementation the provider has not stated is worse than understating
// it. The description gives every part's precise status.
func Status(rows []crm.Row) string {
	var done, notDone int
	for i := range rows {
		switch st := rows[i].Status; {
		case slices.Contains(st, crm.Partial):
			done, notDone = done+1, notDone+1
		case slices.Contains(st, crm.Implemented), slices.Contains(st, crm.Alternative):
			done++
		default: // planned, not applicable, none
			notDone++
		}
	}
	switch {
	case notDone == 0 && done > 0:
		return StatusImplemented
	case done > 0:
		return StatusPartlyImplemented
	}
	return StatusNotImplemented
}

// describe is the control's Markdown description: for each part, its precise
// status and origination, what the provider does, what is inherited from
// which leveraged offering, and what the customer must do, as the CRM says.
func describe(doc *crm.Document, rows []crm.Row) string {
	var b strings.Builder
	for i := range rows {
		r := &rows[i]
		if i > 0 {
			b.WriteString("\n\n")
		}
		fmt.Fprintf(&b, "**%s**: %s.", r.ID, preciseStatus(r))
		if len(r.Origination) > 0 {
			names := make([]string, len(r.Origination))
			for j, o := range r.Origination {
				names[j] = o.Header()
			}
			fmt.Fprintf(&b, " Control origination: %s.", strings.Join(names, "; "))
		}
		for _, line := range partLines(doc, r) {
			b.WriteString("\n- " + line)
		}
	}
	return b.String()
}

// preciseStatus is the row's status as the CIS worksheet names it, with its
// planned date.
func preciseStatus(r *crm.Row) string {
	if len(r.Status) == 0 {
		return statusNotStated
	}
	names := make([]string, len(r.Status))
	for i, s := range r.Status {
		names[i] = s.Header()
		if s == crm.NotApplicable {
			names[i] = descriptionNotApplicable
		}
	}
	out := strings.Join(names, ", ")
	if r.PlannedDate != "" {
		out += ", planned completion " + r.PlannedDate
	}
	return out
}

// partLines say who does what for one part.
func partLines(doc *crm.Document, r *crm.Row) []string {
	var out []string
	if r.Explanation != "" {
		out = append(out, "Explanation: "+markdown.Escape(r.Explanation))
	}
	if r.Provider != "" {
		out = append(out, fmt.Sprintf("%s: %s", markdown.Escape(doc.System.CSP), markdown.Escape(r.Provider)))
	}
	if slices.Contains(r.Origination, crm.Inherited) {
		if lv, ok := doc.FindLeveraged(r.Leveraged); ok {
			out = append(out, "Inherited from "+markdown.Escape(lv.Label())+".")
		}
	}
	if r.PassOn != "" {
		if lv, ok := doc.FindLeveraged(r.PassOn); ok {
			out = append(out, "Passed on to customers from "+markdown.Escape(lv.Label())+", whose CRM leaves it to its customers.")
		}
	}
	switch r.Answer {
	case crm.AnswerYes:
		if crm.NotInPlace(r) {
			out = append(out, "Customers (Can Be Inherited from CSP: Yes) will inherit it once it is in place.")
		} else {
			out = append(out, "Customers inherit it whole (Can Be Inherited from CSP: Yes).")
		}
	case crm.AnswerPartial, crm.AnswerNo:
		text := crm.CustomerText(r, doc, "")
		if text == "" {
			text = "the CRM does not say."
		}
		out = append(out, fmt.Sprintf("Customers (Can Be Inherited from CSP: %s): %s", r.Answer.Label(), markdown.Escape(oneLine(text))))
	}
	return out
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
