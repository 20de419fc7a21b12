// Package oscal writes a CRM as a minimal, complete OSCAL 1.1.2 System
// Security Plan and reads SSPs (this tool's or others') back into input
// documents. Only the parts of the SSP model crm uses are declared here.
package oscal

// Document is an OSCAL file holding a system security plan.
type Document struct {
	SSP SSP `json:"system-security-plan"`
}

// SSP is the system security plan.
type SSP struct {
	UUID                  string                `json:"uuid"`
	Metadata              Metadata              `json:"metadata"`
	ImportProfile         ImportProfile         `json:"import-profile"`
	SystemCharacteristics SystemCharacteristics `json:"system-characteristics"`
	SystemImplementation  SystemImplementation  `json:"system-implementation"`
	ControlImplementation ControlImplementation `json:"control-implementation"`
}

// Metadata is the document's metadata.
type Metadata struct {
	Title        string     `json:"title"`
	LastModified string     `json:"last-modified"`
	Version      string     `json:"version"`
	OSCALVersion string     `json:"oscal-version"`
	Revisions    []Revision `json:"revisions,omitempty"`
	Roles        []Role     `json:"roles,omitempty"`
	Parties      []Party    `json:"parties,omitempty"`
	Props        []Prop     `json:"props,omitempty"`
}

// Revision is one line of the revision history.
type Revision struct {
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"`
	Version   string `json:"version"`
	Remarks   string `json:"remarks,omitempty"`
	Props     []Prop `json:"props,omitempty"`
}

// Role is a metadata role.
type Role struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// Party is an organisation.
type Party struct {
	UUID string `json:"uuid"`
	Type string `json:"type"`
	Name string `json:"name,omitempty"`
}

// Prop is an OSCAL property.
type Prop struct {
	Name    string `json:"name"`
	NS      string `json:"ns,omitempty"`
	Value   string `json:"value"`
	Class   string `json:"class,omitempty"`
	Remarks string `json:"remarks,omitempty"`
}

// ImportProfile names the baseline profile.
type ImportProfile struct {
	Href string `json:"href"`
}

// SystemCharacteristics describes the system.
type SystemCharacteristics struct {
	SystemIDs                []SystemID            `json:"system-ids"`
	SystemName               string                `json:"system-name"`
	SystemNameShort          string                `json:"system-name-short,omitempty"`
	Description              string                `json:"description"`
	Props                    []Prop                `json:"props,omitempty"`
	DateAuthorized           string                `json:"date-authorized,omitempty"`
	SecuritySensitivityLevel string                `json:"security-sensitivity-level,omitempty"`
	SystemInformation        SystemInformation     `json:"system-information"`
	SecurityImpactLevel      *SecurityImpactLevel  `json:"security-impact-level,omitempty"`
	Status                   Status                `json:"status"`
	AuthorizationBoundary    AuthorizationBoundary `json:"authorization-boundary"`
}

// SystemID identifies the system.
type SystemID struct {
	IdentifierType string `json:"identifier-type,omitempty"`
	ID             string `json:"id"`
}

// SystemInformation lists the information types the system handles.
type SystemInformation struct {
	InformationTypes []InformationType `json:"information-types"`
}

// InformationType is one kind of information.
type InformationType struct {
	UUID                  string  `json:"uuid,omitempty"`
	Title                 string  `json:"title"`
	Description           string  `json:"description"`
	ConfidentialityImpact *Impact `json:"confidentiality-impact,omitempty"`
	IntegrityImpact       *Impact `json:"integrity-impact,omitempty"`
	AvailabilityImpact    *Impact `json:"availability-impact,omitempty"`
}

// Impact is a FIPS 199 level.
type Impact struct {
	Base string `json:"base"`
}

// SecurityImpactLevel is the system's FIPS 199 categorisation.
type SecurityImpactLevel struct {
	Confidentiality string `json:"security-objective-confidentiality"`
	Integrity       string `json:"security-objective-integrity"`
	Availability    string `json:"security-objective-availability"`
}

// Status is an operational or implementation state.
type Status struct {
	State   string `json:"state"`
	Remarks string `json:"remarks,omitempty"`
}

