package crm

// FromUpstream is what a row says when a leveraged provider's CRM answers
// it: what that provider gives (Yes, and the provided part of Partial) is
// inherited from it; nothing else is said. What the provider leaves to its
// customers is not passed on to this system's customers: under FedRAMP's
// leveraged-authorization model the leveraging provider is that customer
// (OSCAL's satisfied: the leveraging system says how it meets each
// responsibility), so the duty stays with it unless a row passes it on with
// pass_on (see package validate, rule upstream-duty).
func FromUpstream(answer Answer, leveraged string) Fields {
	if answer == AnswerYes || answer == AnswerPartial {
		return Fields{Origination: []Origination{Inherited}, Leveraged: leveraged}
	}
	return Fields{}
}

// ProviderDoes reports whether a row's origination has this provider do
// part of the work itself (a Service Provider column).
func ProviderDoes(origination []Origination) bool {
	for _, o := range origination {
		if o == SPCorporate || o == SPSystem || o == SPHybrid || o == Shared {
			return true
		}
	}
	return false
}

// Hop is one provider's part of a row in a chain of leveraged
// authorizations.
type Hop struct {
	System      string        `json:"system"` // "Fabrikam: Fabrikam App Platform"
	File        string        `json:"file"`
	Answer      string        `json:"answer"`
	Origination []Origination `json:"origination"`
	Customer    string        `json:"customer,omitempty"` // what this provider leaves to its customers
	From        string        `json:"from,omitempty"`     // where the answer came from: layer, and upstream provider
	Leveraged   string        `json:"leveraged,omitempty"`
	Missing     bool          `json:"missing,omitempty"` // the provider's CRM has no such row
	// Duties are what this system's leveraged providers leave to their
	// customers on the row, and who carries each here.
	Duties []HopDuty `json:"upstream_duties,omitempty"`
}

// HopDuty is one upstream provider's duty on a row, as the level above it
// carries it.
type HopDuty struct {
	From     string `json:"from"` // the upstream provider
	Text     string `json:"text"`
	Handling string `json:"handling"` // met, passed-on, or unaddressed
	How      string `json:"how,omitempty"`
}
