package report

import (
	"fmt"
	"io"

	"github.com/crm-tool/crm/crm/obligations"
	"github.com/crm-tool/crm/crm/workbook"
	"github.com/crm-tool/crm/internal/markdown"
)

// Checklist is what the agency must do on a provider's system, as crm
// obligations writes it.
type Checklist struct {
	Provider    string
	Obligations []obligations.Obligation
}

// ObligationsFormats are how crm obligations writes a checklist, grouped by
// family, then the rows not yet in place at the provider.
var ObligationsFormats = Formats[Checklist]{
	{Name: "text", Write: writeObligationsText},
	{Name: "markdown", Write: writeObligationsMarkdown},
	{Name: "csv", Write: writeObligationsCSV},
	{Name: "xlsx", Binary: true, Write: func(w io.Writer, c Checklist) error {
		return workbook.WriteObligations(w, c.Provider, c.Obligations)
	}},
}

const noDuty = "the CRM does not say what; ask the provider"

// Headings of the sections after the duties.
const (
	conditionalHeading = "Inherited, with what the CRM still tells the customer (often a condition): read these"
	notInPlaceHeading  = "Not yet in place at the provider: plan for these until the date given"
)

func writeObligationsCSV(w io.Writer, c Checklist) error {
	cw := newCSV(w)
	_ = cw.Write([]string{"section", "row", "family", "title", "answer", "service", "duty"})
	for _, o := range c.Obligations {
		if len(o.Duties) == 0 {
			_ = cw.Write([]string{o.Section, o.Row, o.Family, o.Title, o.Answer, "", ""})
		}
		for _, d := range o.Duties {
			_ = cw.Write([]string{o.Section, o.Row, o.Family, o.Title, o.Answer, d.Service, d.Text})
		}
	}
	cw.Flush()
	return cw.Error()
}

func writeObligationsMarkdown(w io.Writer, c Checklist) error {
	fmt.Fprintf(w, "# What the agency must do: %s\n\n%d rows are not inherited whole.\n", markdown.Escape(c.Provider), obligations.Duties(c.Obligations))
	group := ""
	for _, o := range c.Obligations {
		if g := groupOf(o); g != group {
			group = g
			fmt.Fprintf(w, "\n## %s\n\n", g)
		}
		if _, err := fmt.Fprintf(w, "- [ ] **%s** %s (%s): %s\n", o.Row, markdown.Escape(o.Title), o.Answer, markdown.Escape(duties(o))); err != nil {
			return err
		}
	}
	return nil
}

func writeObligationsText(w io.Writer, c Checklist) error {
	fmt.Fprintf(w, "What the agency must do: %s (%d rows)\n", c.Provider, obligations.Duties(c.Obligations))
	group := ""
	for _, o := range c.Obligations {
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
