package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/report"
	"github.com/crm-tool/crm/crm/validate"
)

const validateLong = `Check provider input files (YAML or JSON) and CIS/CRM workbooks (xlsx)
against the input schema and FedRAMP's rules. Each finding names file:line:column
(or, in a workbook, 'Sheet'!Cell), the rule, and what to fix; README.md lists
the rules.

A workbook is imported as crm import does and checked like an input, plus what
only a workbook can get wrong: answers other than Yes/Partial/No, duplicate rows,
CIS marks that contradict the CRM answer, and CIS and CRM sheets listing other
rows. Rev 4 workbooks are checked against the Rev 4 template's rows.

Arguments are files or directories; a directory contributes every *.yaml, *.yml,
*.json and *.xlsx file below it. Files are checked in parallel and reported in
name order.

A project file (--config, or .crm.yaml in the working directory when present)
can turn rules off, change their severity, or waive them for named rows until
an expiry date:

  schema_version: 1
  rules: {placeholder-text: off, not-in-baseline: error}
  waivers:
    - rule: missing-customer-text
      rows: [AC-2(a), PE-3]
      justification: Customer text is in the SSP, section 13
      expires: 2027-01-31`

// defaultConfig is the project file read when --config is not given.
const defaultConfig = ".crm.yaml"

type validateOpts struct {
	out       *outputFlags
	failOn    *enumFlag
	config    string
	jobs      int
	baseline  *enumFlag
	forTarget *enumFlag
}

func newValidateCmd(s *streams) *cobra.Command {
	o := &validateOpts{}
	cmd := &cobra.Command{
		Use:   "validate FILE|DIR...",
		Short: "Check provider input files against the schema and FedRAMP's rules",
		Long:  validateLong,
		Example: `  crm validate testdata/examples/saas-moderate.yaml
  crm validate submissions/ --format sarif -o crm.sarif
  crm validate crm.yaml --fail-on warning
  crm validate crm.yaml --for sdr`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("validate needs at least one file or directory")
			}
			return nil
		},
		ValidArgsFunction: completeInputFiles,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runValidate(cmd, s, o, args)
		},
	}
	o.out = addFormatFlags(cmd, report.FindingsFormats)
	o.failOn = addFailOnFlag(cmd)
	cmd.Flags().StringVar(&o.config, "config", "", "project file with rule settings and waivers (default "+defaultConfig+" when present)")
	cmd.Flags().IntVarP(&o.jobs, "jobs", "j", 0, "files checked at once (default: one per CPU)")
	o.baseline = addBaselineChoice(cmd)
	o.forTarget = addEnumFlag(cmd, "for", "", "", "also check what this export needs of the input", validate.ExportTargets)
	return cmd
}

// addBaselineChoice registers --baseline for workbooks that hold several
// baselines' worksheets.
func addBaselineChoice(cmd *cobra.Command) *enumFlag {
	return addEnumFlag(cmd, "baseline", "b", "", "for workbooks with several baselines' sheets, the one to read", catalog.BaselineNames())
}

// addFailOnFlag registers --fail-on, shared by every command that reports
// findings.
func addFailOnFlag(cmd *cobra.Command) *enumFlag {
	return addEnumFlag(cmd, "fail-on", "", "error", "lowest severity that makes the exit code 1", []string{"error", "warning", "info"})
}

// loadConfig reads --config, or the default project file when it exists.
func loadConfig(path string) (*validate.Config, error) {
	if path == "" {
		if _, err := os.Stat(defaultConfig); err != nil {
			return nil, nil
		}
		path = defaultConfig
	}
	return validate.LoadConfig(path)
}

func runValidate(cmd *cobra.Command, s *streams, o *validateOpts, args []string) error {
	files, err := validate.Expand(args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return usagef("no *.yaml, *.yml or *.json files in %v", args)
	}
	cfg, err := loadConfig(o.config)
	if err != nil {
		return err
	}
	rep, err := validate.Files(cmd.Context(), files, validate.Options{Config: cfg, Jobs: o.jobs, Baseline: catalog.Baseline(o.baseline.value), For: o.forTarget.value}, progressLine(s.err, len(files)))
	if err != nil {
		return err
	}
	// Unreadable files are findings of the batch; only when nothing could
	// be checked is it an error (exit 2).
	if rep.Unreadable == len(files) {
		return rep.FirstError
	}
	v := &report.Validation{Tool: versionString(), Files: len(files), Waived: rep.Waived, Findings: rep.Findings, Rules: crm.Rules}
	return reportFindings(s, o.out, crm.Severity(o.failOn.value), v, append(rep.Sources(), cfg.Path()...))
}

// reportFindings writes the findings, the summary line on stderr, and turns
// findings at or above failOn into exit code 1.
func reportFindings(s *streams, out *outputFlags, failOn crm.Severity, v *report.Validation, inputs []string) error {
	if err := writeFormatted(s, out, report.FindingsFormats, inputs, v); err != nil {
		return err
	}
	fmt.Fprintln(s.err, v.Summary().SummaryLine())
	for _, f := range v.Findings {
		if f.Severity.AtLeast(failOn) {
			return errFindings
		}
	}
	return nil
}

// progressLine shows "validated N/M" on a terminal when there are many files,
// and clears it at the end: with the erase-line sequence, or with spaces on
// a terminal that has no such sequences (TERM=dumb).
func progressLine(w io.Writer, total int) func(done, total int) {
	if total < 2 || !isTerminal(w) {
		return nil
	}
	return progress(w, total, os.Getenv("TERM"))
}

func progress(w io.Writer, total int, term string) func(done, total int) {
	clear := "\r\033[K"
	if term == "dumb" {
		clear = "\r" + strings.Repeat(" ", len(fmt.Sprintf("validated %d/%d", total, total))) + "\r"
	}
	return func(done, total int) {
		fmt.Fprintf(w, "\rvalidated %d/%d", done, total)
		if done == total {
			fmt.Fprint(w, clear)
		}
	}
}

func completeInputFiles(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return []cobra.Completion{"yaml", "yml", "json", "xlsx"}, cobra.ShellCompDirectiveFilterFileExt
}
