package crm

import (
	"slices"

	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/controlid"
)

// Layer is where a row's value came from, from least to most specific.
type Layer int

// The layers, in increasing precedence.
const (
	LayerNone Layer = iota
	LayerLeveraged
	LayerServiceModel
	LayerFamily
	LayerSet
	LayerControl
	LayerRow
)

var layerNames = [...]string{"", "leveraged-crm", "service-model-default", "family-default", "set-default", "control", "row"}

func (l Layer) String() string { return layerNames[l] }

// Source is a value's provenance: its layer and the JSON pointer of the
// input entry that gave it, and for a value filled from a leveraged
// provider's CRM, that provider and row ("AWS GovCloud PE-3(a)").
type Source struct {
	Layer    Layer
	Pointer  string
	Upstream string
}

// Layered is one input entry with its place in the document.
type Layered struct {
	Fields   *Fields
	Pointer  string
	Upstream string
}

// DefaultLayer is a default for whole families and for named controls and
// rows.
type DefaultLayer struct {
	Layered
	Families map[string]bool
	IDs      map[controlid.ID]bool // controls (all their rows) and rows
	Except   map[controlid.ID]bool // controls the default leaves alone
}

// matches reports whether the default speaks of row id.
func (d *DefaultLayer) matches(id controlid.ID) bool {
	return (d.Families[id.Family] || d.IDs[id.Base()] || d.IDs[id]) && !d.Except[id.Base()]
}

// Layers is an input document with its keys parsed, ready to resolve. Lists
// are in document order: a later entry overrides an earlier one.
type Layers struct {
	Upstream     map[controlid.ID]Layered // rows filled from leveraged providers' CRMs
	ServiceModel []DefaultLayer           // defaults derived from the service model
	Families     []DefaultLayer
	Sets         []DefaultLayer
	Controls     map[controlid.ID]Layered // keys without a part
	Rows         map[controlid.ID]Layered // keys with a part
}

// Row is one baseline row with every layer applied.
type Row struct {
	ID     controlid.ID
	Member *catalog.Member
	Fields

	// Answer is the CRM answer: stated by the most specific layer that
	// speaks of responsibility, or derived from the origination.
	Answer       Answer
	AnswerStated bool
	// AnswerFrom is where the answer, or the origination it was derived
	// from, came from.
	AnswerFrom Source
	// From records where each field that has a value came from.
	From *Sources
}

// Field is a row field whose source a row records, named in the input as
// origination, status, planned_date and so on.
type Field uint8

// The fields a row records the sources of.
const (
	FieldOrigination Field = iota
	FieldStatus
	FieldPlannedDate
	FieldExplanation
	FieldAnswer
	FieldProvider
	FieldCustomer
	FieldLeveraged
	FieldPassOn
	FieldTodo
	FieldServices
	fieldCount
)

// Sources records where each field of a row that has a value came from:
// a fixed table, which Resolve hands out for all rows at once, rather than
// a map per row.
type Sources struct {
	by  [fieldCount]Source
	has uint16
}

// Set records where field f came from.
func (s *Sources) Set(f Field, src Source) { s.by[f], s.has = src, s.has|1<<f }

// Of is where field f came from, and whether the row has a value for it.
func (s *Sources) Of(f Field) (Source, bool) {
	if s == nil {
		return Source{}, false
	}
	return s.by[f], s.has&(1<<f) != 0
}

// At is where field f came from: no layer when the row has no value for it.
func (s *Sources) At(f Field) Source {
	src, _ := s.Of(f)
	return src
}

// Resolved reports whether any layer said anything about the row.
func (r *Row) Resolved() bool { return r.From != nil && r.From.has != 0 }

// Applicable reports whether the row counts in a roll-up (not N/A).
func (r *Row) Applicable() bool {
	for _, s := range r.Status {
		if s == NotApplicable {
			return false
		}
	}
	return true
}

// Resolve gives every row of the baseline its fields and answer, applying
// the layers in precedence order: row > control > set default > family
// default > service-model default > leveraged provider's CRM. Every command
// that needs an answer uses this function.
func Resolve(set *catalog.BaselineSet, l *Layers) []Row {
	rows := make([]Row, len(set.Rows))
	sources := make([]Sources, len(set.Rows))
	for i, br := range set.Rows {
		r := Row{ID: br.ID, Member: br.Member, From: &sources[i]}
		if e, ok := l.Upstream[br.ID]; ok {
			r.apply(e, LayerLeveraged)
		}
		for _, group := range []struct {
			defaults []DefaultLayer
			layer    Layer
		}{{l.ServiceModel, LayerServiceModel}, {l.Families, LayerFamily}, {l.Sets, LayerSet}} {
			for j := range group.defaults {
				if group.defaults[j].matches(br.ID) {
					r.apply(group.defaults[j].Layered, group.layer)
				}
			}
		}
		if e, ok := l.Controls[br.ID.Base()]; ok {
			r.apply(e, LayerControl)
		}
		if br.ID.Part != "" {
			if e, ok := l.Rows[br.ID]; ok {
				r.apply(e, LayerRow)
			}
		}
		r.decide()
		rows[i] = r
	}
	return rows
}

