package validate

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/report"
	"github.com/crm-tool/crm/crm/workbook"
)

// TestGeneratedWorkbooksValidate is the invariant generate → validate: what
// crm writes from a valid input, in every mode, validates with zero errors,
// for every shipped example and the chain.
func TestGeneratedWorkbooksValidate(t *testing.T) {
	inputs, err := Expand([]string{filepath.Join(repo, "testdata", "examples")})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"iaas.yaml", "paas.yaml", "saas.yaml"} {
		inputs = append(inputs, filepath.Join(repo, "testdata", "chain", name))
	}
	template, _ := os.ReadFile(filepath.Join(repo, "..", "shared", "data", "SSP-Appendix-J-CSO-CIS-and-CRM-Workbook.xlsx"))
	for _, in := range inputs {
		res, err := File(in, "")
		if err != nil || res.Doc == nil {
			t.Fatalf("%s: %v", in, err)
		}
		base := func() *workbook.Spec {
			return &workbook.Spec{Doc: res.Doc, Baseline: catalog.Baseline(res.Doc.System.Baseline), Rows: res.Rows}
		}
		modes := map[string]func() ([]byte, error){
			"default": func() ([]byte, error) {
				s := base()
				s.Provenance = &workbook.Provenance{Tool: "test", Line: func(string) int { return 1 }}
				return write(func(b *bytes.Buffer) error { return workbook.Write(b, s) })
			},
			"no-provenance": func() ([]byte, error) { return write(func(b *bytes.Buffer) error { return workbook.Write(b, base()) }) },
		}
		if template != nil {
			modes["template"] = func() ([]byte, error) {
				return write(func(b *bytes.Buffer) error {
					return workbook.Fill(b, bytes.NewReader(template), base(), workbook.FillOptions{})
				})
			}
		}
		for _, svc := range res.Doc.Services {
			modes["service "+svc.ID] = func() ([]byte, error) {
				s := base()
				s.Service = svc.ID
				return write(func(b *bytes.Buffer) error { return workbook.Write(b, s) })
			}
		}
		for mode, gen := range modes {
			t.Run(filepath.Base(in)+"/"+mode, func(t *testing.T) {
				data, err := gen()
				if err != nil {
					t.Fatal(err)
				}
				got, err := Workbook("generated.xlsx", data, "")
				if err != nil {
					t.Fatal(err)
				}
				for _, f := range got.Findings {
					if f.Severity == crm.Error {
						t.Errorf("%s %s: %s", report.Location(f), f.Rule, f.Message)
					}
				}
			})
		}
	}
}

func write(w func(*bytes.Buffer) error) ([]byte, error) {
	var b bytes.Buffer
	err := w(&b)
	return b.Bytes(), err
}
