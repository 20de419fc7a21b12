// Package templates embeds the declarative data crm writes workbooks and
// starter inputs from: the Appendix J layout and the service-model defaults.
package templates

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"

	"go.yaml.in/yaml/v3"
)

//go:embed appendix-j.yaml
var appendixJ []byte

//go:embed service-models.yaml
var serviceModels []byte

// AppendixJ returns the workbook layout, parsed once.
var AppendixJ = sync.OnceValues(func() (*Layout, error) {
	var l Layout
	return &l, decodeStrict("appendix-j.yaml", appendixJ, &l)
})

// ServiceModels returns the service-model defaults, parsed once.
var ServiceModels = sync.OnceValues(func() (*ServiceModelDefaults, error) {
	var d ServiceModelDefaults
	return &d, decodeStrict("service-models.yaml", serviceModels, &d)
})

func decodeStrict(name string, data []byte, into any) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(into); err != nil {
		return fmt.Errorf("embedded %s: %w", name, err)
	}
	return nil
}
