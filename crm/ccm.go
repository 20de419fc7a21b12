package crm

// The Cloud Security Alliance CCM v4 control ownership vocabulary, as CAIQ
// answers use it.
const (
	CCMCSPOwned       = "CSP-owned"
	CCMCSCOwned       = "CSC-owned"
	CCMThirdParty     = "Third-party outsourced"
	CCMSharedCSPCSC   = "Shared CSP and CSC"
	CCMSharedCSPThird = "Shared CSP and third party"
	CCMNotApplicable  = "N/A"
)

// CCMOwnership maps a row's origination (or, without one, its answer) to the
// CCM v4 ownership vocabulary, with the reason. It maps vocabularies for one
// 800-53 row; it does not map 800-53 controls to CCM controls.
func CCMOwnership(r *Row) (ownership, why string) {
	if !r.Applicable() {
		return CCMNotApplicable, "the row is not applicable"
	}
	var provider, customer, inherited, shared bool
	for _, o := range r.Origination {
		switch {
		case o == Inherited:
			inherited = true
		case o == Shared:
			shared = true
		case o.byProvider():
			provider = true
		case o.byCustomer():
			customer = true
		}
	}
	switch {
	case shared || provider && customer:
		return CCMSharedCSPCSC, "the provider and the customer both implement it"
	case inherited && provider:
		return CCMSharedCSPThird, "the provider implements part and inherits the rest from a leveraged authorization"
	case inherited && customer:
		return CCMSharedCSPCSC, "the provider inherits part from a leveraged authorization and leaves the rest to the customer"
	case inherited:
		return CCMThirdParty, "inherited from a leveraged authorization"
	case provider:
		return CCMCSPOwned, "only provider origination"
	case customer:
		return CCMCSCOwned, "only customer origination"
	}
	switch r.Answer {
	case AnswerYes:
		return CCMCSPOwned, "answered Yes without origination"
	case AnswerPartial:
		return CCMSharedCSPCSC, "answered Partial without origination"
	case AnswerNo:
		return CCMCSCOwned, "answered No without origination"
	}
	return "", "the row is not answered"
}

// CCMVocabulary lists the ownership values in CCM's order.
var CCMVocabulary = []string{CCMCSPOwned, CCMCSCOwned, CCMThirdParty, CCMSharedCSPCSC, CCMSharedCSPThird, CCMNotApplicable}
