package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crm-tool/crm/crm/diff"
	"github.com/crm-tool/crm/crm/report"
)

const staleLong = `Given an older and a newer CRM of a provider this system leverages, list the
rows of this system's CRM that the change reaches: rows inherited or filled from
that provider whose upstream row changed, and rows where the provider now leaves
more to its customers (which this CRM must implement or pass on).

--leveraged names the leveraged authorization (its id in INPUT); it may be left
out when INPUT lists only one. Exit code 1 when any row is reached, 0 when none.`

type staleOpts struct {
	out       *outputFlags
	leveraged string
	force     bool
}

func newStaleCmd(s *streams) *cobra.Command {
	o := &staleOpts{}
	cmd := &cobra.Command{
		Use:               "stale INPUT OLD_UPSTREAM NEW_UPSTREAM",
		Short:             "List the rows an upstream provider's CRM change reaches",
		Long:              staleLong,
		Example:           "  crm stale testdata/chain/paas.yaml testdata/chain/iaas-v0.yaml testdata/chain/iaas.yaml",
		Args:              cobra.ExactArgs(3),
		ValidArgsFunction: completeInputFiles,
		RunE:              func(_ *cobra.Command, args []string) error { return runStale(s, o, args) },
	}
	o.out = addFormatFlags(cmd, report.StaleFormats)
	cmd.Flags().StringVar(&o.leveraged, "leveraged", "", "the leveraged authorization (its id in INPUT) whose CRM changed")
	addForceFlag(cmd, &o.force)
	return cmd
}

func runStale(s *streams, o *staleOpts, args []string) error {
	res, err := loadInput(s, args[0], "", o.force)
	if err != nil {
		return err
	}
	lv := o.leveraged
	var ids []string
	name := lv
	for _, l := range res.Doc.Leveraged {
		ids = append(ids, l.ID)
		if l.ID == lv || lv == "" && len(res.Doc.Leveraged) == 1 {
			lv, name = l.ID, l.Name
		}
	}
	if lv == "" || name == lv && !slices.Contains(ids, lv) {
		return usagef("say which leveraged authorization changed with --leveraged (%s lists %s)", args[0], strings.Join(ids, ", "))
	}
	oldSide, _, oldSources, err := loadSide(s, args[1], "")
	if err != nil {
		return err
	}
	newSide, _, newSources, err := loadSide(s, args[2], "")
	if err != nil {
		return err
	}
	inputs := append(append(slices.Clone(res.Sources), oldSources...), newSources...)
	affected := diff.Stale(diff.Compare(oldSide, newSide, diff.Options{}), res.Rows, lv)
	if err := writeFormatted(s, o.out, report.StaleFormats, inputs, report.Stale{Provider: name, Rows: affected}); err != nil {
		return err
	}
	fmt.Fprintf(s.err, "%d rows of %s are reached by the change to %s's CRM\n", len(affected), args[0], name)
	if len(affected) > 0 {
		return errFindings
	}
	return nil
}
