package report

import (
	"fmt"
	"io"

	"github.com/crm-tool/crm/crm/obligations"
)

// ObligationsFormats are the text formats WriteObligations accepts (xlsx is
// written by package workbook), default first.
var ObligationsFormats = []string{"text", "markdown", "csv"}

const noDuty = "the CRM does not say what; ask the provider"

// Headings of the sections after the duties.
const (
	conditionalHeading = "Inherited, with what the CRM still tells the customer (often a condition): read these"
	notInPlaceHeading  = "Not yet in place at the provider: plan for these until the date given"
)

// WriteObligations renders the agency's checklist, grouped by family, then
// the rows not yet in place at the provider.
func WriteObligations(w io.Writer, format, provider string, obls []obligations.Obligation) error {
	switch format {
	case "csv":
		cw := newCSV(w)
		_ = cw.Write([]string{"section", "row", "family", "title", "answer", "service", "duty"})
		for _, o := range obls {
			if len(o.Duties) == 0 {
				_ = cw.Write([]string{o.Section, o.Row, o.Family, o.Title, o.Answer, "", ""})
			}
			for _, d := range o.Duties {
				_ = cw.Write([]string{o.Section, o.Row, o.Family, o.Title, o.Answer, d.Service, d.Text})
			}
		}
		cw.Flush()
		return cw.Error()
	case "markdown":
		fmt.Fprintf(w, "# What the agency must do: %s\n\n%d rows are not inherited whole.\n", markdownEscaper.Replace(provider), obligations.Duties(obls))
		group := ""
		for _, o := range obls {
			if g := groupOf(o); g != group {
				group = g
				fmt.Fprintf(w, "\n## %s\n\n", g)
			}
			fmt.Fprintf(w, "- [ ] **%s** %s (%s): %s\n", o.Row, markdownEscaper.Replace(o.Title), o.Answer, markdownEscaper.Replace(duties(o)))
		}
		return nil
	case "text":
		fmt.Fprintf(w, "What the agency must do: %s (%d rows)\n", provider, obligations.Duties(obls))
		group := ""
		for _, o := range obls {
			if g := groupOf(o); g != group {
				group = g
				fmt.Fprintf(w, "\n%s\n", g)
			}
			if _, err := fmt.Fprintf(w, "  %-12s %-8s %s\n", o.Row, o.Answer, duties(o)); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("unknown format %q", format)
}

// groupOf is the heading an obligation is listed under: its family, or the
// not-in-place section.
func groupOf(o obligations.Obligation) string {
	switch o.Section {
	case obligations.SectionConditional:
		return conditionalHeading
	case obligations.SectionNotInPlace:
		return notInPlaceHeading
	}
	return familyHeading(o.Family)
}

// duties joins a row's duties on one line, naming their services.
func duties(o obligations.Obligation) string {
	if len(o.Duties) == 0 {
		return noDuty
	}
	s := ""
	for i, d := range o.Duties {
		if i > 0 {
			s += " "
		}
		if d.Service != "" {
			s += d.Service + ": "
		}
		s += oneLine(d.Text)
	}
	return s
}
