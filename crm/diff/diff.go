// Package diff compares two versions of a CRM, row by row, and says what
// changed and in which direction the responsibility moved.
package diff

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/controlid"
)

// Kind is a kind of change.
type Kind string

// The change kinds, most important first.
const (
	CustomerShift      Kind = "customer-shift"      // the answer moved toward the customer: Yes→Partial, Yes→No, Partial→No
	ProviderShift      Kind = "provider-shift"      // the reverse
	AnswerChanged      Kind = "answer-changed"      // a row gained or lost its answer
	RowAdded           Kind = "row-added"           // a row only the new version has
	RowRemoved         Kind = "row-removed"         // a row only the old version has
	RevisionRemap      Kind = "revision-remap"      // across Rev 4 and Rev 5: rows one revision lacks, controls whose parts changed
	OriginationChanged Kind = "origination-changed" // other CIS origination marks
	StatusChanged      Kind = "status-changed"      // other implementation status marks
	TextChanged        Kind = "text-changed"        // other responsibilities text
	TextWhitespace     Kind = "text-whitespace"     // text that differs in white space only
	SystemChanged      Kind = "system-changed"      // system metadata, services, leveraged authorizations
)

// Kinds lists every kind, most important first.
var Kinds = []Kind{CustomerShift, ProviderShift, AnswerChanged, RowAdded, RowRemoved, RevisionRemap,
	OriginationChanged, StatusChanged, TextChanged, TextWhitespace, SystemChanged}

// KindNames lists the kinds' names, for flags and help.
func KindNames() []string {
	out := make([]string, len(Kinds))
	for i, k := range Kinds {
		out[i] = string(k)
	}
	return out
}

func rank(k Kind) int { return slices.Index(Kinds, k) }

// Side is one version of a CRM: an input document or a workbook, resolved.
type Side struct {
	Name string
	Doc  *crm.Document
	Rows []crm.Row
	// Bare marks a workbook without crm's Provenance sheet: it holds only
	// the CIS and CRM cells and the Instructions' system block, so it is
	// compared as those show it (see NotCompared).
	Bare bool
}

// NotCompared lists what a comparison with a bare workbook leaves out: what
// such a workbook has no place for.
var NotCompared = []string{"system.service_models", "system.deployment_model", "system.version", "system.date", "services", "leveraged authorizations' details"}

func (s *Side) revision() int {
	if s.Doc.Revision == 4 {
		return 4
	}
	return 5
}

// Change is one difference.
type Change struct {
	Kind   Kind     `json:"kind"`
	Row    string   `json:"row,omitempty"`
	Family string   `json:"family,omitempty"`
	Field  string   `json:"field,omitempty"` // for system changes: system.name, leveraged, ...
	Old    string   `json:"old,omitempty"`
	New    string   `json:"new,omitempty"`
	Words  []WordOp `json:"words,omitempty"` // for text changes
	Reason string   `json:"reason,omitempty"`
	order  int      // the row's place in catalog order
}

// Options tune a comparison.
type Options struct {
	// MatchByID compares rows across Rev 4 and Rev 5 by id alone, as if
	// they meant the same, instead of reporting them as revision remaps.
	MatchByID bool
	// Families, when not empty, limits the row changes to these families.
	Families map[string]bool
}

// Result is the outcome of a comparison.
type Result struct {
	Old, New                 string
	OldRevision, NewRevision int
	OldBaseline, NewBaseline string
	Changes                  []Change
}

// Compare diffs two sides.
func Compare(old, new *Side, o Options) *Result {
	res := &Result{
		Old: old.Name, New: new.Name,
		OldRevision: old.revision(), NewRevision: new.revision(),
		OldBaseline: old.Doc.System.Baseline, NewBaseline: new.Doc.System.Baseline,
	}
	c := &comparer{res: res, old: old, new: new, crossRevision: old.revision() != new.revision() && !o.MatchByID}
	c.system()
	c.rows()
	if len(o.Families) > 0 {
		kept := res.Changes[:0]
		for _, ch := range res.Changes {
			if ch.Family == "" || o.Families[ch.Family] {
				kept = append(kept, ch)
			}
		}
		res.Changes = kept
	}
	sort.SliceStable(res.Changes, func(i, j int) bool {
		a, b := res.Changes[i], res.Changes[j]
		if a.Family != b.Family {
			return a.Family < b.Family
		}
		if rank(a.Kind) != rank(b.Kind) {
			return rank(a.Kind) < rank(b.Kind)
		}
		return a.order < b.order
	})
	return res
}

