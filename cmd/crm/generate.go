package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/build"
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
	opts := build.Options{FailOn: crm.Severity(o.failOn.value), Config: cfg, Service: o.service, AllowTodo: o.allowTodo,
		Template: tpl, TemplateName: o.template, KeepOtherBaselines: o.keepOthers, Now: time.Now()}
	if !o.noProvenance {
		opts.Tool = "crm " + versionString()
	}
	wb, err := build.Plan(input, data, output, opts)
	var refusal *build.Refusal
	switch {
	case errors.As(err, &refusal):
		return refuse(s, refusal)
	case errors.Is(err, build.ErrUnknownService):
		return usagef("%w", err)
	case err != nil:
		return err
	}
	if err := writeOutput(s, output, true, wb.Inputs(), wb.Write); err != nil {
		return err
	}
	printFindings(s, wb.Findings)
	if output != "-" {
		c := report.CountAnswers(wb.Result.Rows)
		fmt.Fprintf(s.err, "wrote %s: %d rows (%d Yes, %d Partial, %d No)\n", output, len(wb.Result.Rows), c.Yes, c.Partial, c.No)
	}
	return nil
}

// refuse prints the findings and what was not done, and exits 1.
func refuse(s *streams, r *build.Refusal) error {
	crm.SortFindings(r.Findings)
	printFindings(s, r.Findings)
	fmt.Fprintf(s.err, "crm: %s\n", r.Reason)
	return errFindings
}

func printFindings(s *streams, fs []crm.Finding) {
	for _, f := range fs {
		fmt.Fprintf(s.err, "%s: %s %s: %s\n", report.Location(f), f.Severity, f.Rule, f.Message)
	}
}
