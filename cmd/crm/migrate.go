package main

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/inputdoc"
	"github.com/crm-tool/crm/crm/migrate"
)

const migrateLong = `Carry a CRM (an input document or a workbook) to another FedRAMP baseline
(--to high), or from Rev 4 rows to Rev 5. Answers and texts follow each row
where the row survives, also through the catalog's incorporated-into and
moved-to links of withdrawn controls. The result is a Rev 5 input document.

The report on standard error lists three things, and the document marks the
last two todo for review (crm generate refuses todo rows):
  carried   rows that kept their answer and texts
  new       rows the target has and the source did not: nothing to carry
  changed   rows carried whose meaning may have changed (a control whose parts
            differ between Rev 4 and Rev 5, or a withdrawn control's row
            carried to where it was incorporated)
and the source rows the target has no place for (dropped).`

type migrateOpts struct {
	to       *enumFlag
	baseline *enumFlag
	out      *outputFlags
	force    bool
}

func newMigrateCmd(s *streams) *cobra.Command {
	o := &migrateOpts{}
	cmd := &cobra.Command{
		Use:   "migrate INPUT --to BASELINE",
		Short: "Carry a CRM to another baseline, or from Rev 4 to Rev 5",
		Long:  migrateLong,
		Example: `  crm migrate crm-moderate.yaml --to high -o crm-high.yaml
  crm migrate rev4-cis-workbook.xlsx -o rev5.yaml`,
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: completeInputFiles,
		RunE:              func(_ *cobra.Command, args []string) error { return runMigrate(s, o, args[0]) },
	}
	o.to = addEnumFlag(cmd, "to", "", "", "target baseline (default: the input's, for a Rev 4 input)", catalog.BaselineNames())
	o.baseline = addBaselineChoice(cmd)
	o.out = addOutputFlags(cmd, []string{"yaml", "json"})
	addForceFlag(cmd, &o.force)
	return cmd
}

func runMigrate(s *streams, o *migrateOpts, path string) error {
	res, err := loadInput(s, path, catalog.Baseline(o.baseline.value), o.force)
	if err != nil {
		return err
	}
	to := catalog.Baseline(o.to.value)
	if to == "" {
		if res.Doc.Revision != 4 {
			return usagef("say which baseline to migrate %s to, with --to", path)
		}
		to = catalog.Baseline(res.Doc.System.Baseline)
	}
	doc, rep, err := migrate.Migrate(res.Doc, res.Rows, to)
	if err != nil {
		return usagef("%w", err)
	}
	if err := writeOutput(s, o.out.output, false, res.Sources, func(w io.Writer) error {
		if o.out.format.value == "json" {
			enc := json.NewEncoder(w)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			return enc.Encode(doc)
		}
		return inputdoc.Write(w, doc, inputdoc.Options{Header: []string{
			fmt.Sprintf("Migrated by crm migrate from %s (%s) to %s.", filepath.Base(path), rep.From, rep.To),
			fmt.Sprintf("%d rows carried; %d new and %d changed rows are marked todo for review.", rep.Carried, len(rep.New), len(rep.Changed)),
		}})
	}); err != nil {
		return err
	}
	for _, group := range []struct {
		name  string
		items []migrate.Item
	}{{"new", rep.New}, {"changed", rep.Changed}, {"dropped", rep.Dropped}} {
		for _, it := range group.items {
			fmt.Fprintf(s.err, "%-8s %-12s %s\n", group.name, it.Row, it.Reason)
		}
	}
	fmt.Fprintf(s.err, "migrated %s (%s) to %s: %d rows carried, %d new (todo), %d changed (todo), %d dropped\n",
		path, rep.From, rep.To, rep.Carried, len(rep.New), len(rep.Changed), len(rep.Dropped))
	return nil
}
