package main

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/build"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/cr26"
	"github.com/crm-tool/crm/crm/diff"
	"github.com/crm-tool/crm/crm/report"
	"github.com/crm-tool/crm/crm/validate"
)

const diffLong = `Compare two versions of a CRM, each an input document (YAML or JSON) or a
workbook (xlsx), mixed freely. Rows are matched by canonical control id, so
AC-02 (05) in a Rev 4 workbook meets AC-2(5) in a Rev 5 one.

Change kinds, most important first:
  customer-shift       the answer moved toward the customer (Yes→Partial, Yes→No, Partial→No)
  provider-shift       the answer moved toward the provider
  answer-changed       a row gained or lost its answer
  row-added            a row only the new version has, and why
  row-removed          a row only the old version has, and why (baseline change, withdrawn control)
  revision-remap       across Rev 4 and Rev 5: rows one revision lacks, and controls whose
                       parts changed (not compared row by row unless --match-by-id)
  origination-changed  other CIS origination marks
  status-changed       other implementation status marks
  text-changed         other responsibilities text, shown word by word
  text-whitespace      text that differs in white space only
  system-changed       system metadata, services or leveraged authorizations

-f notice writes a change notice a provider can publish to its customers
(Markdown; notice-html, the same as a page): one entry per control, the
controls that move responsibility to customers first, what each change means
in plain words ("now partly your responsibility") and what the CRM now says
the customer must do, whole; the CRM version and effective date from the new
version's system block and revisions. White-space changes and system metadata
are left out; the other formats keep every detail.

-f scn drafts a FedRAMP CR26 Significant Change Notification (JSON, checked
against FedRAMP's schema): the new version's package overview URI (its
system.package_overview_uri, required), the changed controls
(impactedControls), the customer impact in plain words (what customers must now
do that they did not, what they no longer need to do), the reason from the new
version's latest revision, and a suggested change type with its explanation:
Transformative when responsibility moves toward customers (the test FedRAMP's
SCN-TRF-TPR names), else Adaptive. What a comparison cannot know is the
provider's to give: --change-type, --change-type-explanation, --description,
--reason, --assessor, and --plan with --planned-start and --planned-completion.

Exit code 0 when nothing differs, 1 when something does (with --fail-on, only
when a change of those kinds does), 2 on error. The summary line on standard
error counts the changes per kind and per family.`

type diffOpts struct {
	out       *outputFlags
	failOn    []string
	ignore    []string
	matchByID bool
	baseline  *enumFlag
	families  []string
	scn       cr26.SCNOptions
	scnType   *enumFlag
	plan      cr26.Plan
}

func newDiffCmd(s *streams) *cobra.Command {
	o := &diffOpts{}
	cmd := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "Show what changed between two CRM versions, and who now carries the burden",
		Long:  diffLong,
		Example: `  crm diff crm-2025.xlsx crm-2026.yaml
  crm diff old.yaml new.yaml --format markdown -o CHANGELOG.md
  crm diff old.xlsx new.xlsx --fail-on customer-shift --ignore text-whitespace`,
		Args:              cobra.ExactArgs(2),
		ValidArgsFunction: completeInputFiles,
		RunE:              func(_ *cobra.Command, args []string) error { return runDiff(s, o, args[0], args[1]) },
	}
	o.out = addFormatFlags(cmd, report.DiffFormats)
	kinds := strings.Join(diff.KindNames(), "|")
	cmd.Flags().StringSliceVar(&o.failOn, "fail-on", nil, "exit 1 only for changes of these kinds: "+kinds)
	cmd.Flags().StringSliceVar(&o.ignore, "ignore", nil, "leave out changes of these kinds: "+kinds)
	for _, name := range []string{"fail-on", "ignore"} {
		_ = cmd.RegisterFlagCompletionFunc(name, cobra.FixedCompletions(diff.KindNames(), cobra.ShellCompDirectiveNoFileComp))
	}
	cmd.Flags().BoolVar(&o.matchByID, "match-by-id", false, "across Rev 4 and Rev 5, compare rows by id alone")
	cmd.Flags().StringSliceVar(&o.families, "family", nil, "only rows of these families, e.g. AC or AC,IA")
	_ = cmd.RegisterFlagCompletionFunc("family", completeFamilies)
	o.baseline = addBaselineChoice(cmd)
	o.scnType = addEnumFlag(cmd, "change-type", "", "", "-f scn: the change type, in place of crm's suggestion", cr26.ChangeTypes)
	cmd.Flags().StringVar(&o.scn.Explanation, "change-type-explanation", "", "-f scn: why the change is of its type")
	cmd.Flags().StringVar(&o.scn.Description, "description", "", "-f scn: the change's short description, in place of crm's count")
	cmd.Flags().StringVar(&o.scn.Reason, "reason", "", "-f scn: the reason for the change (default: the new version's latest revision)")
	cmd.Flags().StringVar(&o.scn.Assessor, "assessor", "", "-f scn: the assessor involved in the change")
	cmd.Flags().StringVar(&o.plan.Summary, "plan", "", "-f scn: the plan and timeline, in a few words")
	cmd.Flags().StringVar(&o.plan.PlannedStart, "planned-start", "", "-f scn, with --plan: the first day of the change (YYYY-MM-DD)")
	cmd.Flags().StringVar(&o.plan.PlannedCompletion, "planned-completion", "", "-f scn, with --plan: the day the change is complete (YYYY-MM-DD)")
	return cmd
}

