package main

import (
	"github.com/spf13/cobra"

	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/controlid"
	"github.com/crm-tool/crm/crm/report"
	"github.com/crm-tool/crm/crm/validate"
)

const traceLong = `Follow one row down a chain of leveraged authorizations (a SaaS on a PaaS on
an IaaS): at each level, the provider's answer, its origination, what it leaves
to its customers, and which provider it inherits the row from; at the end, what
is left to the customer of the first system. Levels are followed through the
crm: paths of the input's leveraged authorizations.`

func newTraceCmd(s *streams) *cobra.Command {
	var out *outputFlags
	var force bool
	cmd := &cobra.Command{
		Use:     "trace INPUT ROW",
		Short:   "Show who does what for one row down a chain of leveraged authorizations",
		Long:    traceLong,
		Example: "  crm trace testdata/chain/saas.yaml 'PE-3(a)'",
		Args:    cobra.ExactArgs(2),
		RunE: func(_ *cobra.Command, args []string) error {
			id, err := controlid.Parse(args[1])
			if err != nil {
				return usagef("%w", err)
			}
			if _, err := catalog.Default().Lookup(id); err != nil {
				return usagef("%w", err)
			}
			res, err := loadInput(s, args[0], "", force)
			if err != nil {
				return err
			}
			hops := validate.Trace(res, id)
			return writeFormatted(s, out, report.TraceFormats, res.Sources, report.Trace{Row: id.String(), Hops: hops})
		},
	}
	out = addFormatFlags(cmd, report.TraceFormats)
	addForceFlag(cmd, &force)
	return cmd
}
