package validate

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/schemacheck"
	"github.com/crm-tool/crm/crm/source"
)

// BenchmarkValidateModerate validates the full Moderate example: decoding,
// schema, ids, resolution of all 688 rows and every rule (the example has
// warnings, no errors).
func BenchmarkValidateModerate(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(repo, "testdata", "examples", "saas-moderate.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		res, err := Bytes("saas-moderate.yaml", data)
		if err != nil || len(res.Rows) != 688 || slices.ContainsFunc(res.Findings, func(f crm.Finding) bool { return f.Severity == crm.Error }) {
			b.Fatalf("rows %d, findings %v, err %v", len(res.Rows), res.Findings, err)
		}
	}
}

// BenchmarkSchemaHigh checks the High example against the input schema
// alone: the part of validation the jsonschema library does.
func BenchmarkSchemaHigh(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(repo, "testdata", "examples", "iaas-high.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	src, err := source.Decode("iaas-high.yaml", data)
	if err != nil {
		b.Fatal(err)
	}
	schema, err := schemacheck.Input()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if !schema.Valid(src.Value) {
			b.Fatal("the example does not follow the schema")
		}
	}
}
