package cr26

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/controlid"
	"github.com/crm-tool/crm/crm/diff"
)

// SCN is a Significant Change Notification (SCN-CSO-INF) drafted from two
// CRM versions.
type SCN struct {
	CertificationPackageOverviewURI string `json:"certificationPackageOverviewUri"`
	AssessorName                    string `json:"assessorName,omitempty"`
	ChangeType                      string `json:"changeType"`
	ChangeTypeExplanation           string `json:"changeTypeExplanation,omitempty"`
	ChangeDescription               string `json:"changeDescription"`
	Reason                          string `json:"reason,omitempty"`
	CustomerImpact                  string `json:"customerImpact,omitempty"`
	PlanAndTimeline                 *Plan  `json:"planAndTimeline,omitempty"`
	// ImpactedControls are the controls whose rows changed.
	ImpactedControls []string `json:"impactedControls,omitempty"`
}

// Plan is an SCN's plan and timeline, which only the provider knows.
type Plan struct {
	Summary           string `json:"summary"`
	PlannedStart      string `json:"plannedStart,omitempty"`
	PlannedCompletion string `json:"plannedCompletion,omitempty"`
}

// The SCN schema's change types (SCN-CSO-EVA).
const (
	Adaptive       = "Adaptive"
	Transformative = "Transformative"
)

// ChangeTypes lists them, for flags.
var ChangeTypes = []string{Adaptive, Transformative}

// SCNOptions are what a comparison cannot know: each, when set, replaces
// what BuildSCN would say.
type SCNOptions struct {
	ChangeType, Explanation, Description, Reason, Assessor string
	Plan                                                   *Plan
}

// BuildSCN drafts the notification of the changes from r's old version to
// new (its system block and rows).
func BuildSCN(r *diff.Result, new *diff.Side, o SCNOptions) *SCN {
	sys := new.Doc.System
	n := &SCN{CertificationPackageOverviewURI: sys.PackageOverviewURI, AssessorName: o.Assessor, PlanAndTimeline: o.Plan}
	more, less, other := customerChanges(r, new)
	n.ChangeType, n.ChangeTypeExplanation = suggestType(more)
	if o.ChangeType != "" {
		n.ChangeType, n.ChangeTypeExplanation = o.ChangeType, "Chosen by the provider."
	}
	n.ChangeTypeExplanation = cmp.Or(o.Explanation, n.ChangeTypeExplanation)
	n.ImpactedControls = impactedControls(r)
	n.ChangeDescription = cmp.Or(o.Description, describeChange(r, sys, len(n.ImpactedControls), len(more), len(less)))
	if revs := sys.Revisions; len(revs) > 0 {
		n.Reason = revs[len(revs)-1].Description
	}
	n.Reason = cmp.Or(o.Reason, n.Reason)
	n.CustomerImpact = customerImpact(more, less, other)
	return n
}

// suggestType follows the SCN rules' tests (cr26-rules-excerpt.json,
// SCN-TRF-TPR): a change that "require[s] new or significantly different
// actions to address customer responsibilities" is transformative; the CRM
// shows that as responsibility moving toward customers. Anything else the
// CRM shows is adaptive as far as it can tell; the provider knows the rest.
func suggestType(more []string) (string, string) {
	if len(more) > 0 {
		return Transformative, fmt.Sprintf("Suggested by crm: %s move responsibility toward customers, which require new or significantly different actions to address customer responsibilities (FedRAMP SCN-TRF-TPR's test for a transformative change).", crm.Plural(len(more), "row"))
	}
	return Adaptive, "Suggested by crm: no row moves responsibility toward customers; the CRM shows no new customer action (FedRAMP SCN-TRF-TPR's test for a transformative change is not met by the CRM). Confirm against the other tests of SCN-CSO-EVA."
}

