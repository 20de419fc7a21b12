package diff

import (
	"cmp"
	"slices"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/controlid"
)

// Notice is a change notice a provider publishes to its customers: what a
// new CRM version changes in what they must do, one entry per control, the
// controls that move responsibility to them first. It holds plain words for
// people, never change kinds or word diffs: the other formats keep those
// for internal review.
type Notice struct {
	CSP       string        `json:"csp"`
	System    string        `json:"system"`
	Version   string        `json:"version,omitempty"`
	Effective string        `json:"effective,omitempty"` // the new version's date
	Reason    string        `json:"reason,omitempty"`    // the new version's latest revision
	Controls  []NoticeEntry `json:"controls"`
}

// NoticeEntry is one control's changes.
type NoticeEntry struct {
	Control  string       `json:"control"`
	Title    string       `json:"title"`
	Customer bool         `json:"more_for_customers"` // some part moved toward the customer
	Parts    []NoticePart `json:"parts"`
}

// NoticePart is a change of one or more rows of a control (parts that
// change alike are told once): what it now means for the customer, in
// words, and what the CRM now says the customer must do, whole.
type NoticePart struct {
	Rows []string `json:"rows"`
	Says string   `json:"says"`
	Text string   `json:"text,omitempty"`
}

// BuildNotice turns a comparison into a notice, with the new version's
// system block and rows.
func BuildNotice(r *Result, new *Side) *Notice {
	sys := new.Doc.System
	n := &Notice{CSP: sys.CSP, System: sys.Name, Version: sys.Version, Effective: sys.Date}
	if revs := sys.Revisions; len(revs) > 0 {
		last := revs[len(revs)-1]
		n.Reason = last.Description
		n.Version = cmp.Or(n.Version, last.Version)
		n.Effective = cmp.Or(n.Effective, last.Date)
	}
	rows := index(new.Rows)
	byControl := map[string]*NoticeEntry{}
	var order []string
	seen := map[string]bool{}
	for _, ch := range r.Changes {
		says := plainWords(ch, sys.CSP)
		if says == "" || seen[ch.Row] && ch.Kind != CustomerShift {
			continue // not for customers, or the row is told already
		}
		id, err := controlid.Parse(ch.Row)
		if err != nil {
			continue
		}
		key := id.Base().String()
		e, ok := byControl[key]
		if !ok {
			title := ""
			if c, err := catalog.Default().Lookup(id.Base()); err == nil {
				title = c.Title
			}
			e = &NoticeEntry{Control: key, Title: title}
			byControl[key] = e
			order = append(order, key)
		}
		part := NoticePart{Rows: []string{ch.Row}, Says: says}
		if row, ok := rows[id]; ok {
			part.Text = crm.Responsibility(row, new.Doc, "")
		}
		e.add(part)
		e.Customer = e.Customer || ch.Kind == CustomerShift
		seen[ch.Row] = true
	}
	for _, key := range order {
		n.Controls = append(n.Controls, *byControl[key])
	}
	slices.SortStableFunc(n.Controls, func(a, b NoticeEntry) int {
		switch {
		case a.Customer && !b.Customer:
			return -1
		case b.Customer && !a.Customer:
			return 1
		}
		return controlid.Compare(controlid.MustParse(a.Control), controlid.MustParse(b.Control))
	})
	return n
}

// add records a row's change: in place of a change already told of the
// row (a shift says more than a text change), else with the parts that
// change alike, else on its own.
func (e *NoticeEntry) add(part NoticePart) {
	row := part.Rows[0]
	for i := range e.Parts {
		if j := slices.Index(e.Parts[i].Rows, row); j >= 0 {
			e.Parts[i].Rows = slices.Delete(e.Parts[i].Rows, j, j+1)
			if len(e.Parts[i].Rows) == 0 {
				e.Parts = slices.Delete(e.Parts, i, i+1)
			}
			break
		}
	}
	for i := range e.Parts {
		if e.Parts[i].Says == part.Says && e.Parts[i].Text == part.Text {
			e.Parts[i].Rows = append(e.Parts[i].Rows, row)
			return
		}
	}
	e.Parts = append(e.Parts, part)
}

// plainWords says what a change means for a customer; "" for a change that
// does not concern them (white space, system metadata, revision remaps,
// how the provider marks its own columns).
func plainWords(ch Change, csp string) string {
	switch ch.Kind {
	case CustomerShift:
		if ch.New == crm.AnswerNo.Label() {
			return "now your responsibility (was " + answerWords(ch.Old, csp) + ")"
		}
		return "now partly your responsibility (was " + answerWords(ch.Old, csp) + ")"
	case ProviderShift:
		return "now " + answerWords(ch.New, csp) + " (was " + answerWords(ch.Old, csp) + ")"
	case AnswerChanged:
		if ch.New == "" {
			return "no longer answered in the CRM"
		}
		return "now answered: " + answerWords(ch.New, csp)
	case RowAdded:
		return "new in this version"
	case RowRemoved:
		return "no longer in the CRM"
	case TextChanged:
		return "what you must do has changed"
	}
	return ""
}

func answerWords(answer, csp string) string {
	switch answer {
	case crm.AnswerYes.Label():
		return "provided by " + csp + ": you inherit it"
	case crm.AnswerPartial.Label():
		return "shared between " + csp + " and you"
	case crm.AnswerNo.Label():
		return "yours to implement"
	}
	return "not answered"
}
