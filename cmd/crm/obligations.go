package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/controlid"
	"github.com/crm-tool/crm/crm/inputdoc"
	"github.com/crm-tool/crm/crm/obligations"
	"github.com/crm-tool/crm/crm/report"
)

const obligationsLong = `List what a provider's CRM (an input document or a workbook) leaves to the
agency: every Partial and No row with the duties it names, by family. With
--services, only the duties of the services the agency uses (and those of every
customer). Formats: text, markdown (a checklist), csv, xlsx (with a Done column).

--as-input writes instead a starter input for the agency's own system: the
provider as a leveraged authorization whose CRM fills every family (crm checks
the inherited rows against it), and each obligation as a todo row with its
duties as comments.`

type obligationsOpts struct {
	out      *outputFlags
	services []string
	asInput  bool
	baseline *enumFlag
	force    bool
}

func newObligationsCmd(s *streams) *cobra.Command {
	o := &obligationsOpts{}
	cmd := &cobra.Command{
		Use:   "obligations CRM",
		Short: "List what a CRM leaves to the agency, as a checklist or a starter input",
		Long:  obligationsLong,
		Example: `  crm obligations provider-crm.xlsx --services forms -f markdown
  crm obligations provider.yaml --as-input -o agency.yaml`,
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: completeInputFiles,
		RunE:              func(_ *cobra.Command, args []string) error { return runObligations(s, o, args[0]) },
	}
	o.out = addFormatFlags(cmd, report.ObligationsFormats)
	cmd.Flags().StringSliceVar(&o.services, "services", nil, "only duties of these services (ids or names), besides those of every customer")
	cmd.Flags().BoolVar(&o.asInput, "as-input", false, "write a starter input for the agency's system instead")
	o.baseline = addBaselineChoice(cmd)
	addForceFlag(cmd, &o.force)
	return cmd
}

func runObligations(s *streams, o *obligationsOpts, path string) error {
	if o.asInput && o.out.format.changed() {
		return usagef("--as-input writes an input document; leave out --format")
	}
	res, err := loadInput(s, path, catalog.Baseline(o.baseline.value), o.force)
	if err != nil {
		return err
	}
	obls, err := obligations.Build(res.Doc, res.Rows, o.services)
	if err != nil {
		return usagef("%w", err)
	}
	provider := res.Doc.System.CSP + ": " + res.Doc.System.Name
	if o.asInput {
		err = writeOutput(s, o.out.output, false, res.Sources, func(w io.Writer) error {
			doc, comments := obligations.AsInput(res.Doc, relativeTo(o.out.output, path), obls)
			return inputdoc.Write(w, doc, inputdoc.Options{
				Header: []string{
					"Starter input for an agency system on " + provider + ", written by crm obligations --as-input.",
					"Every family is filled from the provider's CRM (leveraged: inherit). Each row below is",
					"what the provider leaves to you: describe how your system does it, then delete its todo.",
				},
				Before: func(key string, _ controlid.ID) []string { return comments[key] },
			})
		})
	} else {
		err = writeFormatted(s, o.out, report.ObligationsFormats, res.Sources, report.Checklist{Provider: provider, Obligations: obls})
	}
	if err == nil {
		fmt.Fprintf(s.err, "%d rows leave duties to the agency; inherited with text to read: %d; not yet in place at the provider: %d\n",
			obligations.Duties(obls), obligations.Count(obls, obligations.SectionConditional), obligations.Count(obls, obligations.SectionNotInPlace))
	}
	return err
}

// relativeTo gives path as seen from the folder of out ("-": as given).
func relativeTo(out, path string) string {
	if out == "" || out == "-" {
		return path
	}
	absOut, err1 := filepath.Abs(filepath.Dir(out))
	absPath, err2 := filepath.Abs(path)
	if err1 != nil || err2 != nil {
		return path
	}
	if rel, err := filepath.Rel(absOut, absPath); err == nil {
		return rel
	}
	return path
}
