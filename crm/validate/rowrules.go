package validate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/controlid"
	"github.com/crm-tool/crm/crm/source"
)

// documentRules checks the system, services and leveraged authorizations.
func (c *checker) documentRules() {
	seen := map[string]bool{}
	for i, s := range c.doc.Services {
		if seen["service:"+s.ID] {
			c.add("duplicate-id", fmt.Sprintf("/services/%d/id", i), fmt.Sprintf("service id %q is used twice", s.ID))
		}
		seen["service:"+s.ID] = true
	}
	for i, lv := range c.doc.Leveraged {
		if seen["leveraged:"+lv.ID] {
			c.add("duplicate-id", fmt.Sprintf("/leveraged/%d/id", i), fmt.Sprintf("leveraged authorization id %q is used twice", lv.ID))
		}
		seen["leveraged:"+lv.ID] = true
	}
	c.leveragedRules()
	if c.doc.System.HasServiceModel("saas") && len(c.doc.Leveraged) == 0 {
		c.add("saas-without-leveraged", "/system/service_models", "a SaaS offering usually runs on a FedRAMP-authorized IaaS or PaaS; list it under leveraged")
	}
	c.forEachEntry(func(ptr string, f *crm.Fields) {
		if f.Leveraged != "" && !seen["leveraged:"+f.Leveraged] {
			c.add("unknown-leveraged", ptr+"/leveraged", fmt.Sprintf("leveraged authorization %q is not listed under leveraged", f.Leveraged))
		}
		if f.PassOn != "" && !seen["leveraged:"+f.PassOn] {
			c.add("unknown-leveraged", ptr+"/pass_on", fmt.Sprintf("pass_on names %q, which is not listed under leveraged", f.PassOn))
		}
		for _, svc := range sortedMapKeys(f.Services) {
			if !seen["service:"+svc] {
				c.add("unknown-service", ptr+"/services/"+svc, fmt.Sprintf("service %q is not listed under services", svc))
			}
		}
	})
}

// impactRank orders impact levels; LI-SaaS is a Low baseline (FedRAMP
// tailors it from Low).
var impactRank = map[string]int{"low": 1, "li-saas": 1, "moderate": 2, "high": 3}

// leveragedRules makes FedRAMP's checks of leveraged authorizations
// (fedramp-external-constraints: leveraged-authorization-has-system-
// identifier, -has-authorization-type, -has-impact-level and
// -has-valid-impact-level): each names its FedRAMP package id, type and
// impact, and none is below the system's own level. A workbook has no place
// for the id, type and impact, so only the level is checked there, when
// known.
func (c *checker) leveragedRules() {
	own := impactRank[c.doc.System.Baseline]
	for i, lv := range c.doc.Leveraged {
		ptr := fmt.Sprintf("/leveraged/%d", i)
		var missing []string
		for _, f := range []struct{ name, value string }{{"fedramp_id", lv.FedRAMPID}, {"type", lv.Type}, {"impact", lv.Impact}} {
			if f.value == "" {
				missing = append(missing, f.name)
			}
		}
		if len(missing) > 0 && c.holds("leveraged-incomplete") {
			c.add("leveraged-incomplete", ptr, fmt.Sprintf("%s has no %s: FedRAMP requires each leveraged authorization's package id, authorization type and impact level", lv.Name, strings.Join(missing, ", ")))
		}
		if r, ok := impactRank[lv.Impact]; ok && r < own {
			c.add("leveraged-impact-below", ptr+"/impact", fmt.Sprintf("%s is authorized at %s, below this system's %s baseline: a system may only leverage authorizations at or above its own impact level",
				lv.Name, lv.Impact, catalog.Baseline(c.doc.System.Baseline).Title()))
		}
	}
}

// forEachEntry visits every default and control entry with its pointer.
func (c *checker) forEachEntry(visit func(ptr string, f *crm.Fields)) {
	for i := range c.doc.Defaults {
		visit(fmt.Sprintf("/defaults/%d", i), &c.doc.Defaults[i].Fields)
	}
	for _, key := range c.controlKeys() {
		e := c.doc.Controls[key]
		visit("/controls/"+source.Escape(key), &e)
	}
}

