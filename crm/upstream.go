package crm

// FromUpstream is what a row says when a leveraged provider's CRM answers
// it: what that provider gives whole is inherited; what it shares is
// inherited with the rest passed on to this system's customers; what it
// leaves to its customers is configured by this system's customers. The
// provider's responsibilities text travels with it.
func FromUpstream(answer Answer, text, leveraged string) Fields {
	switch answer {
	case AnswerYes:
		return Fields{Origination: []Origination{Inherited}, Leveraged: leveraged}
	case AnswerPartial:
		return Fields{Origination: []Origination{Inherited, CustomerConfigured}, Leveraged: leveraged, Customer: text}
	case AnswerNo:
		return Fields{Origination: []Origination{CustomerConfigured}, Customer: text}
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

// PassesOn reports whether a row hands work to this system's customers:
// answered Partial or No, with text saying what.
func PassesOn(r *Row) bool {
	return (r.Answer == AnswerPartial || r.Answer == AnswerNo) && (r.Customer != "" || len(r.Services) > 0)
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
}
