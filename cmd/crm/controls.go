package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/report"
)

const controlsLong = `List the Appendix J rows of a FedRAMP Rev 5 baseline: one row per lettered
statement part of each control and enhancement, or one row for a control without
parts, in the order of the official CIS and CRM Workbook template.

--params lists the baseline's organization-defined parameters instead: each
control's parameter ids as FedRAMP's baselines spell them (the keys of an
input's parameters), what each asks for (a selection's choices), and the value
or constraint FedRAMP sets for it in that baseline.`

type controlsOpts struct {
	baseline *enumFlag
	families []string
	params   bool
	out      *outputFlags
}

func newControlsCmd(s *streams) *cobra.Command {
	o := &controlsOpts{}
	cmd := &cobra.Command{
		Use:   "controls --baseline BASELINE",
		Short: "List the rows of a FedRAMP baseline",
		Long:  controlsLong,
		Example: `  crm controls --baseline moderate
  crm controls --baseline high --family AC,IA --format csv -o high-ac-ia.csv
  crm controls --baseline moderate --params --family AC`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runControls(s, o) },
	}
	o.baseline = addEnumFlag(cmd, "baseline", "b", "", "FedRAMP baseline", catalog.BaselineNames())
	_ = cmd.MarkFlagRequired("baseline")
	cmd.Flags().StringSliceVar(&o.families, "family", nil, "only these families, e.g. AC or AC,IA")
	_ = cmd.RegisterFlagCompletionFunc("family", completeFamilies)
	cmd.Flags().BoolVar(&o.params, "params", false, "list the parameters and FedRAMP's values for them instead of the rows")
	o.out = addFormatFlags(cmd, report.ControlsFormats)
	return cmd
}

func runControls(s *streams, o *controlsOpts) error {
	c := catalog.Default()
	keep, err := familySet(o.families)
	if err != nil {
		return err
	}
	b := catalog.Baseline(o.baseline.value)
	if o.params {
		var members []*catalog.Member
		for _, m := range c.Baseline(b).Members {
			if len(keep) == 0 || keep[m.ID.Family] {
				members = append(members, m)
			}
		}
		l := report.ParamList{Baseline: b, Members: members}
		if err := writeFormatted(s, o.out, report.ParamsFormats, nil, l); err != nil {
			return err
		}
		n := 0
		for _, m := range members {
			n += len(m.Params)
		}
		fmt.Fprintf(s.err, "%d parameters of %d controls\n", n, len(members))
		return nil
	}
	var rows []catalog.Row
	for _, r := range c.Baseline(b).Rows {
		if len(keep) == 0 || keep[r.ID.Family] {
			rows = append(rows, r)
		}
	}
	err = writeFormatted(s, o.out, report.ControlsFormats, nil, report.ControlList{Baseline: b, Rows: rows})
	if err == nil {
		fmt.Fprintf(s.err, "%d rows\n", len(rows))
	}
	return err
}

// familySet parses --family values: two-letter families in any case.
func familySet(names []string) (map[string]bool, error) {
	keep := map[string]bool{}
	for _, f := range names {
		fam, ok := catalog.Default().Family(strings.TrimSpace(f))
		if !ok {
			return nil, usagef("unknown family %q (want a two-letter family such as AC)", f)
		}
		keep[fam.ID] = true
	}
	return keep, nil
}

func completeFamilies(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	var out []cobra.Completion
	for _, f := range catalog.Default().Families() {
		out = append(out, cobra.CompletionWithDesc(f.ID, f.Title))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