// rowRules checks every resolved row of the baseline.
func (c *checker) rowRules(rows []crm.Row) {
	var unresolved, unresolvedCore []crm.Row
	for i := range rows {
		r := &rows[i]
		id := r.ID.String()
		if r.Answer == "" {
			if !r.Applicable() || c.set.Baseline == catalog.LISaaS && r.Member.HasMethod("NSO") {
				if r.Resolved() {
					c.statusRules(r, id) // an N/A row has no derived answer, but still needs its reason
				}
				continue
			}
			if r.Member.Core {
				unresolvedCore = append(unresolvedCore, *r)
			} else {
				unresolved = append(unresolved, *r)
			}
			continue
		}
		from := r.AnswerFrom.Pointer
		if len(r.Origination) == 0 {
			c.addRow("no-origination", from+"/origination", fmt.Sprintf("answered %s but no control origination is marked", r.Answer.Label()), id)
		}
		if len(r.Status) == 0 {
			c.addRow("no-status", from+"/status", "no implementation status", id)
		}
		c.originationRules(r, id)
		c.statusRules(r, id)
		if crm.NotInPlace(r) {
			c.addRow("provider-not-in-place", r.From.At(crm.FieldStatus).Pointer+"/status", notInPlaceMessage(r), id)
		}
		if r.Answer != crm.AnswerYes && r.Customer == "" && len(r.Services) == 0 {
			c.addRow("missing-customer-text", from, fmt.Sprintf("answered %s without customer text: say what the customer must do", r.Answer.Label()), id)
		}
		if containsOrigination(r.Origination, crm.Inherited) && r.Leveraged == "" {
			c.addRow("inherited-without-leveraged", r.From.At(crm.FieldOrigination).Pointer, "origination inherited without naming the leveraged authorization it comes from", id)
		}
		if c.set.Baseline == catalog.LISaaS && r.Member.HasMethod("FED") && r.Answer == crm.AnswerYes {
			c.addRow("li-saas-fed-yes", from, "answered Yes, but LI-SaaS tailors this control FED: it is a federal responsibility, not the CSP's", id)
		}
	}
	if c.workbook {
		c.workbookGaps(append(unresolvedCore, unresolved...))
		return
	}
	c.unresolved("unresolved-core", unresolvedCore, "rows of CORE controls are answered by nothing")
	c.unresolved("unresolved-rows", unresolved, "rows are answered by nothing (no origination, no answer)")
}

// workbookGaps reports what a submitted workbook leaves out: rows it lists
// blank (no CRM answer, no control origination) and baseline rows it does
// not list at all. Both are errors: a CRM must answer every row of its
// baseline (FedRAMP's incomplete-all-implemented-requirements). The Rev 4
// template lists Low and Moderate rows together, and crm has no Rev 4 row
// list per baseline, so a Rev 4 workbook's unlisted rows are not checked.
func (c *checker) workbookGaps(rows []crm.Row) {
	slices.SortFunc(rows, func(a, b crm.Row) int { return controlid.Compare(a.ID, b.ID) })
	var blank, missing []crm.Row
	for _, r := range rows {
		switch {
		case c.listed[r.ID] || c.listed[r.ID.Base()]:
			blank = append(blank, r)
		case c.doc.Revision == 4:
			c.skipped["missing-rows"]++
		default:
			missing = append(missing, r)
		}
	}
	c.unresolved("blank-rows", blank, "rows are listed with no CRM answer and no control origination")
	c.unresolved("missing-rows", missing, "rows of the baseline are on neither the CIS nor the CRM worksheet")
}

func (c *checker) statusRules(r *crm.Row, id string) {
	ptr := r.From.At(crm.FieldStatus).Pointer + "/status"
	if len(r.Status) > 1 && !(len(r.Status) == 2 && containsStatus(r.Status, crm.Partial) && containsStatus(r.Status, crm.Planned)) {
		c.addRow("status-combination", ptr, fmt.Sprintf("statuses %s cannot be combined; only partial and planned can", joinStatus(r.Status)), id)
	}
	for _, s := range r.Status {
		if s != crm.Implemented && r.Explanation == "" && c.holds("missing-explanation") {
			c.addRow("missing-explanation", ptr, fmt.Sprintf("status %s needs an explanation", s), id)
			break
		}
	}
	if containsStatus(r.Status, crm.Planned) && r.PlannedDate == "" && c.holds("planned-without-date") {
		c.addRow("planned-without-date", ptr, "status planned needs a planned_date", id)
	}
}

// unholdable are the checks that ask for a field a bare workbook has no
// place for: the template's CIS and CRM sheets hold marks, answers and
// responsibilities only.
var unholdable = map[string]string{
	"missing-explanation":  "explanations of partial, planned, alternative and N/A rows",
	"planned-without-date": "planned completion dates",
	"leveraged-incomplete": "a leveraged authorization's FedRAMP id, type and impact",
	"missing-rows":         "which Rev 4 rows belong to this baseline: the Rev 4 template lists Low and Moderate together",
}

// holds reports whether the source can hold what a rule asks for; when it
// cannot, the check is counted, for one note, instead of made: no
// submission could satisfy it.
func (c *checker) holds(rule string) bool {
	if !c.bare || unholdable[rule] == "" {
		return true
	}
	c.skipped[rule]++
	return false
}

