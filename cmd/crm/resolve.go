package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/crm-tool/crm/crm/report"
)

const resolveLong = `Resolve every row of the input's baseline and print its CRM answer, its
tag (inherited = Yes, shared = Partial, customer-implemented = No), its control
origination, and where the answer came from: the layer (row, control,
set-default, family-default) and the line of the entry. A '*' after the answer
means the input states it; otherwise it follows the origination.

Findings are not printed; an input with errors, or with rows still todo or
answered by nothing, is refused with its findings and exit 1 (--force shows it
anyway).`

func newResolveCmd(s *streams) *cobra.Command {
	var out *outputFlags
	var force bool
	cmd := &cobra.Command{
		Use:     "resolve FILE",
		Short:   "Show every row's answer, tag and where it came from",
		Long:    resolveLong,
		Example: "  crm resolve testdata/examples/saas-moderate.yaml\n  crm resolve crm.yaml -f csv -o rows.csv",
		Args:    cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			res, err := loadInput(s, args[0], "", force)
			if err != nil {
				return err
			}
			r := &report.Resolution{File: args[0], Baseline: res.Doc.System.Baseline, Rows: res.Rows, Locate: res.Locate}
			if err := writeFormatted(s, out, report.RowsFormats, res.Sources, r); err != nil {
				return err
			}
			c := report.CountAnswers(res.Rows)
			fmt.Fprintf(s.err, "%d rows: %d Yes, %d Partial, %d No, %d unresolved\n", len(res.Rows), c.Yes, c.Partial, c.No, c.Unresolved)
			return nil
		},
		ValidArgsFunction: completeInputFiles,
	}
	out = addFormatFlags(cmd, report.RowsFormats)
	addForceFlag(cmd, &force)
	return cmd
}
