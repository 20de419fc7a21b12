package crm

import (
	"encoding/json"
	"regexp"
	"strings"
)

// SchemaVersion is the input format version this library reads and writes.
const SchemaVersion = 1

// Document is a provider's input: its system and how each control is
// classified. Field names follow schemas/input-v1.schema.json.
type Document struct {
	SchemaVersion int              `json:"schema_version"`
	Revision      int              `json:"revision,omitempty"` // 0 or 5: Rev 5; 4: Rev 4 rows
	System        System           `json:"system"`
	Services      []Service        `json:"services,omitempty"`
	Leveraged     []Leveraged      `json:"leveraged,omitempty"`
	Defaults      []Default        `json:"defaults,omitempty"`
	Controls      map[string]Entry `json:"controls,omitempty"`
	// Parameters are the organization-defined parameter values, by
	// parameter id (ac-02_odp.06).
	Parameters map[string]string `json:"parameters,omitempty"`
}

// System describes the cloud service offering.
type System struct {
	CSP             string   `json:"csp"`
	Name            string   `json:"name"`
	FedRAMPID       string   `json:"fedramp_id,omitempty"`
	Baseline        string   `json:"baseline"`
	ServiceModels   []string `json:"service_models,omitempty"`
	DeploymentModel string   `json:"deployment_model,omitempty"`
	Version         string   `json:"version,omitempty"`
	Date            string   `json:"date,omitempty"`
	// PackageOverviewURI is the FedRAMP Certification Package Overview's
	// URI, which CR26's JSON formats point at.
	PackageOverviewURI string     `json:"package_overview_uri,omitempty"`
	DateAuthorized     string     `json:"date_authorized,omitempty"`
	Revisions          []Revision `json:"revisions,omitempty"`
}

// HasServiceModel reports whether the system declares service model m
// (iaas, paas, saas, other).
func (s System) HasServiceModel(m string) bool {
	for _, x := range s.ServiceModels {
		if x == m {
			return true
		}
	}
	return false
}

// Revision is one line of the document's revision history.
type Revision struct {
	Date        string `json:"date"`
	Version     string `json:"version,omitempty"`
	Description string `json:"description"`
	Author      string `json:"author,omitempty"`
}

// Service is one of the services the offering is made of.
type Service struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
}

// FedRAMPIDPlaceholder stands for a leveraged authorization's FedRAMP
// package id in a starter input until the user gives it; validation reports
// it as a placeholder.
const FedRAMPIDPlaceholder = "<FedRAMP package ID>"

// Leveraged is a FedRAMP authorization the system inherits controls from.
type Leveraged struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	FedRAMPID string `json:"fedramp_id,omitempty"`
	Type      string `json:"type,omitempty"`
	Impact    string `json:"impact,omitempty"`
	// DateAuthorized is that offering's FedRAMP authorization date.
	DateAuthorized string   `json:"date_authorized,omitempty"`
	CRM            string   `json:"crm,omitempty"`     // that provider's CRM, relative to this document
	Inherit        []string `json:"inherit,omitempty"` // families and controls filled from it
}

// Fields are what a row, a control or a default may say. Empty fields say
// nothing and leave the value to a less specific layer.
type Fields struct {
	Origination OneOrMany[Origination] `json:"origination,omitempty"`
	Status      OneOrMany[Status]      `json:"status,omitempty"`
	PlannedDate string                 `json:"planned_date,omitempty"`
	Explanation string                 `json:"explanation,omitempty"`
	Answer      Answer                 `json:"answer,omitempty"`
	Provider    string                 `json:"provider,omitempty"`
	Customer    string                 `json:"customer,omitempty"`
	Services    map[string]string      `json:"services,omitempty"`
	Leveraged   string                 `json:"leveraged,omitempty"`
	PassOn      string                 `json:"pass_on,omitempty"`
	Todo        *bool                  `json:"todo,omitempty"`
}

// Entry is what the input says of one control or statement part.
type Entry = Fields

// Default gives fields to whole families or to a set of controls and rows,
// or asks for a service model's shared-responsibility defaults.
type Default struct {
	Families     []string `json:"families,omitempty"`
	Controls     []string `json:"controls,omitempty"`
	ServiceModel string   `json:"service_model,omitempty"`
	Fields
}

// OneOrMany is a list that the input may also write as a single value.
type OneOrMany[T ~string] []T

// UnmarshalJSON accepts "x" as well as ["x", "y"].
func (l *OneOrMany[T]) UnmarshalJSON(b []byte) error {
	var one T
	if err := json.Unmarshal(b, &one); err == nil {
		*l = OneOrMany[T]{one}
		return nil
	}
	var many []T
	if err := json.Unmarshal(b, &many); err != nil {
		return err
	}
	*l = many
	return nil
}

// MarshalJSON writes a single value without brackets.
func (l OneOrMany[T]) MarshalJSON() ([]byte, error) {
	if len(l) == 1 {
		return json.Marshal(l[0])
	}
	return json.Marshal([]T(l))
}

// LeveragedID is the id a leveraged authorization's name gets in an input:
// "AWS GovCloud (US)" → "aws-govcloud-us".
func LeveragedID(name string) string {
	id := strings.Trim(nonID.ReplaceAllString(strings.ToLower(name), "-"), "-")
	if id == "" {
		return "leveraged"
	}
	return id
}

var nonID = regexp.MustCompile(`[^a-z0-9]+`)
