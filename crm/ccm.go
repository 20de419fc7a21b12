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

// CCMOwnership maps a row to the CCM v4 ownership vocabulary (STA-04's:
// who owns the control's implementation), with the reason. Ownership follows
// who carries the row, which the CRM answer says: No is the customer's
// (whatever the provider runs for itself, as on a policy row), Partial is
// shared, Yes is the provider's, or a third party's when the provider
// inherits it from a leveraged authorization. Without an answer the
// origination decides. It maps vocabularies for one 800-53 row; it does not
// map 800-53 controls to CCM controls.
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
	switch r.Answer {
	case AnswerNo:
		return CCMCSCOwned, "answered No: the customer implements it"
	case AnswerPartial:
		return CCMSharedCSPCSC, "answered Partial: the provider and the customer share it"
	case AnswerYes:
		switch {
		case inherited && (provider || shared):
			return CCMSharedCSPThird, "answered Yes: the provider implements part and inherits the rest from a leveraged authorization"
		case inherited:
			return CCMThirdParty, "answered Yes: inherited from a leveraged authorization"
		}
		return CCMCSPOwned, "answered Yes: the provider implements it"
	}
	switch {
	case shared || (provider || inherited) && customer:
		return CCMSharedCSPCSC, "not answered; the origination marks the provider and the customer"
	case inherited && provider:
		return CCMSharedCSPThird, "not answered; the origination marks the provider and a leveraged authorization"
	case inherited:
		return CCMThirdParty, "not answered; the origination marks a leveraged authorization"
	case provider:
		return CCMCSPOwned, "not answered; the origination marks only the provider"
	case customer:
		return CCMCSCOwned, "not answered; the origination marks only the customer"
	}
	return "", "the row is not answered"
}

// CCMVocabulary lists the ownership values in CCM's order.
var CCMVocabulary = []string{CCMCSPOwned, CCMCSCOwned, CCMThirdParty, CCMSharedCSPCSC, CCMSharedCSPThird, CCMNotApplicable}
