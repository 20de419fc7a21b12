package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/crm-tool/crm/crm/catalog"
	"github.com/crm-tool/crm/crm/cr26"
	"github.com/crm-tool/crm/crm/diff"
	"github.com/crm-tool/crm/crm/schemacheck"
	"github.com/crm-tool/crm/crm/workbook"
	"github.com/crm-tool/crm/internal/markdown"
)

// Comparison is what crm diff writes: the changes, and the newer side they
// lead to (for a change notice).
type Comparison struct {
	Result *diff.Result
	New    *diff.Side
	SCN    cr26.SCNOptions // what -f scn cannot learn from the comparison
}

// DiffFormats are how crm diff writes a comparison: the changes as text,
// Markdown, JSON or a workbook, a change notice for customers (Markdown to
// publish, and the same as HTML for people who read it in a browser), or a
// draft FedRAMP CR26 Significant Change Notification (JSON).
var DiffFormats = Formats[Comparison]{
	{Name: "text", Write: func(w io.Writer, c Comparison) error { return writeDiffText(w, c.Result) }},
	{Name: "markdown", Write: func(w io.Writer, c Comparison) error { return writeDiffMarkdown(w, c.Result) }},
	{Name: "json", Write: func(w io.Writer, c Comparison) error { return writeDiffJSON(w, c.Result) }},
	{Name: "xlsx", Binary: true, Write: func(w io.Writer, c Comparison) error { return workbook.WriteChanges(w, c.Result) }},
	{Name: "notice", Write: func(w io.Writer, c Comparison) error {
		return writeNoticeMarkdown(w, diff.BuildNotice(c.Result, c.New))
	}},
	{Name: "notice-html", Write: func(w io.Writer, c Comparison) error {
		return noticeHTML.Execute(w, noticeView(diff.BuildNotice(c.Result, c.New)))
	}},
	{Name: "scn", Write: func(w io.Writer, c Comparison) error {
		return writeCR26(w, "SCN", schemacheck.SCN, cr26.BuildSCN(c.Result, c.New, c.SCN), cr26.CheckSCN)
	}},
}

// describe says what a change means, in words.
func describe(ch diff.Change) string {
	switch ch.Kind {
	case diff.CustomerShift:
		return fmt.Sprintf("responsibility moved toward the customer: %s → %s", ch.Old, ch.New)
	case diff.ProviderShift:
		return fmt.Sprintf("responsibility moved toward the provider: %s → %s", ch.Old, ch.New)
	case diff.AnswerChanged:
		return fmt.Sprintf("answer %s → %s", dash(ch.Old), dash(ch.New))
	case diff.RowAdded:
		return "row added: " + ch.Reason
	case diff.RowRemoved:
		return "row removed: " + ch.Reason
	case diff.RevisionRemap:
		if ch.Old != "" || ch.New != "" || !strings.Contains(ch.Reason, "changed its rows") {
			return "only in one revision: " + ch.Reason
		}
		return ch.Reason
	case diff.OriginationChanged:
		return fmt.Sprintf("origination %s → %s", dash(ch.Old), dash(ch.New))
	case diff.StatusChanged:
		return fmt.Sprintf("status %s → %s", dash(ch.Old), dash(ch.New))
	case diff.TextWhitespace:
		return "responsibilities text: white space only"
	case diff.SystemChanged:
		return fmt.Sprintf("%s: %q → %q", ch.Field, ch.Old, ch.New)
	}
	return string(ch.Kind)
}

func writeDiffJSON(w io.Writer, r *diff.Result) error {
	return writeJSON(w, struct {
		Version     int           `json:"version"`
		Old         string        `json:"old"`
		New         string        `json:"new"`
		OldRevision int           `json:"old_revision"`
		NewRevision int           `json:"new_revision"`
		OldBaseline string        `json:"old_baseline"`
		NewBaseline string        `json:"new_baseline"`
		Changes     []diff.Change `json:"changes"`
		Summary     diff.Summary  `json:"summary"`
	}{FormatVersion, r.Old, r.New, r.OldRevision, r.NewRevision, r.OldBaseline, r.NewBaseline, nonNilList(r.Changes), r.Summarize()})
}

func familyHeading(fam string) string {
	if fam == "" {
		return "System"
	}
	if f, ok := catalog.Default().Family(fam); ok {
		return fam + " " + f.Title
	}
	return fam
}

func writeDiffText(w io.Writer, r *diff.Result) error {
	fmt.Fprintf(w, "--- %s\n+++ %s\n", r.Old, r.New)
	family := "\x00"
	for _, ch := range r.Changes {
		if ch.Family != family {
			family = ch.Family
			fmt.Fprintf(w, "\n%s\n", familyHeading(family))
		}
		row := ch.Row
		if row == "" {
			row = "-"
		}
		text := describe(ch)
		if ch.Kind == diff.TextChanged {
			text = "responsibilities: " + diff.Inline(ch.Words, "[-", "-]", "{+", "+}")
		}
		if _, err := fmt.Fprintf(w, "  %-19s %-12s %s\n", ch.Kind, row, text); err != nil {
			return err
		}
	}
	return nil
}

func escapeWords(ops []diff.WordOp) []diff.WordOp {
	out := make([]diff.WordOp, len(ops))
	for i, op := range ops {
		out[i] = diff.WordOp{Op: op.Op, Text: markdown.Escape(op.Text)}
	}
	return out
}

func writeDiffMarkdown(w io.Writer, r *diff.Result) error {
	s := r.Summarize()
	fmt.Fprintf(w, "# Changes to the Customer Responsibility Matrix\n\n")
	fmt.Fprintf(w, "From `%s` (Rev %d, %s) to `%s` (Rev %d, %s).\n\n", r.Old, r.OldRevision, r.OldBaseline, r.New, r.NewRevision, r.NewBaseline)
	if s.Total == 0 {
		_, err := fmt.Fprintln(w, "No differences.")
		return err
	}
	fmt.Fprintf(w, "| change | count |\n|---|---|\n")
	for _, k := range diff.Kinds {
		if n := s.Kinds[string(k)]; n > 0 {
			fmt.Fprintf(w, "| %s | %d |\n", k, n)
		}
	}
	family := "\x00"
	for _, ch := range r.Changes {
		if ch.Family != family {
			family = ch.Family
			fmt.Fprintf(w, "\n## %s\n\n", familyHeading(family))
		}
		text := markdown.Escape(describe(ch))
		if ch.Kind == diff.TextChanged {
			text = "responsibilities: " + diff.Inline(escapeWords(ch.Words), "~~", "~~", "**", "**")
		}
		if ch.Row != "" {
			text = "**" + ch.Row + "** " + text
		}
		if _, err := fmt.Fprintf(w, "- %s\n", text); err != nil {
			return err
		}
	}
	return nil
}
