package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/starter"
)

const initLong = `Write a starter input for a baseline and service model: every row of the
baseline pre-filled from crm's shared-responsibility defaults for IaaS, PaaS or
SaaS (physical infrastructure with the provider; the operating system with the
customer on IaaS; applications with the customer on IaaS and PaaS; data and
identity shared at best; -1 policy rows answered No), the control titles as
comments, and every row marked todo. With --leveraged, a PaaS or SaaS inherits
its physical layer from that authorization.

Review each row, change what is not true of your system and delete its todo;
crm generate refuses rows still marked todo.`

type initOpts struct {
	baseline  *enumFlag
	model     *enumFlag
	leveraged []string
	output    string
	force     bool
}

func newInitCmd(s *streams) *cobra.Command {
	o := &initOpts{}
	cmd := &cobra.Command{
		Use:   "init --baseline BASELINE --service-model MODEL",
		Short: "Write a starter input pre-filled from service-model defaults",
		Long:  initLong,
		Example: `  crm init --baseline moderate --service-model saas --leveraged "AWS GovCloud (US)" -o crm.yaml
  crm init -b high --service-model iaas > crm.yaml`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if o.output != "-" && !o.force {
				if _, err := os.Stat(o.output); err == nil {
					return usagef("%s exists; use --force to replace it", o.output)
				}
			}
			opts := starter.Options{Baseline: catalog.Baseline(o.baseline.value), ServiceModel: o.model.value, Leveraged: o.leveraged}
			if err := writeOutput(s, o.output, false, nil, func(w io.Writer) error { return starter.Write(w, opts) }); err != nil {
				return err
			}
			if o.output != "-" {
				fmt.Fprintf(s.err, "wrote %s: every row of the %s baseline, marked todo\n", o.output, opts.Baseline.Title())
			}
			return nil
		},
	}
	o.baseline = addEnumFlag(cmd, "baseline", "b", "", "FedRAMP baseline", catalog.BaselineNames())
	o.model = addEnumFlag(cmd, "service-model", "", "", "service model", []string{"iaas", "paas", "saas"})
	_ = cmd.MarkFlagRequired("baseline")
	_ = cmd.MarkFlagRequired("service-model")
	cmd.Flags().StringArrayVar(&o.leveraged, "leveraged", nil, "name of a FedRAMP authorization the system runs on (repeatable)")
	cmd.Flags().StringVarP(&o.output, "output", "o", "-", `write to this file ("-" for standard output)`)
	cmd.Flags().BoolVar(&o.force, "force", false, "replace an existing output file")
	return cmd
}
