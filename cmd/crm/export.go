package main

import (
	"io"

	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/oscal"
	"github.com/crm-tool/crm/crm/report"
	"github.com/crm-tool/crm/crm/workbook"
	"github.com/spf13/cobra"
)

const exportLong = `Export a CRM (an input document or a workbook) in other vocabularies:

  oscal-ssp        a minimal, complete OSCAL 1.1.2 System Security Plan in JSON:
                   per control part, the this-system component's control
                   origination (FedRAMP's values) and implementation status, what
                   customers inherit (export.provided) and what is theirs to do
                   (export.responsibilities), the leveraged authorizations, and
                   crm's own properties so that crm import gives the CRM back
  oscal-ssp-yaml   the same SSP in YAML
  ccm-csv          each row's ownership in the CSA CCM v4 vocabulary (CSP-owned,
                   CSC-owned, Third-party outsourced, Shared CSP and CSC, Shared CSP
                   and third party, N/A), with the reason
  ccm-xlsx         the same as a filterable sheet

UUIDs are name-based: the same system, row and role always get the same one.`

func newExportCmd(s *streams) *cobra.Command {
	var out *outputFlags
	var baseline *enumFlag
	var force bool
	cmd := &cobra.Command{
		Use:   "export INPUT --format FORMAT",
		Short: "Export a CRM as an OSCAL SSP or in the CCM ownership vocabulary",
		Long:  exportLong,
		Example: `  crm export testdata/examples/saas-moderate.yaml -f oscal-ssp -o ssp.json
  crm export crm.xlsx -f ccm-csv -o ccm.csv`,
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: completeInputFiles,
		RunE: func(_ *cobra.Command, args []string) error {
			res, err := loadInput(s, args[0], catalog.Baseline(baseline.value), force)
			if err != nil {
				return err
			}
			format := out.format.value
			return writeOutput(s, out.output, format == "ccm-xlsx", res.Sources, func(w io.Writer) error {
				switch format {
				case "oscal-ssp":
					return oscal.WriteJSON(w, oscal.Export(res.Doc, res.Rows))
				case "oscal-ssp-yaml":
					return oscal.WriteYAML(w, oscal.Export(res.Doc, res.Rows))
				case "ccm-csv":
					return report.WriteCCM(w, res.Rows)
				}
				return workbook.WriteCCM(w, res.Doc.System.Name, report.CCMHeaders, report.CCMRows(res.Rows))
			})
		},
	}
	out = addOutputFlags(cmd, []string{"oscal-ssp", "oscal-ssp-yaml", "ccm-csv", "ccm-xlsx"})
	baseline = addBaselineChoice(cmd)
	addForceFlag(cmd, &force)
	return cmd
}