type comparer struct {
	res           *Result
	old, new      *Side
	crossRevision bool
}

func (c *comparer) add(ch Change) { c.res.Changes = append(c.res.Changes, ch) }

func (c *comparer) system() {
	o, n := c.old.Doc.System, c.new.Doc.System
	fields := [][3]string{
		{"system.csp", o.CSP, n.CSP},
		{"system.name", o.Name, n.Name},
		{"system.fedramp_id", o.FedRAMPID, n.FedRAMPID},
		{"system.baseline", o.Baseline, n.Baseline},
		{"system.service_models", strings.Join(o.ServiceModels, ", "), strings.Join(n.ServiceModels, ", ")},
		{"system.deployment_model", o.DeploymentModel, n.DeploymentModel},
		{"system.version", o.Version, n.Version},
		{"system.date", o.Date, n.Date},
		{"revision", fmt.Sprint(c.old.revision()), fmt.Sprint(c.new.revision())},
		{"services", services(c.old.Doc), services(c.new.Doc)},
		{"leveraged", leveraged(c.old.Doc), leveraged(c.new.Doc)},
	}
	bare := c.old.Bare || c.new.Bare
	for _, f := range fields {
		if bare && (slices.Contains(NotCompared, f[0]) || f[0] == "leveraged") {
			continue // a side has no place for it
		}
		if f[1] != f[2] {
			c.add(Change{Kind: SystemChanged, Field: f[0], Old: f[1], New: f[2], order: -1})
		}
	}
}

func services(d *crm.Document) string {
	var s []string
	for _, x := range d.Services {
		s = append(s, x.ID+" ("+x.Name+")")
	}
	return strings.Join(s, ", ")
}

func leveraged(d *crm.Document) string {
	var s []string
	for _, x := range d.Leveraged {
		s = append(s, strings.TrimSpace(x.ID+" ("+x.Name+") "+x.FedRAMPID))
	}
	return strings.Join(s, ", ")
}

// rows pairs rows by canonical id and compares each pair.
func (c *comparer) rows() {
	oldRows := index(c.old.Rows)
	newRows := index(c.new.Rows)
	remapped := map[controlid.ID]bool{}
	if c.crossRevision {
		remapped = c.partsChanged()
	}
	ids := union(c.old.Rows, c.new.Rows)
	for i, id := range ids {
		o, inOld := oldRows[id]
		n, inNew := newRows[id]
		base := Change{Row: id.String(), Family: id.Family, order: i}
		switch {
		case remapped[id.Base()]:
			continue // reported once per control by partsChanged
		case inOld && !inNew:
			base.Kind, base.Reason = RowRemoved, c.whyRemoved(id)
			if c.crossRevision {
				base.Kind = RevisionRemap
			}
			base.Old = o.Answer.Label()
			c.add(base)
		case inNew && !inOld:
			base.Kind, base.Reason = RowAdded, c.whyAdded(id)
			if c.crossRevision {
				base.Kind = RevisionRemap
			}
			base.New = n.Answer.Label()
			c.add(base)
		default:
			c.pair(base, o, n)
		}
	}
	for _, id := range sortedIDs(remapped) {
		c.add(Change{Kind: RevisionRemap, Row: id.String(), Family: id.Family, order: -1, Reason: c.partsReason(id)})
	}
}

// pair compares two versions of one row.
func (c *comparer) pair(base Change, o, n *crm.Row) {
	with := func(k Kind, old, new string) {
		ch := base
		ch.Kind, ch.Old, ch.New = k, old, new
		c.add(ch)
	}
	switch oi, ni := o.Answer.Inherits(), n.Answer.Inherits(); {
	case oi == ni:
	case oi < 0 || ni < 0:
		with(AnswerChanged, o.Answer.Label(), n.Answer.Label())
	case ni < oi:
		with(CustomerShift, o.Answer.Label(), n.Answer.Label())
	default:
		with(ProviderShift, o.Answer.Label(), n.Answer.Label())
	}
	if a, b := joinList(o.Origination), joinList(n.Origination); a != b {
		with(OriginationChanged, a, b)
	}
	if a, b := joinList(o.Status), joinList(n.Status); a != b {
		with(StatusChanged, a, b)
	}
	a, b := crm.CustomerText(o, c.old.Doc, ""), crm.CustomerText(n, c.new.Doc, "")
	if c.old.Bare || c.new.Bare {
		// A bare workbook's cell is all of the responsibilities, crm's
		// notes and the services' paragraphs included: compare the cells.
		a, b = crm.Responsibility(o, c.old.Doc, ""), crm.Responsibility(n, c.new.Doc, "")
		if c.old.Bare {
			a = o.Customer
		}
		if c.new.Bare {
			b = n.Customer
		}
	}
	switch {
	case a == b:
	case sameWords(a, b):
		with(TextWhitespace, a, b)
	default:
		ch := base
		ch.Kind, ch.Old, ch.New, ch.Words = TextChanged, a, b, Words(a, b)
		c.add(ch)
	}
}

