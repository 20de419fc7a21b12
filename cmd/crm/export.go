package main

import (
	"slices"

	"github.com/spf13/cobra"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/build"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/report"
	"github.com/crm-tool/crm/crm/validate"
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
  sdr              the controls of a FedRAMP CR26 Security Decision Record (JSON):
                   per control of the baseline its parameter values, its status
                   (Implemented, Partially Implemented, Not Implemented) and a
                   Markdown description that says, part by part, the precise
                   status, the control origination, what the provider does,
                   what is inherited from which leveraged offering and what the
                   customer must do; the leveraged offerings. It needs
                   system.package_overview_uri, and says which parameters have no
                   value (crm validate --for sdr checks the same)

UUIDs are name-based: the same system, row and role always get the same one.`

func newExportCmd(s *streams) *cobra.Command {
	var out *outputFlags
	var baseline *enumFlag
	var force bool
	cmd := &cobra.Command{
		Use:   "export INPUT --format FORMAT",
		Short: "Export a CRM as an OSCAL SSP, a FedRAMP Security Decision Record, or in the CCM vocabulary",
		Long:  exportLong,
		Example: `  crm export testdata/examples/saas-moderate.yaml -f oscal-ssp -o ssp.json
  crm export crm.xlsx -f ccm-csv -o ccm.csv
  crm export crm.yaml -f sdr -o sdr.json`,
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: completeInputFiles,
		RunE: func(_ *cobra.Command, args []string) error {
			res, err := loadInput(s, args[0], catalog.Baseline(baseline.value), force)
			if err != nil {
				return err
			}
			if slices.Contains(validate.ExportTargets, out.format.value) {
				fs := validate.ExportFindings(res, out.format.value)
				if errs, _ := crm.Count(fs); errs > 0 {
					return refuse(s, &build.Refusal{Findings: fs, Reason: "nothing written: the input lacks what the " + out.format.value + " needs"})
				}
				printFindings(s, fs)
			}
			return writeFormatted(s, out, report.ExportFormats, res.Sources, report.Export{Doc: res.Doc, Rows: res.Rows, Links: build.OSCALLinks(res)})
		},
	}
	out = addFormatFlags(cmd, report.ExportFormats)
	baseline = addBaselineChoice(cmd)
	addForceFlag(cmd, &force)
	return cmd
}
