package main

import (
	"strings"

	"github.com/spf13/cobra"
)

const rootLong = `crm produces, checks and compares FedRAMP Customer Responsibility Matrices
(SSP Appendix J, the CIS and CRM Workbook) for NIST SP 800-53 Rev 5 baselines.

Every command writes its results to standard output (or to -o FILE) and its
diagnostics to standard error. -f/--format chooses what is written.

Exit codes:
  0  success: valid, written, or no differences
  1  findings (at or above --fail-on) or differences
  2  usage error, unreadable input, I/O or internal error`

func newRoot(s *streams) *cobra.Command {
	root := &cobra.Command{
		Use:           "crm",
		Short:         "Produce, check and compare FedRAMP Customer Responsibility Matrices",
		Long:          rootLong,
		Version:       versionString(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetVersionTemplate("crm {{.Version}}\n")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &usageError{err: err} })
	root.AddCommand(
		newVersionCmd(s),
		newControlsCmd(s),
		newValidateCmd(s),
		newResolveCmd(s),
		newGenerateCmd(s),
		newInitCmd(s),
		newImportCmd(s),
		newDiffCmd(s),
		newMigrateCmd(s),
		newTraceCmd(s),
		newObligationsCmd(s),
		newStaleCmd(s),
		newExportCmd(s),
		newSchemaCmd(s),
	)
	strictCompletion(root)
	return root
}

// strictCompletion makes cobra's completion command refuse a shell it does
// not know, or none, as a usage error: by default it prints its help and
// exits 0, so a script asking for "crm completion bsh" thinks it worked.
func strictCompletion(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		var shells []string
		for _, sub := range c.Commands() {
			shells = append(shells, sub.Name())
		}
		c.Args = func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("unknown shell %q for completion (want %s)", args[0], strings.Join(shells, ", "))
			}
			return nil
		}
		c.RunE = func(*cobra.Command, []string) error {
			return usagef("completion needs a shell: %s", strings.Join(shells, ", "))
		}
	}
}