// scnOptions checks the -f scn flags: dates are ISO dates, and a plan's
// dates come with its summary.
func (o *diffOpts) scnOptions() (cr26.SCNOptions, error) {
	opts := o.scn
	opts.ChangeType = o.scnType.value
	for _, f := range []struct{ flag, date string }{{"planned-start", o.plan.PlannedStart}, {"planned-completion", o.plan.PlannedCompletion}} {
		if _, err := time.Parse(time.DateOnly, f.date); f.date != "" && err != nil {
			return opts, usagef("--%s %q: want a date such as 2027-01-31", f.flag, f.date)
		}
	}
	switch {
	case o.plan.Summary != "":
		plan := o.plan
		opts.Plan = &plan
	case o.plan.PlannedStart != "" || o.plan.PlannedCompletion != "":
		return opts, usagef("--planned-start and --planned-completion belong to a plan: give --plan too")
	}
	return opts, nil
}

func parseKinds(flag string, names []string) ([]diff.Kind, error) {
	var out []diff.Kind
	for _, n := range names {
		k := diff.Kind(strings.TrimSpace(n))
		if !slices.Contains(diff.Kinds, k) {
			return nil, usagef("--%s: unknown change kind %q (want %s)", flag, n, strings.Join(diff.KindNames(), ", "))
		}
		out = append(out, k)
	}
	return out, nil
}

func runDiff(s *streams, o *diffOpts, oldPath, newPath string) error {
	failOn, err := parseKinds("fail-on", o.failOn)
	if err != nil {
		return err
	}
	ignore, err := parseKinds("ignore", o.ignore)
	if err != nil {
		return err
	}
	families, err := familySet(o.families)
	if err != nil {
		return err
	}
	scn, err := o.scnOptions()
	if err != nil {
		return err
	}
	b := catalog.Baseline(o.baseline.value)
	oldSide, _, oldSources, err := loadSide(s, oldPath, b)
	if err != nil {
		return err
	}
	newSide, newRes, newSources, err := loadSide(s, newPath, b)
	if err != nil {
		return err
	}
	if o.out.format.value == validate.ForSCN {
		fs := validate.ExportFindings(newRes, validate.ForSCN)
		if errs, _ := crm.Count(fs); errs > 0 {
			return refuse(s, &build.Refusal{Findings: fs, Reason: "nothing written: the new version lacks what the scn needs"})
		}
	}
	res := diff.Compare(oldSide, newSide, diff.Options{MatchByID: o.matchByID, Families: families})
	res.Filter(ignore)
	if err := writeFormatted(s, o.out, report.DiffFormats, append(oldSources, newSources...), report.Comparison{Result: res, New: newSide, SCN: scn}); err != nil {
		return err
	}
	fmt.Fprintln(s.err, res.Summarize().Line())
	if len(failOn) > 0 && !res.Has(failOn) || len(res.Changes) == 0 {
		return nil
	}
	return errFindings
}

// loadSide reads one version, and the files it was read from. A side whose
// content has errors is still compared, with a note; one that cannot be read
// as an input at all is not.
func loadSide(s *streams, path string, b catalog.Baseline) (*diff.Side, *validate.Result, []string, error) {
	res, err := validate.File(path, b)
	if err != nil {
		return nil, nil, nil, err
	}
	errs, _ := crm.Count(res.Findings)
	if res.Doc == nil {
		return nil, nil, nil, fmt.Errorf("%s cannot be compared: %d errors; run crm validate %s", path, errs, path)
	}
	if errs > 0 {
		fmt.Fprintf(s.err, "%s: note: %d errors (crm validate shows them); compared as read\n", path, errs)
	}
	side := &diff.Side{Name: path, Doc: res.Doc, Rows: res.Rows, Bare: res.Imported != nil && !res.Imported.Provenance}
	if side.Bare {
		fmt.Fprintf(s.err, "%s: note: a workbook without crm's Provenance sheet: compared as its cells show it; not compared: %s\n",
			path, strings.Join(diff.NotCompared, ", "))
	}
	return side, res, res.Sources, nil
}
