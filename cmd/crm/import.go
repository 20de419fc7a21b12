package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/importer"
	"github.com/crm-tool/crm/crm/inputdoc"
	"github.com/crm-tool/crm/crm/oscal"
	"github.com/crm-tool/crm/crm/report"
	"github.com/crm-tool/crm/crm/source"
)

const importLong = `Read a CIS/CRM workbook, or an OSCAL system security plan, into an input
document. Workbooks: those crm wrote, FedRAMP's Rev 5 template filled in by hand,
Rev 4 workbooks (kept as revision 4), and real-world variants with moved headers,
renamed or extra columns and formula cells (their cached values are read;
formulas are never evaluated). OSCAL SSPs (JSON or YAML): crm's own exports come
back whole; other tools' are read through FedRAMP's control-origination and
implementation-status properties and their export parts.

Each row becomes a control entry with its CIS marks (origination and status),
its CRM answer and its responsibilities text; crm's Provenance sheet, when
present, adds what the CIS and CRM cannot hold. What could not be placed
(unread columns, cells that are not control ids or answers, duplicate rows) is
reported on standard error. Check the result with crm validate.`

type importOpts struct {
	out      *outputFlags
	outDir   string
	baseline *enumFlag
}

func newImportCmd(s *streams) *cobra.Command {
	o := &importOpts{}
	cmd := &cobra.Command{
		Use:   "import WORKBOOK.xlsx|SSP.json...",
		Short: "Read a CIS/CRM workbook or an OSCAL SSP into an input document",
		Long:  importLong,
		Example: `  crm import appendix-j.xlsx -o crm.yaml
  crm import old-rev4-cis.xlsx --format json -o crm.json`,
		Args: cobra.MinimumNArgs(1),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return []cobra.Completion{"xlsx", "json", "yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
		},
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) > 1 && o.out.output != "-" {
				return usagef("-o names one document; with several inputs use --out-dir")
			}
			if len(args) > 1 || o.outDir != "" {
				if err := distinctOutputs(args, o.outDir, "."+o.out.format.value); err != nil {
					return err
				}
			}
			if err := makeOutDir(o.outDir); err != nil {
				return err
			}
			return batch(s, args, func(in string, s *streams) error {
				one := *o
				if len(args) > 1 || o.outDir != "" {
					out := *o.out
					out.output = outputFor(in, o.outDir, "."+o.out.format.value)
					one.out = &out
				}
				return runImport(s, &one, in)
			})
		},
	}
	o.out = addOutputFlags(cmd, []string{"yaml", "json"})
	cmd.Flags().Lookup("format").Usage = "output format: yaml|json (default: json for a .json output name, else yaml)"
	o.baseline = addBaselineChoice(cmd)
	cmd.Flags().StringVar(&o.outDir, "out-dir", "", "the folder for the documents, created if missing (default: beside each input when there are several)")
	cmd.MarkFlagsMutuallyExclusive("output", "out-dir")
	return cmd
}

func runImport(s *streams, o *importOpts, path string) error {
	data, err := source.ReadFile(path, source.MaxBytes)
	if err != nil {
		return err
	}
	if !importer.IsPackage(data) {
		return importSSP(s, o, path, data)
	}
	imp, err := importer.Read(path, data, catalog.Baseline(o.baseline.value))
	if err != nil {
		return err
	}
	if !importer.IsWorkbook(path) {
		fmt.Fprintf(s.err, "%s: note: the file holds a workbook but is not named .xlsx; it is read as one\n", path)
	}
	if err := writeDocument(s, o.out, imp.Doc, path); err != nil {
		return err
	}
	for _, n := range imp.Notes {
		fmt.Fprintf(s.err, "%s: note: %s\n", path, n)
	}
	// Rows the import could not place are listed; what only concerns the
	// content is counted, for crm validate to show.
	others := map[string]int{}
	for _, f := range imp.Findings {
		others[f.Rule]++
	}
	for _, f := range imp.Unplaced {
		fmt.Fprintf(s.err, "%s: %s: %s\n", report.Location(f), f.Rule, f.Message)
		others[f.Rule]--
	}
	for _, rule := range slices.Sorted(maps.Keys(others)) {
		if others[rule] > 0 {
			fmt.Fprintf(s.err, "%s: %d %s findings; run crm validate %s\n", path, others[rule], rule, path)
		}
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

// writeDocument writes an imported input document: YAML, or JSON by
// --format or a .json output name.
func writeDocument(s *streams, out *outputFlags, doc *crm.Document, from string) error {
	format := out.format.value
	if !out.format.changed() && strings.EqualFold(filepath.Ext(out.output), ".json") {
		format = "json"
	}
	return writeOutput(s, out.output, false, []string{from}, func(w io.Writer) error {
		if format == "json" {
			enc := json.NewEncoder(w)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			return enc.Encode(doc)
		}
		return inputdoc.Write(w, doc, inputdoc.Options{Header: []string{
			"Imported by crm import from " + filepath.Base(from) + ".",
			"Check it with: crm validate FILE",
		}})
	})
}

// importSSP reads an OSCAL system security plan (JSON or YAML).
func importSSP(s *streams, o *importOpts, path string, data []byte) error {
	ssp, err := oscal.Decode(path, data)
	if errors.Is(err, oscal.ErrNotSSP) {
		return usagef("%s is neither an .xlsx workbook nor an OSCAL system security plan", path)
	}
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	doc, notes := oscal.Import(&ssp.SSP)
	if err := writeDocument(s, o.out, doc, path); err != nil {
		return err
	}
	for _, n := range notes {
		fmt.Fprintf(s.err, "%s: note: %s\n", path, n)
	}
	fmt.Fprintf(s.err, "imported %d rows from the OSCAL SSP (%s)\n", len(doc.Controls), doc.System.Baseline)
	return nil
}
