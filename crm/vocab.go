// Package crm is the library behind the crm command: the input model, the
// resolution of every baseline row to a customer responsibility, and
// findings. It knows nothing of the command line or of spreadsheets.
package crm

import "strings"

// Origination is a CIS Control Origination column, by its short name.
type Origination string

// The seven Control Origination columns of the CIS worksheet, in column order
// (G to M).
const (
	SPCorporate        Origination = "sp-corporate"
	SPSystem           Origination = "sp-system"
	SPHybrid           Origination = "sp-hybrid"
	CustomerConfigured Origination = "customer-configured"
	CustomerProvided   Origination = "customer-provided"
	Shared             Origination = "shared"
	Inherited          Origination = "inherited"
)

// Originations lists the columns in CIS order.
var Originations = []Origination{SPCorporate, SPSystem, SPHybrid, CustomerConfigured, CustomerProvided, Shared, Inherited}

// originationHeaders are the template's row-3 headers, verbatim (the double
// space in the last one is the template's).
var originationHeaders = map[Origination]string{
	SPCorporate:        "Service Provider Corporate",
	SPSystem:           "Service Provider System Specific",
	SPHybrid:           "Service Provider Hybrid (Corporate and System Specific)",
	CustomerConfigured: "Configured by Customer (Customer System Specific)",
	CustomerProvided:   "Provided by Customer (Customer System Specific)",
	Shared:             "Shared (Service Provider and Customer Responsibility)",
	Inherited:          "Inherited from Pre-Existing  Authorization",
}

// Header is the column's header in the CIS worksheet.
func (o Origination) Header() string { return originationHeaders[o] }

// byProvider reports whether the column puts the work on the provider side
// (its own or a leveraged authorization's).
func (o Origination) byProvider() bool {
	return o == SPCorporate || o == SPSystem || o == SPHybrid || o == Inherited
}

func (o Origination) byCustomer() bool { return o == CustomerConfigured || o == CustomerProvided }

// Status is a CIS Implementation Status column.
type Status string

// The five Implementation Status columns, in CIS order (B to F).
const (
	Implemented   Status = "implemented"
	Partial       Status = "partial"
	Planned       Status = "planned"
	Alternative   Status = "alternative"
	NotApplicable Status = "not-applicable"
)

// Statuses lists the columns in CIS order.
var Statuses = []Status{Implemented, Partial, Planned, Alternative, NotApplicable}

var statusHeaders = map[Status]string{
	Implemented:   "Implemented",
	Partial:       "Partially Implemented",
	Planned:       "Planned",
	Alternative:   "Alternative Implementation",
	NotApplicable: "N/A",
}

// Header is the column's header in the CIS worksheet.
func (s Status) Header() string { return statusHeaders[s] }

// Answer is the CRM's "Can Be Inherited from CSP": the customer's view of a
// row. Yes means the customer inherits it whole (tag "inherited"), Partial
// that it is shared, No that the customer implements it.
type Answer string

// The three CRM answers.
const (
	AnswerYes     Answer = "yes"
	AnswerPartial Answer = "partial"
	AnswerNo      Answer = "no"
)

// Label is the answer as the CRM worksheet spells it.
func (a Answer) Label() string {
	switch a {
	case AnswerYes:
		return "Yes"
	case AnswerPartial:
		return "Partial"
	case AnswerNo:
		return "No"
	}
	return ""
}

// Inherits ranks answers by how much the customer inherits: No 0, Partial
// 1, Yes 2 (and -1 for no answer). A CRM may answer below what its
// origination allows (a provider-run policy row is still the agency's own
// duty, so No), never above it.
func (a Answer) Inherits() int {
	switch a {
	case AnswerYes:
		return 2
	case AnswerPartial:
		return 1
	case AnswerNo:
		return 0
	}
	return -1
}

// Tag is the answer as a responsibility tag: inherited, shared or
// customer-implemented.
func (a Answer) Tag() string {
	switch a {
	case AnswerYes:
		return "inherited"
	case AnswerPartial:
		return "shared"
	case AnswerNo:
		return "customer-implemented"
	}
	return ""
}

// DeriveAnswer applies the template's guidance: provider-only origination
// (including inheritance from a leveraged authorization) gives Yes, Shared or
// a provider and a customer mark together give Partial, customer-only gives No.
// It returns "" when there is no origination.
func DeriveAnswer(origination []Origination) Answer {
	var provider, customer, shared bool
	for _, o := range origination {
		provider = provider || o.byProvider()
		customer = customer || o.byCustomer()
		shared = shared || o == Shared
	}
	switch {
	case shared || provider && customer:
		return AnswerPartial
	case provider:
		return AnswerYes
	case customer:
		return AnswerNo
	}
	return ""
}

// JoinHeaders names origination columns as the CIS worksheet heads them,
// joined by " + ".
func JoinHeaders(o []Origination) string {
	names := make([]string, len(o))
	for i, x := range o {
		names[i] = x.Header()
	}
	return strings.Join(names, " + ")
}
