package validate

import (
	"fmt"
	"strings"
	"testing"
)

// TestExportFindings: what an SDR or SCN export needs of an input that the
// workbook does not.
func TestExportFindings(t *testing.T) {
	base := `schema_version: 1
system: {csp: Acme, name: Acme Test, baseline: low, service_models: [paas]%s}
defaults:
  - families: [AC, AT, AU, CA, CM, CP, IA, IR, MA, MP, PE, PL, PS, RA, SA, SC, SI, SR]
    origination: sp-system
    status: implemented
`
	rules := func(sys string, target string) []string {
		res, err := Bytes("in.yaml", []byte(fmt.Sprintf(base, sys)))
		if err != nil || res.Doc == nil {
			t.Fatalf("%v %v", err, res.Findings)
		}
		var out []string
		for _, f := range ExportFindings(res, target) {
			out = append(out, fmt.Sprintf("%s %d:%d %s", f.Rule, f.Line, f.Col, f.Pointer))
		}
		return out
	}
	if got := rules("", ForSDR); strings.Join(got, "|") != "missing-parameter 1:1 /parameters|missing-package-overview 2:1 /system" {
		t.Errorf("SDR without a package overview or parameters: %q", got)
	}
	if got := rules(", package_overview_uri: 'https://example.com/cpo'", ForSCN); len(got) != 0 {
		t.Errorf("SCN with its package overview: %q", got)
	}
	res, _ := Bytes("in.yaml", []byte(fmt.Sprintf(base, "")))
	for _, f := range ExportFindings(res, ForSDR) {
		if f.Rule == "missing-parameter" && !strings.Contains(f.Message, "(controls AC-1, AC-2, AC-7, AC-8, AC-14 and ") {
			t.Errorf("the message does not name the first missing ones: %s", f.Message)
		}
	}
}
