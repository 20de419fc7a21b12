package main

import (
	"github.com/spf13/cobra"

	"github.com/crm-tool/crm/crm/build"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/validate"
)

// loadInput reads and checks an input document or workbook for a command
// that writes from it; build.Ready decides what an unfinished input gets
// (refused with its findings on stderr and exit 1, nothing written, unless
// force).
func loadInput(s *streams, path string, baseline catalog.Baseline, force bool) (*validate.Result, error) {
	res, err := validate.File(path, baseline)
	if err != nil {
		return nil, err
	}
	if r := build.Ready(res, force); r != nil {
		return nil, refuse(s, r)
	}
	return res, nil
}

// addForceFlag registers --force for commands that load an input.
func addForceFlag(cmd *cobra.Command, force *bool) {
	cmd.Flags().BoolVar(force, "force", false, "write from an input with errors, or with rows still todo or unanswered")
}