// AuthorizationBoundary describes the boundary.
type AuthorizationBoundary struct {
	Description string `json:"description"`
}

// SystemImplementation holds users, leveraged authorizations, components.
type SystemImplementation struct {
	Users                   []User                   `json:"users"`
	LeveragedAuthorizations []LeveragedAuthorization `json:"leveraged-authorizations,omitempty"`
	Components              []Component              `json:"components"`
}

// User is a kind of system user.
type User struct {
	UUID        string   `json:"uuid"`
	Title       string   `json:"title,omitempty"`
	Description string   `json:"description,omitempty"`
	RoleIDs     []string `json:"role-ids,omitempty"`
}

// LeveragedAuthorization is another authorized system this one inherits
// from.
type LeveragedAuthorization struct {
	UUID           string `json:"uuid"`
	Title          string `json:"title"`
	Props          []Prop `json:"props,omitempty"`
	PartyUUID      string `json:"party-uuid"`
	DateAuthorized string `json:"date-authorized"`
	Remarks        string `json:"remarks,omitempty"`
}

// Component is a part of the system, or a leveraged system or service.
type Component struct {
	UUID        string `json:"uuid"`
	Type        string `json:"type"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Props       []Prop `json:"props,omitempty"`
	Status      Status `json:"status"`
}

// ControlImplementation holds the implemented requirements.
type ControlImplementation struct {
	Description             string                   `json:"description"`
	SetParameters           []SetParameter           `json:"set-parameters,omitempty"`
	ImplementedRequirements []ImplementedRequirement `json:"implemented-requirements"`
}

// SetParameter is an organization-defined parameter's value.
type SetParameter struct {
	ParamID string   `json:"param-id"`
	Values  []string `json:"values"`
}

// ImplementedRequirement is one control.
type ImplementedRequirement struct {
	UUID         string        `json:"uuid"`
	ControlID    string        `json:"control-id"`
	Props        []Prop        `json:"props,omitempty"`
	Statements   []Statement   `json:"statements,omitempty"`
	ByComponents []ByComponent `json:"by-components,omitempty"`
}

// Statement is one statement part of a control: one CRM row.
type Statement struct {
	StatementID  string        `json:"statement-id"`
	UUID         string        `json:"uuid"`
	Props        []Prop        `json:"props,omitempty"`
	ByComponents []ByComponent `json:"by-components,omitempty"`
}

// ByComponent is how one component implements a statement.
type ByComponent struct {
	ComponentUUID        string      `json:"component-uuid"`
	UUID                 string      `json:"uuid"`
	Description          string      `json:"description"`
	Props                []Prop      `json:"props,omitempty"`
	ImplementationStatus *Status     `json:"implementation-status,omitempty"`
	Export               *ExportPart `json:"export,omitempty"`
	Inherited            []Inherited `json:"inherited,omitempty"`
	Satisfied            []Satisfied `json:"satisfied,omitempty"`
}

// Satisfied is how this system meets a responsibility its leveraged
// system's SSP leaves to it.
type Satisfied struct {
	UUID               string `json:"uuid"`
	ResponsibilityUUID string `json:"responsibility-uuid,omitempty"`
	Description        string `json:"description"`
}

// ExportPart is what a provider offers its customers and leaves to them.
type ExportPart struct {
	Provided         []Provided       `json:"provided,omitempty"`
	Responsibilities []Responsibility `json:"responsibilities,omitempty"`
}

// Provided is a capability customers may inherit.
type Provided struct {
	UUID        string `json:"uuid"`
	Description string `json:"description"`
	Props       []Prop `json:"props,omitempty"`
}

// Responsibility is a duty of the customer.
type Responsibility struct {
	UUID         string `json:"uuid"`
	ProvidedUUID string `json:"provided-uuid,omitempty"`
	Description  string `json:"description"`
	Props        []Prop `json:"props,omitempty"`
}

// Inherited is what this system inherits from a leveraged one.
type Inherited struct {
	UUID         string `json:"uuid"`
	ProvidedUUID string `json:"provided-uuid,omitempty"`
	Description  string `json:"description"`
}
