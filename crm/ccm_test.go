package crm

import "testing"

func TestCCMOwnership(t *testing.T) {
	// Every answer kind, with the originations that go with it.
	tests := []struct {
		origination []Origination
		answer      Answer
		status      []Status
		want        string
	}{
		{[]Origination{SPSystem}, AnswerYes, nil, CCMCSPOwned},
		{[]Origination{Inherited}, AnswerYes, nil, CCMThirdParty},
		{[]Origination{SPSystem, Inherited}, AnswerYes, nil, CCMSharedCSPThird},
		{[]Origination{SPCorporate}, AnswerNo, nil, CCMCSCOwned}, // a policy row: the agency keeps its own
		{[]Origination{SPHybrid}, AnswerNo, nil, CCMCSCOwned},    // answered No: the customer carries it
		{[]Origination{CustomerConfigured}, AnswerNo, nil, CCMCSCOwned},
		{[]Origination{Inherited, CustomerConfigured}, AnswerPartial, nil, CCMSharedCSPCSC},
		{[]Origination{Shared}, AnswerPartial, nil, CCMSharedCSPCSC},
		{[]Origination{SPSystem}, AnswerPartial, nil, CCMSharedCSPCSC},
		{[]Origination{SPHybrid, CustomerProvided}, "", nil, CCMSharedCSPCSC},
		{[]Origination{Inherited}, "", nil, CCMThirdParty},
		{[]Origination{SPSystem}, "", nil, CCMCSPOwned},
		{[]Origination{CustomerProvided}, "", nil, CCMCSCOwned},
		{nil, "", nil, ""},
		{[]Origination{SPSystem}, AnswerYes, []Status{NotApplicable}, CCMNotApplicable},
	}
	for _, tc := range tests {
		r := &Row{Fields: Fields{Origination: tc.origination, Status: tc.status}, Answer: tc.answer}
		if got, why := CCMOwnership(r); got != tc.want || (got != "" && why == "") {
			t.Errorf("%v %s %v: %q (%q), want %q", tc.origination, tc.answer, tc.status, got, why, tc.want)
		}
	}
}
