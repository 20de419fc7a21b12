package crm

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestNotes(t *testing.T) {
	one := &Document{System: System{CSP: "Acme"}, Leveraged: []Leveraged{{ID: "gov", Name: "GovCloud", FedRAMPID: "F1"}}}
	two := &Document{System: System{CSP: "Acme"}, Leveraged: []Leveraged{{ID: "gov", Name: "GovCloud", FedRAMPID: "F1"}, {ID: "idp", Name: "IdP"}}}
	tests := []struct {
		name string
		doc  *Document
		row  Row
		want []string
	}{
		{name: "implemented Yes row: nothing (the GUIDANCE leaves Yes rows blank)", doc: one,
			row: Row{Answer: AnswerYes, Fields: Fields{Status: []Status{Implemented}}}},
		{name: "planned Yes row: not yet in place, with the date", doc: one,
			row:  Row{Answer: AnswerYes, Fields: Fields{Status: []Status{Planned}, PlannedDate: "2027-03-31", Explanation: "Being built."}},
			want: []string{"Not yet in place at the provider: planned, expected by 2027-03-31. Being built."}},
		{name: "partial and planned Partial row", doc: one,
			row:  Row{Answer: AnswerPartial, Fields: Fields{Status: []Status{Partial, Planned}, PlannedDate: "2027-06-30"}},
			want: []string{"Only partly in place at the provider; the rest is planned, expected by 2027-06-30."}},
		{name: "partial Yes row without a date", doc: one,
			row:  Row{Answer: AnswerYes, Fields: Fields{Status: []Status{Partial}, Explanation: "Web tier only."}},
			want: []string{"Only partly in place at the provider. Web tier only."}},
		{name: "planned No row: nothing is inherited, so no promise to qualify", doc: one,
			row: Row{Answer: AnswerNo, Fields: Fields{Status: []Status{Planned}, PlannedDate: "2027-01-01"}}},
		{name: "not applicable, even unanswered", doc: one,
			row:  Row{Fields: Fields{Status: []Status{NotApplicable}, Explanation: "No wireless."}},
			want: []string{"Not applicable. No wireless."}},
		{name: "alternative implementation carries its explanation", doc: one,
			row:  Row{Answer: AnswerYes, Fields: Fields{Status: []Status{Alternative}, Explanation: "Federation instead."}},
			want: []string{"Alternative implementation. Federation instead."}},
		{name: "Partial row: what is inherited from the provider", doc: one,
			row:  Row{Answer: AnswerPartial, Fields: Fields{Provider: "Acme runs the accounts."}},
			want: []string{"Inherited from Acme: Acme runs the accounts."}},
		{name: "Yes row's provider text stays off the CRM", doc: one,
			row: Row{Answer: AnswerYes, Fields: Fields{Provider: "Acme runs it."}}},
		{name: "one authorization: named in the CIS header, not here", doc: one,
			row: Row{Answer: AnswerYes, Fields: Fields{Origination: []Origination{Inherited}, Leveraged: "gov"}}},
		{name: "several authorizations: the row names its own", doc: two,
			row:  Row{Answer: AnswerYes, Fields: Fields{Origination: []Origination{Inherited}, Leveraged: "gov"}},
			want: []string{"Inherited by Acme from GovCloud, FedRAMP F1."}},
		{name: "a duty passed on says where it comes from", doc: two,
			row:  Row{Answer: AnswerNo, Fields: Fields{PassOn: "idp", Customer: "Federate."}},
			want: []string{"Passed on from IdP, whose CRM leaves this to its customers:"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Notes(&tc.row, tc.doc)
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("notes (-want +got):\n%s", d)
			}
			text := Responsibility(&tc.row, tc.doc, "")
			if back := StripNotes(text, &tc.row, tc.doc); back != CustomerText(&tc.row, tc.doc, "") {
				t.Errorf("StripNotes(%q) = %q, want the customer text", text, back)
			}
		})
	}
}

func TestStripNotesKeepsOtherText(t *testing.T) {
	doc := &Document{System: System{CSP: "Acme"}}
	r := &Row{Answer: AnswerYes, Fields: Fields{Status: []Status{Planned}}}
	for _, text := range []string{"", "Written by hand.", "Not yet in place at the provider: planned.Written on."} {
		if got := StripNotes(text, r, doc); got != text {
			t.Errorf("StripNotes(%q) = %q", text, got)
		}
	}
}
