package templates

// ServiceModelDefaults is who owns each layer of the stack per service model.
type ServiceModelDefaults struct {
	Version int                    `yaml:"version"`
	Owners  map[string]OwnerFields `yaml:"owners"`
	Layers  []StackLayer           `yaml:"layers"`
}

// OwnerFields is what an owner means for a row.
type OwnerFields struct {
	Origination []string `yaml:"origination"`
	Answer      string   `yaml:"answer"`
}

// StackLayer is one layer: the families and controls in it, its owner per
// service model, and the customer text per owner.
type StackLayer struct {
	ID       string            `yaml:"id"`
	Title    string            `yaml:"title"`
	Families []string          `yaml:"families"`
	Controls []string          `yaml:"controls"`
	Owner    map[string]string `yaml:"owner"`    // service model → owner
	Customer map[string]string `yaml:"customer"` // owner → customer text
	// InheritWhenLeveraged: on a PaaS or SaaS that names the authorization
	// it runs on, the provider's part of this layer is inherited from it.
	InheritWhenLeveraged bool `yaml:"inherit_when_leveraged"`
}
