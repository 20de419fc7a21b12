package crm

import (
	"testing"

	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/controlid"
	"github.com/google/go-cmp/cmp"
)

func fields(o ...Origination) *Fields { return &Fields{Origination: o} }

func answerOf(a Answer) *Fields { return &Fields{Answer: a} }

func TestDeriveAnswer(t *testing.T) {
	tests := []struct {
		origination []Origination
		want        Answer
	}{
		{nil, ""},
		{[]Origination{SPCorporate}, AnswerYes},
		{[]Origination{SPSystem, SPHybrid}, AnswerYes},
		{[]Origination{Inherited}, AnswerYes},
		{[]Origination{Shared}, AnswerPartial},
		{[]Origination{SPSystem, CustomerConfigured}, AnswerPartial},
		{[]Origination{Inherited, CustomerProvided}, AnswerPartial},
		{[]Origination{CustomerConfigured}, AnswerNo},
		{[]Origination{CustomerConfigured, CustomerProvided}, AnswerNo},
	}
	for _, tc := range tests {
		if got := DeriveAnswer(tc.origination); got != tc.want {
			t.Errorf("DeriveAnswer(%v) = %q, want %q", tc.origination, got, tc.want)
		}
	}
}

func TestResolvePrecedence(t *testing.T) {
	set := catalog.Default().Baseline(catalog.Moderate)
	id := controlid.MustParse
	layers := &Layers{
		ServiceModel: []DefaultLayer{{Layered: Layered{Fields: &Fields{Origination: []Origination{CustomerConfigured}, Customer: "model"}, Pointer: "model"}, Families: map[string]bool{"AC": true, "AT": true}}},
		Families: []DefaultLayer{
			{Layered: Layered{Fields: fields(SPSystem), Pointer: "/defaults/0"}, Families: map[string]bool{"AC": true}},
			{Layered: Layered{Fields: &Fields{Customer: "family text"}, Pointer: "/defaults/1"}, Families: map[string]bool{"AC": true}},
		},
		Sets: []DefaultLayer{{Layered: Layered{Fields: answerOf(AnswerNo), Pointer: "/defaults/2"}, IDs: map[controlid.ID]bool{id("AC-1"): true, id("AC-3"): true}}},
		Controls: map[controlid.ID]Layered{
			id("AC-2"): {Fields: &Fields{Origination: []Origination{Shared}}, Pointer: "/controls/AC-2"},
			id("AC-3"): {Fields: fields(SPCorporate), Pointer: "/controls/AC-3"},
		},
		Rows: map[controlid.ID]Layered{
			id("AC-2(b)"): {Fields: answerOf(AnswerYes), Pointer: "/controls/AC-2(b)"},
			id("AC-1(c)"): {Fields: fields(CustomerProvided), Pointer: "/controls/AC-1(c)"},
		},
	}
	rows := Resolve(set, layers)
	if len(rows) != 688 {
		t.Fatalf("rows = %d", len(rows))
	}
	tests := []struct {
		row        string
		answer     Answer
		stated     bool
		answerFrom Source
		customer   string
	}{
		// family default over service-model default; later family default adds text
		{row: "AC-4", answer: AnswerYes, answerFrom: Source{Layer: LayerFamily, Pointer: "/defaults/0"}, customer: "family text"},
		// set default states No; it is more specific than the family origination
		{row: "AC-1(a)", answer: AnswerNo, stated: true, answerFrom: Source{Layer: LayerSet, Pointer: "/defaults/2"}, customer: "family text"},
		// a row origination is more specific than the set's stated answer: derived again
		{row: "AC-1(c)", answer: AnswerNo, answerFrom: Source{Layer: LayerRow, Pointer: "/controls/AC-1(c)"}, customer: "family text"},
		// control origination outranks the set's answer
		{row: "AC-3", answer: AnswerYes, answerFrom: Source{Layer: LayerControl, Pointer: "/controls/AC-3"}, customer: "family text"},
		// control origination Shared gives Partial ...
		{row: "AC-2(a)", answer: AnswerPartial, answerFrom: Source{Layer: LayerControl, Pointer: "/controls/AC-2"}, customer: "family text"},
		// ... unless the row states its answer
		{row: "AC-2(b)", answer: AnswerYes, stated: true, answerFrom: Source{Layer: LayerRow, Pointer: "/controls/AC-2(b)"}, customer: "family text"},
		// only the service-model default speaks of AT
		{row: "AT-2(a)", answer: AnswerNo, answerFrom: Source{Layer: LayerServiceModel, Pointer: "model"}, customer: "model"},
		// nothing speaks of AU
		{row: "AU-2(a)", answer: ""},
	}
	for _, tc := range tests {
		t.Run(tc.row, func(t *testing.T) {
			i, ok := set.RowIndex(id(tc.row))
			if !ok {
				t.Fatalf("no row %s", tc.row)
			}
			r := rows[i]
			got := []any{r.Answer, r.AnswerStated, r.AnswerFrom, r.Customer}
			want := []any{tc.answer, tc.stated, tc.answerFrom, tc.customer}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("answer, stated, from, customer (-want +got):\n%s", d)
			}
		})
	}
}

