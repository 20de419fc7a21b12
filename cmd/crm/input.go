package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crm-tool/crm/crm"
	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/validate"
)

// loadInput reads and checks an input document or workbook for a command
// that writes from it: the one place that decides what an unfinished input
// gets. One with errors, or with rows still marked todo or answered by
// nothing, is refused with its findings on stderr and exit 1, nothing
// written, unless force; one that breaks the input schema cannot be read at
// all, force or not.
func loadInput(s *streams, path string, baseline catalog.Baseline, force bool) (*validate.Result, error) {
	res, err := validate.File(path, baseline)
	if err != nil {
		return nil, err
	}
	if res.Doc == nil {
		return nil, refuse(s, res.Findings, fmt.Sprintf("nothing written: %s does not follow the input schema", path))
	}
	if force {
		return res, nil
	}
	var why []string
	if errs, _ := crm.Count(res.Findings); errs > 0 {
		why = append(why, fmt.Sprintf("%s has %s", path, plural(errs, "error")))
	}
	todo, unanswered := crm.Unfinished(res.Rows, nsoExempt(catalog.Baseline(res.Doc.System.Baseline)))
	if len(todo)+len(unanswered) > 0 {
		why = append(why, unfinished(todo, unanswered))
	}
	if len(why) > 0 {
		return nil, refuse(s, res.Findings, "nothing written: "+strings.Join(why, "; ")+"; finish it, or use --force")
	}
	return res, nil
}

// addForceFlag registers --force for commands that load an input.
func addForceFlag(cmd *cobra.Command, force *bool) {
	cmd.Flags().BoolVar(force, "force", false, "write from an input with errors, or with rows still todo or unanswered")
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