func joinList[T ~string](l []T) string {
	s := make([]string, len(l))
	for i, x := range l {
		s[i] = string(x)
	}
	return strings.Join(s, ", ")
}

func index(rows []crm.Row) map[controlid.ID]*crm.Row {
	m := make(map[controlid.ID]*crm.Row, len(rows))
	for i := range rows {
		m[rows[i].ID] = &rows[i]
	}
	return m
}

// union lists the ids of both sides in catalog order.
func union(a, b []crm.Row) []controlid.ID {
	seen := make(map[controlid.ID]bool, len(a)+len(b))
	var ids []controlid.ID
	for _, rows := range [][]crm.Row{a, b} {
		for _, r := range rows {
			if !seen[r.ID] {
				seen[r.ID] = true
				ids = append(ids, r.ID)
			}
		}
	}
	slices.SortStableFunc(ids, controlid.Compare)
	return ids
}

func sortedIDs(m map[controlid.ID]bool) []controlid.ID {
	var ids []controlid.ID
	for id := range m {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, controlid.Compare)
	return ids
}

// whyRemoved and whyAdded say why a row is on one side only.
func (c *comparer) whyRemoved(id controlid.ID) string {
	if ctl, ok := catalog.Default().Control(id); ok && ctl.Withdrawn && c.new.revision() == 5 {
		return fmt.Sprintf("%s was withdrawn from Rev 5: %s", ctl.ID, ctl.WithdrawnNote())
	}
	return c.baselineReason(id, c.new)
}

func (c *comparer) whyAdded(id controlid.ID) string {
	if c.old.revision() == 4 && c.new.revision() == 5 {
		return "the row is new in Rev 5 or has another part letter there"
	}
	return c.baselineReason(id, c.old)
}

// baselineReason explains a row the other side lacks by its baseline.
func (c *comparer) baselineReason(id controlid.ID, other *Side) string {
	if other.revision() == 4 {
		return "not a row of the Rev 4 Low-or-Moderate template"
	}
	b := catalog.Baseline(other.Doc.System.Baseline)
	if _, ok := catalog.Default().Baseline(b).Member(id); !ok {
		return fmt.Sprintf("not in the FedRAMP %s baseline", b.Title())
	}
	return "the control's parts differ"
}

// partsChanged finds the controls both sides list with other rows: across
// Rev 4 and Rev 5, their rows may not mean the same.
func (c *comparer) partsChanged() map[controlid.ID]bool {
	o, n := parts(c.old.Rows), parts(c.new.Rows)
	out := map[controlid.ID]bool{}
	for ctl, op := range o {
		if np, ok := n[ctl]; ok && op != np {
			out[ctl] = true
		}
	}
	return out
}

// parts gives each control its row parts: "" for a bare row, "a b c".
func parts(rows []crm.Row) map[controlid.ID]string {
	m := map[controlid.ID]string{}
	for _, r := range rows {
		ctl := r.ID.Base()
		if p, ok := m[ctl]; ok {
			m[ctl] = p + " " + r.ID.Part
		} else {
			m[ctl] = r.ID.Part
		}
	}
	return m
}

func (c *comparer) partsReason(ctl controlid.ID) string {
	show := func(rows []crm.Row, rev int) string {
		p := parts(rows)[ctl]
		if p == "" {
			return fmt.Sprintf("Rev %d: one row", rev)
		}
		return fmt.Sprintf("Rev %d: parts (%s)", rev, strings.ReplaceAll(p, " ", ", "))
	}
	return fmt.Sprintf("%s changed its rows (%s; %s); compare them by hand or with --match-by-id",
		ctl, show(c.old.Rows, c.old.revision()), show(c.new.Rows, c.new.revision()))
}