func TestServicesMerge(t *testing.T) {
	set := catalog.Default().Baseline(catalog.Low)
	layers := &Layers{
		Families: []DefaultLayer{{Layered: Layered{Fields: &Fields{Services: map[string]string{"a": "family a", "b": "family b"}}}, Families: map[string]bool{"AC": true}}},
		Rows:     map[controlid.ID]Layered{controlid.MustParse("AC-2(a)"): {Fields: &Fields{Services: map[string]string{"b": "row b"}}}},
	}
	rows := Resolve(set, layers)
	i, _ := set.RowIndex(controlid.MustParse("AC-2(a)"))
	if d := cmp.Diff(map[string]string{"a": "family a", "b": "row b"}, rows[i].Services); d != "" {
		t.Error(d)
	}
}

func TestRollUp(t *testing.T) {
	row := func(a Answer, status ...Status) Row {
		return Row{Fields: Fields{Status: status}, Answer: a}
	}
	tests := []struct {
		name string
		rows []Row
		want Answer
	}{
		{"all yes", []Row{row(AnswerYes), row(AnswerYes)}, AnswerYes},
		{"all no", []Row{row(AnswerNo), row(AnswerNo)}, AnswerNo},
		{"mixed", []Row{row(AnswerYes), row(AnswerNo)}, AnswerPartial},
		{"a partial part", []Row{row(AnswerYes), row(AnswerPartial)}, AnswerPartial},
		{"n/a part left out", []Row{row(AnswerYes), row(AnswerNo, NotApplicable)}, AnswerYes},
		{"unresolved part does not vote", []Row{row(AnswerNo), row("")}, AnswerNo},
		{"nothing applicable", []Row{row(AnswerYes, NotApplicable)}, ""},
	}
	for _, tc := range tests {
		if got := RollUp(tc.rows).Answer; got != tc.want {
			t.Errorf("%s: RollUp = %q, want %q", tc.name, got, tc.want)
		}
	}
	s := RollUp([]Row{{Fields: Fields{Origination: []Origination{Inherited, SPSystem}}}, {Fields: Fields{Origination: []Origination{SPSystem, CustomerConfigured}}}, {Answer: ""}})
	if d := cmp.Diff([]Origination{SPSystem, CustomerConfigured, Inherited}, s.Origination); d != "" {
		t.Errorf("origination union in CIS order:\n%s", d)
	}
	if s.Unresolved != 3 || s.Rows != 3 {
		t.Errorf("rows %d, unresolved %d", s.Rows, s.Unresolved)
	}
}

func TestRollUpAllGroupsByControl(t *testing.T) {
	set := catalog.Default().Baseline(catalog.High)
	rows := Resolve(set, &Layers{Families: []DefaultLayer{{Layered: Layered{Fields: fields(SPSystem)}, Families: map[string]bool{"AC": true}}}})
	sums := RollUpAll(rows)
	if len(sums) != len(set.Members) {
		t.Fatalf("summaries = %d, want one per control (%d)", len(sums), len(set.Members))
	}
	if sums[0].Member.ID.String() != "AC-1" || sums[0].Rows != 3 || sums[0].Answer != AnswerYes {
		t.Errorf("first summary = %+v", sums[0])
	}
}

// TestResolveStatusAndPassOn: a not-applicable row gets no answer from its
// origination (only a stated one), and a row that passes an upstream duty on
// is marked Configured by Customer, so it cannot be answered Yes.
func TestResolveStatusAndPassOn(t *testing.T) {
	set := catalog.Default().Baseline(catalog.Low)
	id := controlid.MustParse
	tests := []struct {
		name        string
		row         Fields
		answer      Answer
		origination []Origination
	}{
		{"N/A with provider origination: no answer", Fields{Origination: []Origination{SPSystem}, Status: []Status{NotApplicable}}, "", []Origination{SPSystem}},
		{"N/A with a stated answer keeps it", Fields{Origination: []Origination{SPSystem}, Status: []Status{NotApplicable}, Answer: AnswerNo}, AnswerNo, []Origination{SPSystem}},
		{"planned provider row: still designed to be inherited", Fields{Origination: []Origination{SPSystem}, Status: []Status{Planned}}, AnswerYes, []Origination{SPSystem}},
		{"pass_on on an inherited row: Partial", Fields{Origination: []Origination{Inherited}, PassOn: "up"}, AnswerPartial, []Origination{CustomerConfigured, Inherited}},
		{"pass_on alone: No", Fields{PassOn: "up"}, AnswerNo, []Origination{CustomerConfigured}},
		{"pass_on with a customer column already: unchanged", Fields{Origination: []Origination{Shared}, PassOn: "up"}, AnswerPartial, []Origination{Shared}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := tc.row
			l := &Layers{Controls: map[controlid.ID]Layered{}, Rows: map[controlid.ID]Layered{id("AC-2(a)"): {Fields: &f, Pointer: "/controls/AC-2(a)"}}}
			for _, r := range Resolve(set, l) {
				if r.ID != id("AC-2(a)") {
					continue
				}
				if r.Answer != tc.answer || !cmp.Equal([]Origination(r.Origination), tc.origination) {
					t.Errorf("answer %q origination %v; want %q %v", r.Answer, r.Origination, tc.answer, tc.origination)
				}
			}
		})
	}
}