// customerChanges says what customers must now do that they did not
// (more), what they no longer need to do (less), and what else changed in
// what they do (other); rows whose change reads alike are told together.
func customerChanges(r *diff.Result, new *diff.Side) (more, less, other []string) {
	rows := map[string]*crm.Row{}
	for i := range new.Rows {
		rows[new.Rows[i].ID.String()] = &new.Rows[i]
	}
	duty := func(row string) string {
		if rr, ok := rows[row]; ok {
			if t := crm.CustomerText(rr, new.Doc, ""); t != "" {
				return ": " + strings.TrimRight(oneLine(t), ".")
			}
		}
		return ""
	}
	var m, l, o grouped
	shifted := map[string]bool{}
	for _, ch := range r.Changes {
		switch ch.Kind {
		case diff.CustomerShift:
			m.add(ch.Row, fmt.Sprintf(" (now %s, was %s)%s", ch.New, ch.Old, duty(ch.Row)))
			shifted[ch.Row] = true
		case diff.ProviderShift:
			l.add(ch.Row, fmt.Sprintf(" (now %s, was %s)", ch.New, ch.Old))
			shifted[ch.Row] = true
		}
	}
	for _, ch := range r.Changes {
		if shifted[ch.Row] {
			continue // told with its shift
		}
		switch d := duty(ch.Row); {
		case ch.Kind == diff.TextChanged && d == "":
			o.add(ch.Row, " no longer say what customers must do")
		case ch.Kind == diff.TextChanged:
			o.add(ch.Row, ", what customers must do now reads"+d)
		case ch.Kind == diff.RowAdded:
			o.add(ch.Row, " (new)"+d)
		}
	}
	return m.lines(), l.lines(), o.lines()
}

// grouped gathers rows by what is said of them, in the order first said.
type grouped struct {
	says []string
	rows map[string][]string
}

func (g *grouped) add(row, says string) {
	if g.rows == nil {
		g.rows = map[string][]string{}
	}
	if _, ok := g.rows[says]; !ok {
		g.says = append(g.says, says)
	}
	g.rows[says] = append(g.rows[says], row)
}

func (g *grouped) lines() []string {
	out := make([]string, len(g.says))
	for i, says := range g.says {
		out[i] = strings.Join(g.rows[says], ", ") + says
	}
	return out
}

func customerImpact(more, less, other []string) string {
	var parts []string
	if len(more) > 0 {
		parts = append(parts, "What customers must now do that they did not: "+strings.Join(more, "; ")+".")
	}
	if len(less) > 0 {
		parts = append(parts, "What customers no longer need to do, now inherited: "+strings.Join(less, "; ")+".")
	}
	if len(other) > 0 {
		parts = append(parts, "Other changes to customer responsibilities: "+strings.Join(other, "; ")+".")
	}
	if len(parts) == 0 {
		return "No change to what customers must do."
	}
	return strings.Join(parts, "\n\n")
}

// impactedControls are the controls of the changed rows, in catalog order;
// white-space changes and system metadata concern no control.
func impactedControls(r *diff.Result) []string {
	var ids []controlid.ID
	for _, ch := range r.Changes {
		if ch.Row == "" || ch.Kind == diff.TextWhitespace {
			continue
		}
		if id, err := controlid.Parse(ch.Row); err == nil && !slices.Contains(ids, id.Base()) {
			ids = append(ids, id.Base())
		}
	}
	slices.SortFunc(ids, controlid.Compare)
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id.String()
	}
	return out
}

func describeChange(r *diff.Result, sys crm.System, controls, more, less int) string {
	version := ""
	if sys.Version != "" {
		version = " version " + sys.Version
	}
	return fmt.Sprintf("Customer Responsibility Matrix of %s%s: %s changed; rows moving responsibility toward customers: %d, toward %s: %d (%s).",
		sys.Name, version, crm.Plural(controls, "control"), more, sys.CSP, less, r.Summarize().Line())
}

// CheckSCN holds an SCN to the intended shape: only the fields this package
// knows, one of the two change types, a description, and a plan with its
// summary when there is one.
func CheckSCN(data []byte) error {
	var n SCN
	if err := decodeExact(data, &n); err != nil {
		return fmt.Errorf("not the intended SCN shape: %w", err)
	}
	switch {
	case n.CertificationPackageOverviewURI == "":
		return fmt.Errorf("no certificationPackageOverviewUri")
	case !slices.Contains(ChangeTypes, n.ChangeType):
		return fmt.Errorf("change type %q is none of %q", n.ChangeType, ChangeTypes)
	case n.ChangeDescription == "":
		return fmt.Errorf("no changeDescription")
	case n.PlanAndTimeline != nil && n.PlanAndTimeline.Summary == "":
		return fmt.Errorf("a planAndTimeline without its summary")
	}
	return nil
}
