package crm

import "testing"

func TestCCMOwnership(t *testing.T) {
	tests := []struct {
		origination []Origination
		answer      Answer
		status      []Status
		want        string
	}{
		{[]Origination{SPSystem}, AnswerYes, nil, CCMCSPOwned},
		{[]Origination{SPCorporate}, AnswerNo, nil, CCMCSPOwned}, // a policy row: provider-run, the agency's own duty
		{[]Origination{CustomerConfigured}, AnswerNo, nil, CCMCSCOwned},
		{[]Origination{Inherited}, AnswerYes, nil, CCMThirdParty},
		{[]Origination{SPSystem, Inherited}, AnswerYes, nil, CCMSharedCSPThird},
		{[]Origination{Inherited, CustomerConfigured}, AnswerPartial, nil, CCMSharedCSPCSC},
		{[]Origination{Shared}, AnswerPartial, nil, CCMSharedCSPCSC},
		{[]Origination{SPHybrid, CustomerProvided}, AnswerPartial, nil, CCMSharedCSPCSC},
		{nil, AnswerPartial, nil, CCMSharedCSPCSC},
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
