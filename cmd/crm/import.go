package main

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/inputdoc"
	"github.com/crm-tool/crm/crm/report"
	"github.com/crm-tool/crm/crm/validate"
	"github.com/spf13/cobra"
)

const importLong = `Read a CIS/CRM workbook into an input document: workbooks crm wrote, FedRAMP's
Rev 5 template filled in by hand, Rev 4 workbooks (kept as revision 4), and
real-world variants with moved headers, renamed or extra columns and formula
cells (their cached values are read; formulas are never evaluated).

Each row becomes a control entry with its CIS marks (origination and status),
its CRM answer and its responsibilities text; crm's Provenance sheet, when
present, adds what the CIS and CRM cannot hold. What could not be placed
(unread columns, cells that are not control ids or answers, duplicate rows) is
reported on standard error. Check the result with crm validate.`

type importOpts struct {
	out      *outputFlags
	baseline *enumFlag
}

func newImportCmd(s *streams) *cobra.Command {
	o := &importOpts{}
	cmd := &cobra.Command{
		Use:   "import WORKBOOK.xlsx",
		Short: "Read a CIS/CRM workbook into an input document",
		Long:  importLong,
		Example: `  crm import appendix-j.xlsx -o crm.yaml
  crm import old-rev4-cis.xlsx --format json -o crm.json`,
		Args: cobra.ExactArgs(1),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return []cobra.Completion{"xlsx"}, cobra.ShellCompDirectiveFilterFileExt
		},
		RunE: func(_ *cobra.Command, args []string) error { return runImport(s, o, args[0]) },
	}
	o.out = addOutputFlags(cmd, []string{"yaml", "json"})
	cmd.Flags().Lookup("format").Usage = "output format: yaml|json (default: json for a .json output name, else yaml)"
	o.baseline = addBaselineChoice(cmd)
	return cmd
}

func runImport(s *streams, o *importOpts, path string) error {
	if !validate.IsWorkbook(path) {
		return usagef("%s is not an .xlsx workbook", path)
	}
	res, err := validate.File(path, catalog.Baseline(o.baseline.value))
	if err != nil {
		return err
	}
	imp := res.Imported
	format := o.out.format.value
	if !o.out.format.changed() && strings.EqualFold(filepath.Ext(o.out.output), ".json") {
		format = "json"
	}
	if err := writeOutput(o.out.output, s.out, false, func(w io.Writer) error {
		if format == "json" {
			enc := json.NewEncoder(w)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			return enc.Encode(imp.Doc)
		}
		return inputdoc.Write(w, imp.Doc, inputdoc.Options{Header: []string{
			"Imported by crm import from " + filepath.Base(path) + ".",
			"Check it with: crm validate FILE",
		}})
	}); err != nil {
		return err
	}
	for _, n := range imp.Notes {
		fmt.Fprintf(s.err, "%s: note: %s\n", path, n)
	}
	// Rows the import could not place are listed; what only concerns the
	// content is counted, for crm validate to show.
	others := map[string]int{}
	for _, f := range imp.Findings {
		switch f.Rule {
		case "unknown-id", "duplicate-row", "invalid-answer":
			fmt.Fprintf(s.err, "%s: %s: %s\n", report.Location(f), f.Rule, f.Message)
		default:
			others[f.Rule]++
		}
	}
	for _, rule := range slices.Sorted(maps.Keys(others)) {
		fmt.Fprintf(s.err, "%s: %d %s findings; run crm validate %s\n", path, others[rule], rule, path)
	}
	c := imp.Answers()
	rev := "Rev 5"
	if imp.Doc.Revision == 4 {
		rev = "Rev 4"
	}
	fmt.Fprintf(s.err, "imported %d rows (%s, %s): %d Yes, %d Partial, %d No, %d without a CRM answer\n",
		len(imp.Doc.Controls), rev, imp.Doc.System.Baseline, c[crm.AnswerYes], c[crm.AnswerPartial], c[crm.AnswerNo], c[""])
	return nil
}
