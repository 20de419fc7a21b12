package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/controlid"
	"github.com/crm-tool/crm/crm/report"
	"github.com/crm-tool/crm/crm/source"
	"github.com/crm-tool/crm/crm/validate"
	"github.com/crm-tool/crm/crm/workbook"
)

const generateLong = `Write the SSP Appendix J CIS and CRM Workbook from a provider's input: the
Instructions sheet with the system and its revision history, the baseline's CIS
worksheet (implementation status and control origination marked X) and CRM
worksheet (Can Be Inherited from CSP: Yes/Partial/No, and the customer's
responsibilities), the Key to LI-SaaS Baseline for LI-SaaS, a Summary sheet per
family with a chart, and a Provenance sheet (tool and input versions, and what
answered each row; --no-provenance leaves it out).

The input is checked first, as crm validate does; with errors, or with rows
still marked todo or answered by nothing, nothing is written and the exit code
is 1 (--allow-todo writes those rows anyway). The output is written atomically
and never over the input; the same input gives the same bytes.

--template fills a workbook you supply (FedRAMP's template or your copy): the
baseline's CIS and CRM sheets are written, the Instructions sheet's
placeholders (<CSP Name>, <System Name>, <System Identifier>, <Impact Level>,
<CSO>) and revision history are filled in, and the other baselines' sheets are
removed, as the template's Instructions ask (--keep-other-baselines keeps
them); everything else is kept.`

type generateOpts struct {
	out          *outputFlags
	outDir       string
	failOn       *enumFlag
	config       string
	template     string
	service      string
	noProvenance bool
	allowTodo    bool
	keepOthers   bool
}

func newGenerateCmd(s *streams) *cobra.Command {
	o := &generateOpts{}
	cmd := &cobra.Command{
		Use:   "generate INPUT...",
		Short: "Write the Appendix J CIS and CRM workbook from an input file",
		Long:  generateLong,
		Example: `  crm generate testdata/examples/saas-moderate.yaml -o acme-crm.xlsx
  crm generate crm.yaml --template SSP-Appendix-J-CSO-CIS-and-CRM-Workbook.xlsx -o appendix-j.xlsx
  crm generate crm.yaml --service dashboards -o dashboards-crm.xlsx`,
		Args:              cobra.MinimumNArgs(1),
		ValidArgsFunction: completeInputFiles,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 && o.out.output != "" {
				return usagef("-o names one workbook; with several inputs use --out-dir")
			}
			if err := distinctOutputs(args, o.outDir, ".xlsx"); err != nil {
				return err
			}
			if err := makeOutDir(o.outDir); err != nil {
				return err
			}
			cfg, err := loadConfig(o.config)
			if err != nil {
				return err
			}
			var tpl []byte
			if o.template != "" {
				if tpl, err = source.ReadFile(o.template, workbook.MaxBytes); err != nil {
					return fmt.Errorf("--template: %w", err)
				}
			}
			return batch(s, args, func(in string, s *streams) error { return runGenerate(s, o, in, cfg, tpl) })
		},
	}
	o.out = addOutputFlags(cmd, []string{"xlsx"})
	cmd.Flags().Lookup("output").Usage = `write to this file ("-" for standard output; default: the input's name with .xlsx)`
	cmd.Flags().Lookup("output").DefValue = ""
	o.out.output = ""
	o.failOn = addFailOnFlag(cmd)
	cmd.Flags().StringVar(&o.config, "config", "", "project file with rule settings and waivers (default "+defaultConfig+" when present)")
	cmd.Flags().StringVar(&o.outDir, "out-dir", "", "the folder for the workbooks, created if missing (default: beside each input)")
	cmd.Flags().StringVar(&o.template, "template", "", "fill this Appendix J workbook instead of writing a new one")
	cmd.Flags().StringVar(&o.service, "service", "", "write the CRM of this service alone (its id or name)")
	cmd.Flags().BoolVar(&o.noProvenance, "no-provenance", false, "leave out the Provenance sheet")
	cmd.Flags().BoolVar(&o.allowTodo, "allow-todo", false, "write rows still marked todo or unanswered")
	cmd.Flags().BoolVar(&o.keepOthers, "keep-other-baselines", false, "with --template, keep the other baselines' worksheets (the template's Instructions say to remove them)")
	_ = cmd.MarkFlagFilename("template", "xlsx")
	cmd.MarkFlagsMutuallyExclusive("output", "out-dir")
	return cmd
}