// apply lays the non-empty fields of e over the row.
func (r *Row) apply(e Layered, layer Layer) {
	src := Source{Layer: layer, Pointer: e.Pointer, Upstream: e.Upstream}
	f := e.Fields
	set := func(field Field, present bool) bool {
		if present {
			r.From.Set(field, src)
		}
		return present
	}
	if set(FieldOrigination, len(f.Origination) > 0) {
		r.Origination = f.Origination
	}
	if set(FieldStatus, len(f.Status) > 0) {
		r.Status = f.Status
	}
	if set(FieldPlannedDate, f.PlannedDate != "") {
		r.PlannedDate = f.PlannedDate
	}
	if set(FieldExplanation, f.Explanation != "") {
		r.Explanation = f.Explanation
	}
	if set(FieldAnswer, f.Answer != "") {
		r.Fields.Answer = f.Answer
	}
	if set(FieldProvider, f.Provider != "") {
		r.Provider = f.Provider
	}
	if set(FieldCustomer, f.Customer != "") {
		r.Customer = f.Customer
	}
	if set(FieldLeveraged, f.Leveraged != "") {
		r.Leveraged = f.Leveraged
	}
	if set(FieldPassOn, f.PassOn != "") {
		r.PassOn = f.PassOn
	}
	if set(FieldTodo, f.Todo != nil) {
		r.Todo = f.Todo
	}
	if set(FieldServices, len(f.Services) > 0) {
		merged := make(map[string]string, len(r.Services)+len(f.Services))
		for k, v := range r.Services {
			merged[k] = v
		}
		for k, v := range f.Services {
			merged[k] = v
		}
		r.Services = merged
	}
}

// decide picks the answer: a stated answer wins unless a more specific layer
// changed the origination after it. A not-applicable row gets no answer from
// its origination: the template's GUIDANCE derives answers for controls that
// are implemented somewhere, and published CRMs answer N/A rows every way
// (Yes, Partial, No, or blank), always stating why; so only a stated answer
// is given, and Notes says the row does not apply.
func (r *Row) decide() {
	r.passOn()
	stated, hasStated := r.From.Of(FieldAnswer)
	orig, hasOrig := r.From.Of(FieldOrigination)
	switch {
	case hasStated && (!hasOrig || stated.Layer >= orig.Layer):
		r.Answer, r.AnswerStated, r.AnswerFrom = r.Fields.Answer, true, stated
	case hasOrig && r.Applicable():
		r.Answer, r.AnswerFrom = DeriveAnswer(r.Origination), orig
	}
}

// passOn marks a row that passes an upstream provider's duty on Configured
// by Customer, unless it marks a customer column or Shared already: its
// customers now configure what the upstream provider leaves to its own, so
// the row cannot be answered Yes.
func (r *Row) passOn() {
	if r.PassOn == "" || slices.ContainsFunc(r.Origination, func(o Origination) bool { return o.byCustomer() || o == Shared }) {
		return
	}
	r.Origination = append(slices.Clip(r.Origination), CustomerConfigured)
	slices.SortFunc(r.Origination, func(a, b Origination) int { // in CIS column order, as a workbook reads back
		return slices.Index(Originations, a) - slices.Index(Originations, b)
	})
	r.From.Set(FieldOrigination, r.From.At(FieldPassOn)) // the entry that changed it, and so the answer
}

// IsTodo reports whether the row is still marked for review.
func (r *Row) IsTodo() bool { return r.Todo != nil && *r.Todo }

// ControlSummary is a control's answer rolled up from its rows.
type ControlSummary struct {
	Member      *catalog.Member
	Answer      Answer // "" when no row is applicable and resolved
	Origination []Origination
	Rows        int
	Applicable  int
	Unresolved  int
}

// RollUp gives a control its answer from its rows: Yes only if every
// applicable row is Yes, No only if every one is No, else Partial. N/A rows
// are left out; unresolved rows are counted but do not vote. The origination
// is the union of the rows', in CIS column order.
func RollUp(rows []Row) ControlSummary {
	var s ControlSummary
	if len(rows) > 0 {
		s.Member = rows[0].Member
	}
	marks := map[Origination]bool{}
	var yes, no, votes int
	for i := range rows {
		r := &rows[i]
		s.Rows++
		for _, o := range r.Origination {
			marks[o] = true
		}
		if !r.Applicable() {
			continue
		}
		s.Applicable++
		switch r.Answer {
		case "":
			s.Unresolved++
			continue
		case AnswerYes:
			yes++
		case AnswerNo:
			no++
		}
		votes++
	}
	switch {
	case votes == 0:
	case yes == votes:
		s.Answer = AnswerYes
	case no == votes:
		s.Answer = AnswerNo
	default:
		s.Answer = AnswerPartial
	}
	for _, o := range Originations {
		if marks[o] {
			s.Origination = append(s.Origination, o)
		}
	}
	return s
}

// RollUpAll rolls up consecutive rows of each control, in row order.
func RollUpAll(rows []Row) []ControlSummary {
	var out []ControlSummary
	for _, ctl := range ByControl(rows) {
		out = append(out, RollUp(ctl))
	}
	return out
}

// ByControl splits rows in baseline order into each control's rows, as
// sub-slices of rows (a control's rows are consecutive).
func ByControl(rows []Row) [][]Row {
	var out [][]Row
	for start := 0; start < len(rows); {
		end := start + 1
		for end < len(rows) && rows[end].Member == rows[start].Member {
			end++
		}
		out = append(out, rows[start:end])
		start = end
	}
	return out
}