// notMade says, once per file, which checks the source could not take.
func (c *checker) notMade() {
	var what []string
	for _, rule := range sortedMapKeys(c.skipped) {
		what = append(what, fmt.Sprintf("%s (%s, %d)", rule, unholdable[rule], c.skipped[rule]))
	}
	if len(what) > 0 {
		c.add("checks-not-made", "", "not checked, as the workbook has no place for them (the template has no such column; crm's Provenance sheet holds them): "+strings.Join(what, "; ")+"; check them in the SSP")
	}
}

// notInPlaceMessage says what an agency would be promised too early.
func notInPlaceMessage(r *crm.Row) string {
	msg := fmt.Sprintf("answered %s, but the provider's implementation is %s", r.Answer.Label(), joinStatus(r.Status))
	if r.PlannedDate != "" {
		msg += ", expected by " + r.PlannedDate
	}
	return msg + ": customers cannot inherit it yet; the CRM text says so"
}

// originationRules check a row's answer against its origination, and a
// policy row's origination.
func (c *checker) originationRules(r *crm.Row, id string) {
	if len(r.Origination) == 0 {
		return
	}
	// The template's GUIDANCE gives each origination its answer; an answer
	// may claim less inheritance than that (a provider-run row answered No
	// is common), never more. Inputs and workbooks get the same check.
	if most := crm.DeriveAnswer(r.Origination); r.AnswerStated && r.Answer.Inherits() > most.Inherits() {
		c.addRowAlso("cis-crm-mismatch", r.From.At(crm.FieldAnswer).Pointer+"/answer", r.From.At(crm.FieldOrigination).Pointer+"/origination",
			fmt.Sprintf("the origination (%s) allows at most %s, but the CRM answers %s", crm.JoinHeaders(r.Origination), most.Label(), r.Answer.Label()), id)
	}
	policy := r.Member.ID.Enhancement == 0 && r.Member.ID.Control == 1
	if policy && slices.ContainsFunc(r.Origination, func(o crm.Origination) bool { return o != crm.SPCorporate && o != crm.SPSystem && o != crm.SPHybrid }) {
		c.addRow("policy-origination", r.From.At(crm.FieldOrigination).Pointer+"/origination",
			fmt.Sprintf("a policy and procedures row marks %s: FedRAMP's origination guidance allows only the provider's own (Service Provider Corporate or System Specific); the agency's own policy is said by answering No", crm.JoinHeaders(r.Origination)), id)
	}
	if !policy && r.Answer == crm.AnswerNo && !slices.ContainsFunc(r.Origination, func(o crm.Origination) bool { return o != crm.SPCorporate && o != crm.SPSystem && o != crm.SPHybrid }) {
		c.answeredNo = append(c.answeredNo, id)
	}
}

// answeredNoNote is one note listing the rows only the provider's columns
// mark yet answered No: allowed (it claims less than the marks), but worth
// a look, since the customer may inherit more than it is told.
func (c *checker) answeredNoNote() {
	if len(c.answeredNo) > 0 {
		c.add("provider-row-answered-no", "", fmt.Sprintf("%d rows marked only with the provider's own origination are answered No: %s; if customers inherit them, answer Yes",
			len(c.answeredNo), listRows(c.answeredNo, 8)), c.answeredNo...)
	}
}

// unresolved reports rows nothing answers as one finding, grouped by family.
func (c *checker) unresolved(rule string, rows []crm.Row, what string) {
	if len(rows) == 0 {
		return
	}
	var families []string
	byFamily := map[string][]string{}
	var ids []string
	for _, r := range rows {
		f := r.ID.Family
		if _, ok := byFamily[f]; !ok {
			families = append(families, f)
		}
		byFamily[f] = append(byFamily[f], r.ID.String())
		ids = append(ids, r.ID.String())
	}
	parts := make([]string, len(families))
	for i, f := range families {
		parts[i] = fmt.Sprintf("%s %d (%s)", f, len(byFamily[f]), listRows(byFamily[f], 4))
	}
	ptr := ""
	switch first := "/controls/" + source.Escape(rows[0].ID.String()); {
	case c.workbook && c.loc.has(first):
		ptr = first + "/answer" // the first blank row's answer cell
	case c.loc.has("/controls"):
		ptr = "/controls"
	}
	c.add(rule, ptr, fmt.Sprintf("%d %s: %s", len(rows), what, strings.Join(parts, "; ")), ids...)
}

func containsOrigination(list []crm.Origination, o crm.Origination) bool {
	for _, x := range list {
		if x == o {
			return true
		}
	}
	return false
}

func containsStatus(list []crm.Status, s crm.Status) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func joinStatus(list []crm.Status) string {
	s := make([]string, len(list))
	for i, x := range list {
		s[i] = string(x)
	}
	return strings.Join(s, " and ")
}
