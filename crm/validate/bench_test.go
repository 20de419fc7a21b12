package validate

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkValidateModerate validates the full Moderate example: decoding,
// schema, ids, resolution of all 688 rows and every rule.
func BenchmarkValidateModerate(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(repo, "testdata", "examples", "saas-moderate.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		res, err := Bytes("saas-moderate.yaml", data)
		if err != nil || len(res.Rows) != 688 || len(res.Findings) != 0 {
			b.Fatalf("rows %d, findings %v, err %v", len(res.Rows), res.Findings, err)
		}
	}
}
