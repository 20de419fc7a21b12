package crm

import (
	"slices"
	"strings"
)

// Notes are the paragraphs crm writes before a row's customer text in the
// CRM worksheet's responsibilities column, so that the column tells an
// agency what the Appendix J GUIDANCE asks for and never more than the
// provider delivers:
//
//   - the provider's implementation status, when customers cannot rely on
//     the control as written yet or at all: planned or partially
//     implemented provider rows (FedRAMP's implementation-status-has-remarks
//     constraint asks for the reason; a planned control is not inheritable
//     yet), alternative implementations and not-applicable rows, each with
//     the row's explanation;
//   - on Partial rows, what is inherited from the provider (the row's
//     provider text): the GUIDANCE's Shared bullet asks to "describe which
//     elements are inherited from the CSP and describe the customer
//     responsibilities";
//   - on inherited rows of a system that leverages several authorizations,
//     which one the row comes from, by name and FedRAMP id, so that a reader
//     can look it up (one authorization is named in the CIS worksheet's
//     Inherited column header instead, as real CRMs do);
//   - on a row that passes an upstream provider's duty on (pass_on), that
//     the customer text below comes from that provider's CRM.
func Notes(r *Row, doc *Document) []string {
	var out []string
	if n := statusNote(r); n != "" {
		out = append(out, n)
	}
	if r.Answer == AnswerPartial && r.Provider != "" {
		out = append(out, "Inherited from "+doc.System.CSP+": "+r.Provider)
	}
	if len(doc.Leveraged) > 1 && slices.Contains(r.Origination, Inherited) {
		if lv, ok := doc.FindLeveraged(r.Leveraged); ok {
			out = append(out, "Inherited by "+doc.System.CSP+" from "+lv.Label()+".")
		}
	}
	if r.PassOn != "" {
		name := r.PassOn
		if lv, ok := doc.FindLeveraged(r.PassOn); ok {
			name = lv.Label()
		}
		out = append(out, "Passed on from "+name+", whose CRM leaves this to its customers:")
	}
	return out
}

// NotInPlace reports whether a row promises customers an inheritance that
// the provider has not put in place yet: answered Yes or Partial while its
// implementation is planned or only partial.
func NotInPlace(r *Row) bool {
	if r.Answer != AnswerYes && r.Answer != AnswerPartial {
		return false
	}
	return slices.Contains(r.Status, Planned) || slices.Contains(r.Status, Partial)
}

// statusNote says, in words an agency reads, what the row's status means
// for it.
func statusNote(r *Row) string {
	var note string
	switch {
	case slices.Contains(r.Status, NotApplicable):
		note = "Not applicable."
	case NotInPlace(r):
		note = notInPlaceNote(r)
	case slices.Contains(r.Status, Alternative):
		note = "Alternative implementation."
	default:
		return ""
	}
	if r.Explanation != "" {
		note += " " + r.Explanation
	}
	return note
}

func notInPlaceNote(r *Row) string {
	expected := ""
	if r.PlannedDate != "" {
		expected = ", expected by " + r.PlannedDate
	}
	switch {
	case slices.Contains(r.Status, Partial) && slices.Contains(r.Status, Planned):
		return "Only partly in place at the provider; the rest is planned" + expected + "."
	case slices.Contains(r.Status, Planned):
		return "Not yet in place at the provider: planned" + expected + "."
	}
	return "Only partly in place at the provider."
}

// Label names a leveraged authorization as a reader looks it up: "AWS
// GovCloud (US), FedRAMP F1603047866".
func (l Leveraged) Label() string {
	if l.FedRAMPID == "" {
		return l.Name
	}
	return l.Name + ", FedRAMP " + l.FedRAMPID
}

// FindLeveraged finds a leveraged authorization by id.
func (d *Document) FindLeveraged(id string) (Leveraged, bool) {
	for _, l := range d.Leveraged {
		if l.ID == id {
			return l, true
		}
	}
	return Leveraged{}, false
}

// StripNotes removes from a responsibilities cell the notes crm wrote
// before the customer text, so that reading back crm's own workbook gives
// the customer text as the input held it. Text that does not start with them
// is returned as it is.
func StripNotes(text string, r *Row, doc *Document) string {
	if notes := strings.Join(Notes(r, doc), "\n\n"); notes != "" {
		switch {
		case text == notes:
			return ""
		case strings.HasPrefix(text, notes+"\n\n"):
			text = text[len(notes)+2:]
		}
	}
	return text
}
