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

// The embedded files are decoded on first use, once. They are compiled in
// and the tests decode them (TestAppendixJ, TestServiceModels), so a file
// that fails to decode is a defect of the build, not of anyone's input:
// decodeEmbedded panics rather than make every caller handle an error that
// cannot happen in a released crm.

// AppendixJ returns the workbook layout.
var AppendixJ = sync.OnceValue(func() *Layout {
	var l Layout
	decodeEmbedded("appendix-j.yaml", appendixJ, &l)
	return &l
})

// ServiceModels returns the service-model defaults.
var ServiceModels = sync.OnceValue(func() *ServiceModelDefaults {
	var d ServiceModelDefaults
	decodeEmbedded("service-models.yaml", serviceModels, &d)
	return &d
})

func decodeEmbedded(name string, data []byte, into any) {
	if err := decodeStrict(data, into); err != nil {
		panic(fmt.Sprintf("crm was built with a broken embedded %s: %v", name, err))
	}
}

func decodeStrict(data []byte, into any) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	return dec.Decode(into)
}
