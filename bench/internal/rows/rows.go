// Package rows makes the benchmark-only synthetic CRM both bench programs
// write: the High example's resolved rows, repeated to any count.
package rows

import (
	"fmt"
	"path/filepath"
	"runtime"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/validate"
	"github.com/crm-tool/crm/crm/workbook"
)

// Spec resolves testdata/examples/iaas-high.yaml and repeats its rows until
// there are n (ids repeat: the workbook is for measuring only).
func Spec(n int) (*workbook.Spec, error) {
	_, file, _, _ := runtime.Caller(0)
	path := filepath.Join(filepath.Dir(file), "..", "..", "..", "testdata", "examples", "iaas-high.yaml")
	res, err := validate.File(path, "")
	if err != nil {
		return nil, err
	}
	if res.Doc == nil {
		return nil, fmt.Errorf("%s does not validate", path)
	}
	out := make([]crm.Row, 0, n)
	for len(out) < n {
		out = append(out, res.Rows[:min(len(res.Rows), n-len(out))]...)
	}
	return &workbook.Spec{Doc: res.Doc, Baseline: catalog.High, Rows: out,
		Provenance: &workbook.Provenance{Tool: "bench", Input: "iaas-high.yaml", Line: func(p string) int { l, _ := res.Locate(p); return l }}}, nil
}