func runGenerate(s *streams, o *generateOpts, input string, cfg *validate.Config, tpl []byte) error {
	output := o.out.output
	if output == "" {
		output = outputFor(input, o.outDir, ".xlsx")
	}
	data, err := source.ReadFile(input, source.MaxBytes)
	if err != nil {
		return err
	}
	res, err := validate.Data(input, data, "")
	if err != nil {
		return err
	}
	findings := res.Findings
	if cfg != nil {
		findings = append(cfg.Apply([]*validate.Result{res}, time.Now()), res.Findings...)
	}
	if res.Doc == nil || blocks(findings, crm.Severity(o.failOn.value)) {
		return refuse(s, findings, "no workbook written: the input has errors")
	}
	if res.Doc.Revision == 4 {
		return fmt.Errorf("%s describes Rev 4 rows; crm generate writes the Rev 5 workbook: carry it to Rev 5 first", input)
	}
	spec := &workbook.Spec{Doc: res.Doc, Baseline: catalog.Baseline(res.Doc.System.Baseline), Rows: res.Rows}
	if o.service != "" {
		svc, ok := res.Doc.FindService(o.service)
		if !ok {
			return usagef("no service %q in %s (it lists %s)", o.service, input, res.Doc.ServiceIDs())
		}
		spec.Service = svc.ID
	}
	if !o.allowTodo {
		todo, unanswered := crm.Unfinished(res.Rows, nsoExempt(spec.Baseline))
		if len(todo)+len(unanswered) > 0 {
			return refuse(s, findings, "no workbook written: "+unfinished(todo, unanswered)+"; finish them or use --allow-todo")
		}
	}
	tooLong, err := workbook.Check(spec)
	if err != nil {
		return err
	}
	for i := range tooLong {
		tooLong[i].File = output
	}
	if len(tooLong) > 0 {
		return refuse(s, tooLong, "no workbook written: some cells would be cut short")
	}
	if !o.noProvenance {
		sum := sha256.Sum256(data)
		c := catalog.Default()
		spec.Provenance = &workbook.Provenance{
			Tool: "crm " + versionString(), Input: filepath.Base(input), InputSHA256: hex.EncodeToString(sum[:]),
			SchemaVersion: crm.SchemaVersion, Catalog: "NIST SP 800-53 Rev 5 release " + c.NISTVersion, Baselines: c.FedRAMPVersion,
			Line: func(ptr string) int { line, _ := res.Locate(ptr); return line },
		}
	}
	write := func(w io.Writer) error { return workbook.Write(w, spec) }
	if tpl != nil {
		write = func(w io.Writer) error {
			if err := workbook.Fill(w, bytes.NewReader(tpl), spec, workbook.FillOptions{KeepOtherBaselines: o.keepOthers}); err != nil {
				return fmt.Errorf("template %s: %w", o.template, err)
			}
			return nil
		}
	}
	inputs := append(res.Sources, cfg.Path()...)
	if o.template != "" {
		inputs = append(inputs, o.template)
	}
	if err := writeOutput(s, output, true, inputs, write); err != nil {
		return err
	}
	for _, f := range findings {
		fmt.Fprintf(s.err, "%s: %s %s: %s\n", report.Location(f), f.Severity, f.Rule, f.Message)
	}
	if output != "-" {
		c := report.CountAnswers(res.Rows)
		fmt.Fprintf(s.err, "wrote %s: %d rows (%d Yes, %d Partial, %d No)\n", output, len(res.Rows), c.Yes, c.Partial, c.No)
	}
	return nil
}

// blocks reports whether any finding is at or above failOn.
func blocks(fs []crm.Finding, failOn crm.Severity) bool {
	for _, f := range fs {
		if f.Severity.AtLeast(failOn) {
			return true
		}
	}
	return false
}

// refuse prints the findings and what was not done, and exits 1.
func refuse(s *streams, fs []crm.Finding, what string) error {
	crm.SortFindings(fs)
	for _, f := range fs {
		fmt.Fprintf(s.err, "%s: %s %s: %s\n", report.Location(f), f.Severity, f.Rule, f.Message)
	}
	fmt.Fprintf(s.err, "crm: %s\n", what)
	return errFindings
}

// unfinished names the rows a CRM is not finished with.
func unfinished(todo, unanswered []controlid.ID) string {
	var parts []string
	if len(todo) > 0 {
		parts = append(parts, fmt.Sprintf("%d rows still marked todo (%s)", len(todo), listIDs(todo)))
	}
	if len(unanswered) > 0 {
		parts = append(parts, fmt.Sprintf("%d rows answered by nothing (%s)", len(unanswered), listIDs(unanswered)))
	}
	return strings.Join(parts, " and ")
}

func listIDs(ids []controlid.ID) string {
	const show = 8
	names := make([]string, 0, show)
	for _, id := range ids[:min(show, len(ids))] {
		names = append(names, id.String())
	}
	s := strings.Join(names, ", ")
	if len(ids) > show {
		s += fmt.Sprintf(" and %d more", len(ids)-show)
	}
	return s
}

// nsoExempt exempts LI-SaaS rows tailored NSO from needing an answer.
func nsoExempt(b catalog.Baseline) func(*crm.Row) bool {
	return func(r *crm.Row) bool { return b == catalog.LISaaS && r.Member.HasMethod("NSO") }
}
